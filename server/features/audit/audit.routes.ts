import { auditEntry, auditListQuery, auditPage } from "@shared/contracts/audit";
import { routeTable } from "../../lib/route-table";
import type { AuditService } from "./audit.service";

/** GET /api/v1/audit: the audit trail, newest first (admins). */
export const auditRoutes = routeTable<AuditService>(
  {
    mount: "/api/v1",
    tag: { name: "Audit", description: "The audit trail of security-relevant actions (admins only)." },
    schemas: { AuditEntry: auditEntry, AuditEntryList: auditPage },
    commonErrors: true,
  },
  (route) => [
    route({
      method: "get",
      path: "/audit",
      operationId: "listAuditEntries",
      summary: "List audit entries, newest first",
      description: "Filter by `actor` (user id or email) and `action` (e.g. `auth.login.failed`). Admins only.",
      access: "admin",
      request: { query: auditListQuery },
      responses: { 200: { description: "A page of audit entries.", schema: auditPage } },
      errors: [400, "unauthenticated", "forbidden"],
      handler: ({ user, query }, audit) => audit.list(user, query),
    }),
  ],
);
