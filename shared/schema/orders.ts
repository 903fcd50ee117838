import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { sealedJson } from "../sealed-columns";
import { products, productVariants } from "./catalog";
import { users } from "./users";

import { orderStatuses, type ShippingAddress } from "../contracts/orders";

export { orderStatuses };

export const orders = pgTable(
  "orders",
  {
    id: id(),
    // Human order number: FP-000123 is formatted from this sequence value.
    number: bigserial("number", { mode: "number" }).notNull().unique(),
    /** Null for a guest checkout and for orders kept after their owner deleted the account (issue 11). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "restrict" }),
    /** A guest checkout's address for mails; attached to an account later by a verified e-mail. */
    guestEmail: text("guest_email"),
    status: text("status", { enum: orderStatuses }).notNull().default("pending"),
    subtotalCents: integer("subtotal_cents").notNull(),
    taxCents: integer("tax_cents").notNull(),
    shippingCents: integer("shipping_cents").notNull(),
    totalCents: integer("total_cents").notNull(),
    currency: varchar("currency", { length: 3 }).notNull().default("USD"),
    /** Sealed at rest (issue 16 §5): the column holds one AES-GCM JSON string; see sealed.ts. */
    shippingAddress: sealedJson<ShippingAddress>("shipping_address", "orders.shipping_address").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("orders_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("orders_status_created_idx").on(t.status, t.createdAt, t.id),
    index("orders_created_idx").on(t.createdAt, t.id),
    index("orders_guest_email_idx").on(t.guestEmail),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: id(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    /** The variant bought (null once an admin removed it from the product); its SKU and option values are copied for the record. */
    variantId: uuid("variant_id").references(() => productVariants.id, { onDelete: "set null" }),
    sku: text("sku").notNull().default(""),
    optionValues: jsonb("option_values").$type<Record<string, string>>().notNull().default({}),
    unitPriceCents: integer("unit_price_cents").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotalCents: integer("line_total_cents").notNull(),
  },
  (t) => [
    check("order_items_quantity_positive", sql`${t.quantity} > 0`),
    index("order_items_order_idx").on(t.orderId),
    index("order_items_product_idx").on(t.productId),
  ],
);

export const orderEvents = pgTable(
  "order_events",
  {
    id: id(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    status: text("status", { enum: orderStatuses }).notNull(),
    /** User id of whoever caused the change, or "system" (payment provider, timeouts). */
    actor: text("actor").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_at_idx").on(t.orderId, t.at)],
);

export const transactionKinds = ["charge", "refund"] as const;
export const transactionStatuses = ["succeeded", "failed"] as const;

export const transactions = pgTable(
  "transactions",
  {
    id: id(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: transactionKinds }).notNull(),
    status: text("status", { enum: transactionStatuses }).notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    provider: text("provider").notNull(),
    reference: text("reference").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("transactions_order_idx").on(t.orderId, t.createdAt)],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /**
     * The key's owner: a user id, or for a guest checkout an id derived from the guest's e-mail (so no foreign
     * key to users; rows expire after 24 h and the housekeeping job purges them).
     */
    userId: uuid("user_id").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of method + path + canonical body; a different fingerprint for the same key is a 422. */
    fingerprint: text("fingerprint").notNull(),
    responseStatus: smallint("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_expires_idx").on(t.expiresAt)],
);
