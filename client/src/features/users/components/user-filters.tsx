import { useCallback, useId } from "react";
import { roles, type Role } from "@shared/contracts/auth";
import { labelClasses } from "@client/components/ui/field-styles";
import { SearchField, useSearchDraft } from "@client/components/ui/search-box";
import { Select } from "@client/components/ui/select";
import { roleLabels } from "@client/features/auth/roles";
import type { UserFilters } from "../api/users";

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

interface UserFiltersBarProps {
  /** The filters in the URL. */
  filters: UserFilters;
  onChange: (filters: UserFilters) => void;
}

/** Search (applied 300 ms after the last keystroke) and a role filter; both live in the URL. */
export function UserFiltersBar({ filters, onChange }: UserFiltersBarProps) {
  const id = useId();
  const { role } = filters;
  const applySearch = useCallback((q: string | undefined) => onChange({ q, role }), [onChange, role]);
  const [draft, setDraft] = useSearchDraft(filters.q, applySearch);

  return (
    <form role="search" aria-label="Filter users" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-4 sm:flex-row sm:items-end">
      <SearchField
        label="Search"
        value={draft}
        onChange={setDraft}
        onEnter={() => onChange({ q: draft.trim() || undefined, role })}
        placeholder="Name or email"
        className="sm:w-80"
      />
      <div className="sm:w-48">
        <label htmlFor={`${id}-role`} className={labelClasses}>
          Role
        </label>
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
