import { Link } from "wouter";
import { buttonClasses } from "@client/components/ui/button";
import { EmptyState } from "@client/components/ui/empty-state";
import { ListCount, LoadMore } from "@client/components/ui/list-paging";
import { QueryErrorState } from "@client/components/ui/query-error-state";
import { Skeleton } from "@client/components/ui/skeleton";
import { useAuditPages, type AuditFilters } from "../api/audit";
import { AUDIT_PATH } from "../search-params";
import { AuditTable } from "./audit-table";

/** The audit list for the current filters, newest first, with "Load more". */
export function AuditLog({ filters }: { filters: AuditFilters }) {
  const query = useAuditPages(filters);

  if (query.isPending) {
    return (
      <div aria-busy="true" className="space-y-2">
        <p role="status" className="sr-only">Loading the audit log</p>
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError && !query.data) {
    return <QueryErrorState error={query.error} title="We couldn't load the audit log" onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
  }

  const entries = query.data.pages.flatMap((page) => page.data);
  const filtered = Boolean(filters.actor || filters.action);
  if (entries.length === 0) {
    return (
      <EmptyState
        icon="📜"
        title={filtered ? "No entries match these filters" : "Nothing recorded yet"}
        description={filtered ? "The actor must be an exact email address or user id." : "Sign-ins, registrations and role changes appear here."}
        action={filtered ? <Link href={AUDIT_PATH} className={buttonClasses({ variant: "secondary" })}>Clear filters</Link> : undefined}
      />
    );
  }

  return (
    <div>
      <ListCount count={entries.length} noun="entry" plural="entries" hasMore={query.hasNextPage} moreLabel="older entries available" className="mb-3" />
      <AuditTable entries={entries} busy={query.isFetching} />
      <LoadMore query={query} noun="entries" label="Load older entries" loadingLabel="Loading older entries" />
    </div>
  );
}
