import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { auditEntry, auditListQuery, auditPage } from "@shared/contracts/audit";
import { errorResponses, jsonResponse, nameSchema, security } from "../openapi.components";

export const tag = { name: "Audit", description: "The audit trail of security-relevant actions (admins only)." };

export function register(registry: OpenAPIRegistry): void {
  nameSchema(auditEntry, "AuditEntry");
  nameSchema(auditPage, "AuditEntryList");

  registry.registerPath({
    method: "get",
    path: "/api/v1/audit",
    operationId: "listAuditEntries",
    tags: [tag.name],
    summary: "List audit entries, newest first",
    description: "Filter by `actor` (user id or email) and `action` (e.g. `auth.login.failed`). Admins only.",
    security: security.read,
    request: { query: auditListQuery },
    responses: { 200: jsonResponse("A page of audit entries.", auditPage), ...errorResponses(400, "unauthenticated", "forbidden") },
  });
}
