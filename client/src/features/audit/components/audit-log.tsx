import { ScrollText } from "lucide-react";
import { EmptyState, NoMatchesState } from "@client/components/ui/empty-state";
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
        filtered ? (
          <NoMatchesState
            icon={ScrollText}
            title="No entries match these filters"
            description="The actor must be an exact email address or user id."
            clearHref={AUDIT_PATH}
          />
        ) : (
          <EmptyState icon={ScrollText} title="Nothing recorded yet" description="Sign-ins, registrations and role changes appear here." />
        )
      }
    >
      {(entries) => <AuditTable entries={entries} busy={query.isFetching} />}
    </ListScaffold>
  );
}
