import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { AuditEntry, AuditListFilters, AuditListQuery } from "@shared/contracts/audit";
import type { ListOf } from "@shared/contracts/common";
import { api, cursorPaging } from "@client/lib/api";

/** What the audit log filters by: the actor (email or user id) and the action. */
export type AuditFilters = Partial<Pick<AuditListFilters, "actor" | "action">>;

export type AuditPage = ListOf<AuditEntry>;
export const AUDIT_PAGE_SIZE = 50;

/** The audit feature's one query-key factory; any write that records an audit row invalidates `all`. */
export const auditKeys = {
  all: ["audit"] as const,
  lists: () => [...auditKeys.all, "list"] as const,
  list: (filters: AuditFilters, pageSize: number) => [...auditKeys.lists(), filters, pageSize] as const,
};

export const auditPagesOptions = (filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>(
        "/api/v1/audit",
        { actor: filters.actor, action: filters.action, limit: pageSize, cursor: pageParam } satisfies AuditListQuery,
        signal,
      ),
    ...cursorPaging,
    // The log only grows: show the newest on every visit.
    staleTime: 0,
  });

export const useAuditPages = (filters: AuditFilters) => useInfiniteQuery(auditPagesOptions(filters));
