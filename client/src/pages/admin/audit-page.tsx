import { useMemo } from "react";
import { useLocation, useSearch } from "wouter";
import { ConsolePageHeader } from "@client/app/console-shell";
import type { AuditFilters } from "@client/features/audit/api/audit";
import { AuditFiltersForm } from "@client/features/audit/components/audit-filters";
import { AuditLog } from "@client/features/audit/components/audit-log";
import { auditHref, parseAuditFilters } from "@client/features/audit/search-params";

export default function AuditPage() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const filters = useMemo(() => parseAuditFilters(search), [search]);
  const apply = (next: AuditFilters) => {
    const href = auditHref(next);
    if (href !== `${location}${search ? `?${search}` : ""}`) navigate(href);
  };

  return (
    <>
      <title>Audit log · Admin · FruitfulPlanet</title>
      <ConsolePageHeader title="Audit log" description="Sign-ins, registrations, role changes and deletions, newest first." />
      <div className="mb-6">
        <AuditFiltersForm filters={filters} onApply={apply} />
      </div>
      <AuditLog filters={filters} />
    </>
  );
}
