import { z } from "zod";
import { listOf, pageQuery, uuid } from "./common";

/** Actions recorded so far; later features add catalog.* and order.* (the column is free text). */
export const auditActions = [
  "auth.login.succeeded",
  "auth.login.failed",
  "auth.register",
  "auth.logout",
  "user.role_changed",
  "user.updated",
  "user.deleted",
  "security.admin_network_denied",
  "auth.mfa.enabled",
  "auth.mfa.disabled",
  "auth.mfa.failed",
] as const;

export const auditListQuery = z
  .object({
    /** The actor's user id or email. */
    actor: z.string().trim().min(1).max(254).optional(),
    action: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[a-z_.]+$/, "Must look like auth.login.failed")
      .optional(),
    ...pageQuery,
  })
  .strict();
export type AuditListQuery = z.input<typeof auditListQuery>;
export type AuditListFilters = z.output<typeof auditListQuery>;

export const auditEntry = z.object({
  id: uuid,
  actor: z.object({ id: z.string().nullable(), email: z.string().nullable() }).nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = listOf(auditEntry);
