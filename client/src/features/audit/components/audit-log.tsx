import { Link } from "wouter";
import { Button, buttonClasses } from "@client/components/ui/button";
import { EmptyState } from "@client/components/ui/empty-state";
import { QueryErrorState } from "@client/components/ui/query-error-state";
import { Skeleton, Spinner } from "@client/components/ui/skeleton";
import { pluralize } from "@client/lib/format";
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
      <p role="status" className="mb-3 text-sm text-stone-600">
        Showing <span className="font-semibold text-stone-900">{pluralize(entries.length, "entry", "entries")}</span>
        {query.hasNextPage ? " — older entries available" : ""}
      </p>
      <AuditTable entries={entries} busy={query.isFetching} />
      <div className="mt-6 flex flex-col items-center gap-3">
        {query.isFetchNextPageError && <p role="alert" className="text-sm text-red-800">{query.error?.message ?? "Loading more entries failed."}</p>}
        {query.hasNextPage && (
          <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className="min-w-40">
            {query.isFetchingNextPage && <Spinner label="Loading older entries" />}
            {query.isFetchingNextPage ? "Loading…" : query.isFetchNextPageError ? "Try again" : "Load older entries"}
          </Button>
        )}
      </div>
    </div>
  );
}
