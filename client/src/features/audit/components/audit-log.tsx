import { Link } from "wouter";
import { buttonClasses } from "@client/components/ui/button";
import { EmptyState } from "@client/components/ui/empty-state";
import { ListScaffold } from "@client/components/ui/list-scaffold";
import { useAuditPages, type AuditFilters } from "../api/audit";
import { AUDIT_PATH } from "../search-params";
import { AuditTable } from "./audit-table";

/** The audit list for the current filters, newest first, with "Load more". */
export function AuditLog({ filters }: { filters: AuditFilters }) {
  const query = useAuditPages(filters);

  const filtered = Boolean(filters.actor || filters.action);
  return (
    <ListScaffold
      noun="entry"
      plural="entries"
      title="the audit log"
      query={query}
      items={query.data?.pages.flatMap((page) => page.data) ?? []}
      pages={query}
      moreLabel="older entries available"
      loadMoreLabel="Load older entries"
      loadingMoreLabel="Loading older entries"
      empty={
        <EmptyState
          icon="📜"
          title={filtered ? "No entries match these filters" : "Nothing recorded yet"}
          description={filtered ? "The actor must be an exact email address or user id." : "Sign-ins, registrations and role changes appear here."}
          action={
            filtered ? (
              <Link href={AUDIT_PATH} className={buttonClasses({ variant: "secondary" })}>
                Clear filters
              </Link>
            ) : undefined
          }
        />
      }
    >
      {(entries) => <AuditTable entries={entries} busy={query.isFetching} />}
    </ListScaffold>
  );
}
