import { ConsolePageHeader } from "@client/app/console-shell";
import { AuditFiltersForm } from "@client/features/audit/components/audit-filters";
import { AuditLog } from "@client/features/audit/components/audit-log";
import { auditFilters } from "@client/features/audit/search-params";
import { useUrlFilters } from "@client/lib/url-filters";

export default function AuditPage() {
  const [filters, apply] = useUrlFilters(auditFilters);

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
