import { z } from "zod";
import { listOf, pageQuery, uuid } from "./common";

/*
 * Staff notifications (issue 16 §1, ADR 054) and order conversations (§2, ADR 055): the payloads of
 * /notifications and /orders/:id/messages, shared by the routes, the console and the order pages.
 */

/** What the bell tells staff and admins about. `webhook.disabled` and `job.dead` go to admins only. */
export const staffAlertKinds = ["order.new", "payment.failed", "stock.low", "webhook.disabled", "job.dead", "message.new"] as const;
export const staffAlertKind = z.enum(staffAlertKinds);
export type StaffAlertKind = z.infer<typeof staffAlertKind>;
export const ADMIN_ONLY_ALERT_KINDS: readonly StaffAlertKind[] = ["webhook.disabled", "job.dead"];

/** Labels for the preferences form and the panel. */
export const staffAlertKindLabels: Record<StaffAlertKind, string> = {
  "order.new": "New orders",
  "payment.failed": "Failed payments",
  "stock.low": "Low stock",
  "webhook.disabled": "Webhook endpoints disabled",
  "job.dead": "Background jobs dead-lettered",
  "message.new": "Customer messages",
};

export const staffNotification = z.object({
  id: uuid,
  kind: staffAlertKind,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffNotification = z.infer<typeof staffNotification>;

export const notificationListQuery = z.object({ ...pageQuery, unread: z.enum(["true", "false"]).optional() }).strict();
export type NotificationListQuery = z.output<typeof notificationListQuery>;
export const notificationList = listOf(staffNotification).extend({ unreadCount: z.number().int().min(0) });
export type NotificationList = z.infer<typeof notificationList>;
export const unreadCount = z.object({ unreadCount: z.number().int().min(0) });

export const notificationPreferences = z
  .object({
    /** Kinds shown in the bell (and pushed live). */
    inApp: z.array(staffAlertKind).max(staffAlertKinds.length),
    /** Kinds also e-mailed; a kind must be in `inApp` to be e-mailed. */
    email: z.array(staffAlertKind).max(staffAlertKinds.length),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

/**
 * Per-product low-stock threshold: an alert when a sale leaves the stock at or below it. Products without one use
 * the runtime flag `lowStockThreshold` (shared/contracts/settings.ts, default 5).
 */
export const lowStockThreshold = z.object({ threshold: z.number().int().min(0).max(1_000_000) }).strict();
export const lowStockThresholdResponse = z.object({ productId: uuid, threshold: z.number().int() });
export const productIdParams = z.object({ productId: uuid });

// ---- Order conversations ----

export const ORDER_MESSAGE_MAX_LENGTH = 2_000;
/** Messages one author may post on one order per minute (429 beyond). */
export const ORDER_MESSAGES_PER_MINUTE = 5;

export const orderMessageCreate = z
  .object({
    body: z.string().trim().min(1, "Write a message").max(ORDER_MESSAGE_MAX_LENGTH, `At most ${ORDER_MESSAGE_MAX_LENGTH} characters`),
  })
  .strict();
export type OrderMessageCreate = z.infer<typeof orderMessageCreate>;

export const orderMessageSide = z.enum(["customer", "staff"]);
export type OrderMessageSide = z.infer<typeof orderMessageSide>;

/** `body` is plain text: every client renders it as text, never as HTML. */
export const orderMessage = z.object({
  id: uuid,
  orderId: uuid,
  authorSide: orderMessageSide,
  authorName: z.string(),
  body: z.string(),
  /** When the other side first read it (read receipt), or null. */
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OrderMessage = z.infer<typeof orderMessage>;
/** The whole thread, oldest first (bounded by the per-minute limit; no pagination). */
export const orderMessageList = z.object({ data: z.array(orderMessage) });
export type OrderMessageList = z.infer<typeof orderMessageList>;
export const orderMessagesRead = z.object({ orderId: uuid, readerSide: orderMessageSide, readAt: z.string(), count: z.number().int() });
export type OrderMessagesRead = z.infer<typeof orderMessagesRead>;
