import { index, inet, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    /** Null for anonymous actions such as a failed sign-in with an unknown email. */
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: inet("ip"),
    requestId: text("request_id"),
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt, t.id),
    index("audit_log_actor_created_idx").on(t.actorId, t.createdAt, t.id),
    index("audit_log_action_created_idx").on(t.action, t.createdAt, t.id),
  ],
);
