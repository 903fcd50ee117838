import { useEffect, useId, useState } from "react";
import { roles, type Role } from "@shared/contracts/auth";
import { Select } from "@client/components/ui/select";
import { controlClasses, labelClasses } from "@client/components/ui/field-styles";
import { roleLabels } from "@client/features/auth/roles";
import type { UserFilters } from "../api/users";

const SEARCH_DEBOUNCE_MS = 300;
const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

interface UserFiltersBarProps {
  /** The filters in the URL. */
  filters: UserFilters;
  onChange: (filters: UserFilters) => void;
}

/** Search (applied 300 ms after the last keystroke) and a role filter; both live in the URL. */
export function UserFiltersBar({ filters, onChange }: UserFiltersBarProps) {
  const id = useId();
  const urlQ = filters.q ?? "";
  const [draft, setDraft] = useState(urlQ);
  // Back/forward changed the URL: show its words, unless they are what is being typed (trailing space and all).
  const [syncedQ, setSyncedQ] = useState(urlQ);
  if (syncedQ !== urlQ) {
    setSyncedQ(urlQ);
    if (draft.trim() !== urlQ) setDraft(urlQ);
  }

  const { role } = filters;
  useEffect(() => {
    const q = draft.trim();
    if (q === urlQ) return;
    const timer = setTimeout(() => onChange({ q: q || undefined, role }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, urlQ, role, onChange]);

  return (
    <form role="search" aria-label="Filter users" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-4 sm:flex-row sm:items-end">
      <div className="sm:w-80">
        <label htmlFor={`${id}-q`} className={labelClasses}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          value={draft}
          maxLength={100}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter applies at once instead of waiting for the debounce.
            if (e.key === "Enter") onChange({ q: draft.trim() || undefined, role });
          }}
          placeholder="Name or email"
          autoComplete="off"
          className={controlClasses({ className: "mt-1.5" })}
        />
      </div>
      <div className="sm:w-48">
        <label htmlFor={`${id}-role`} className={labelClasses}>Role</label>
        <Select
          id={`${id}-role`}
          value={role ?? ""}
          onChange={(e) => onChange({ q: draft.trim() || undefined, role: (e.target.value || undefined) as Role | undefined })}
          placeholderOption="All roles"
          options={roleOptions}
          className="mt-1.5"
        />
      </div>
    </form>
  );
}
