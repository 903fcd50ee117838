import { auditListQuery } from "@shared/contracts/audit";
import { toQueryString } from "@client/lib/api";
import type { AuditFilters } from "./api/audit";

export const AUDIT_PATH = "/admin/audit";

/** Filters from the URL, each checked with the contract's schema; a bad value is dropped, not fatal. */
export function parseAuditFilters(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const actor = auditListQuery.shape.actor.safeParse(params.get("actor") ?? undefined);
  const action = auditListQuery.shape.action.safeParse(params.get("action") ?? undefined);
  return { actor: actor.success ? actor.data : undefined, action: action.success ? action.data : undefined };
}

export const auditHref = (filters: AuditFilters): string => `${AUDIT_PATH}${toQueryString({ actor: filters.actor, action: filters.action })}`;
