import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staffAlertKinds } from "../contracts/inbox";
import { sealedText } from "../sealed-columns";
import { createdAt, id, updatedAt } from "./columns";
import { products } from "./catalog";
import { orders } from "./orders";
import { users } from "./users";

/**
 * Staff and admin notifications (issue 16 §1, ADR 054): one row per recipient, so read state is personal.
 * `dedupe_key` names the event (order.new:<orderId>, …): a re-run fan-out job inserts nothing twice.
 */
export const staffNotifications = pgTable(
  "staff_notifications",
  {
    id: id(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: staffAlertKinds }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** A console path the bell's entry opens (/admin/orders/<id>, …), or null. */
    link: text("link"),
    dedupeKey: text("dedupe_key").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("staff_notifications_recipient_dedupe_idx").on(t.recipientId, t.dedupeKey),
    index("staff_notifications_recipient_created_idx").on(t.recipientId, t.createdAt, t.id),
    // The unread count on every console page load: only unread rows are in this index.
    index("staff_notifications_unread_idx")
      .on(t.recipientId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** Per-user choice of kinds (absent row = every kind in the bell, none by e-mail). */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Kinds left out of the bell (and so never e-mailed). */
  muted: jsonb("muted").$type<string[]>().notNull().default([]),
  /** Kinds also sent by e-mail. */
  emailed: jsonb("emailed").$type<string[]>().notNull().default([]),
  updatedAt: updatedAt(),
});

/** Per-product low-stock threshold; a product without a row uses the `lowStockThreshold` runtime flag (default 5). */
export const lowStockThresholds = pgTable(
  "low_stock_thresholds",
  {
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    threshold: integer("threshold").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId] }), check("low_stock_thresholds_threshold_check", sql`${t.threshold} >= 0`)],
);

/**
 * Order conversations (issue 16 §2, ADR 055). `author_id` is null for a guest (who writes with the order's access
 * token) and after an account is deleted; `author_side` tells the customer's messages from staff replies.
 * `read_at` is the read receipt: set when the other side opens the thread. The body is sealed at rest (issue 16 §5,
 * ADR 058): AES-GCM ciphertext under a key id, rotated by the data.reencrypt job.
 */
export const orderMessages = pgTable(
  "order_messages",
  {
    id: id(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorSide: text("author_side", { enum: ["customer", "staff"] }).notNull(),
    authorName: text("author_name").notNull(),
    body: sealedText("body", "order_messages.body").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("order_messages_order_created_idx").on(t.orderId, t.createdAt, t.id)],
);
