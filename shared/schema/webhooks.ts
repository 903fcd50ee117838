import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { webhookDeliveryStatuses, type WebhookEventType } from "../contracts/webhooks";
import { createdAt, id, updatedAt } from "./columns";

export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: id(),
  url: text("url").notNull(),
  description: text("description"),
  events: text("events").array().$type<WebhookEventType[]>().notNull(),
  /** The signing secret (whsec_…). Readable by the server because every delivery is signed with it; the API shows it once. */
  secret: text("secret").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  disabledReason: text("disabled_reason"),
  /** Failed attempts in a row across all deliveries; reset by any success or by re-enabling. */
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    /** Names the business event (e.g. order.paid:<orderId>): a retried dispatch adds no second delivery. */
    eventKey: text("event_key"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: webhookDeliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    durationMs: integer("duration_ms"),
    error: text("error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("webhook_deliveries_endpoint_created_idx").on(t.endpointId, t.createdAt, t.id),
    // NULL keys (pings, manual sends) never conflict: PostgreSQL treats NULLs as distinct.
    uniqueIndex("webhook_deliveries_event_key_idx").on(t.endpointId, t.eventKey),
    // The retention sweep deletes finished deliveries by age.
    index("webhook_deliveries_created_idx").on(t.createdAt),
  ],
);
