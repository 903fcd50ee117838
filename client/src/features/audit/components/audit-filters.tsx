import { useId, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { Button, buttonClasses } from "@client/components/ui/button";
import { controlClasses, labelClasses } from "@client/components/ui/field-styles";
import { Select } from "@client/components/ui/select";
import type { AuditFilters } from "../api/audit";
import { actionOptions } from "../action-labels";
import { AUDIT_PATH } from "../search-params";

interface AuditFiltersFormProps {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

/** The action applies as soon as it is picked; the actor (an exact email or user id) on Apply or Enter. */
export function AuditFiltersForm({ filters, onApply }: AuditFiltersFormProps) {
  const id = useId();
  const urlActor = filters.actor ?? "";
  const [actor, setActor] = useState(urlActor);
  const [syncedActor, setSyncedActor] = useState(urlActor);
  if (syncedActor !== urlActor) {
    setSyncedActor(urlActor);
    setActor(urlActor);
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ ...filters, actor: actor.trim() || undefined });
  };
  const active = Boolean(filters.actor || filters.action);

  return (
    <form role="search" aria-label="Filter the audit log" onSubmit={submit} className="flex flex-col gap-4 md:flex-row md:items-end">
      <div className="md:w-80">
        <label htmlFor={`${id}-actor`} className={labelClasses}>
          Actor
        </label>
        <input
          id={`${id}-actor`}
          type="search"
          value={actor}
          maxLength={254}
          onChange={(e) => setActor(e.target.value)}
          placeholder="Email or user id"
          autoComplete="off"
          aria-describedby={`${id}-actor-hint`}
          className={controlClasses({ className: "mt-1.5" })}
        />
        <p id={`${id}-actor-hint`} className="sr-only">
          Exact email address or user id of whoever acted.
        </p>
      </div>
      <div className="md:w-72">
        <label htmlFor={`${id}-action`} className={labelClasses}>
          Action
        </label>
        <Select
          id={`${id}-action`}
          value={filters.action ?? ""}
          onChange={(e) => onApply({ actor: actor.trim() || undefined, action: e.target.value || undefined })}
          placeholderOption="Any action"
          options={actionOptions(filters.action)}
          className="mt-1.5"
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {active && (
          <Link href={AUDIT_PATH} className={buttonClasses({ variant: "ghost" })}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
