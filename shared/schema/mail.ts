import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { mailStatuses } from "../contracts/mail";
import { sealedText } from "../sealed-columns";
import { createdAt, id } from "./columns";

/** Every e-mail the server produced, sent or not: without SMTP_URL this table is the only copy (ADR 024). */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    template: text("template").notNull(),
    /** The rendered bodies quote shipping addresses and order messages: sealed at rest (ADR 074). */
    html: sealedText("html", "mail_outbox.html").notNull(),
    text: sealedText("text", "mail_outbox.text").notNull(),
    status: text("status", { enum: mailStatuses }).notNull(),
    error: text("error"),
    /** The caller's dedupe key (e.g. order-confirmation:<orderId>): one message per key, whatever retries do. */
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("mail_outbox_dedupe_key_idx").on(t.dedupeKey),
    index("mail_outbox_created_idx").on(t.createdAt, t.id),
    index("mail_outbox_status_created_idx").on(t.status, t.createdAt, t.id),
  ],
);
