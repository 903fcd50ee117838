import { auditListQuery } from "@shared/contracts/audit";
import { readParams, type UrlFilterCodec } from "@client/lib/url-filters";
import type { AuditFilters } from "./api/audit";

export const AUDIT_PATH = "/admin/audit";

export const auditFilters: UrlFilterCodec<AuditFilters> = {
  path: AUDIT_PATH,
  parse: (params) => readParams(params, auditListQuery.shape, ["actor", "action"]),
  toParams: (filters) => ({ actor: filters.actor, action: filters.action }),
};
