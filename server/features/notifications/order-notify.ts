import type { SQL } from "drizzle-orm";
import { z } from "zod";
import { orderStatus, type Order, type OrderStatus } from "@shared/contracts/orders";
import type { TxScope } from "../../db";
import type { Logger } from "../../lib/logger";
import type { JobQueue } from "../jobs/jobs.types";
import type { MailService } from "../mail/mail.service";
import type { WebhooksService } from "../webhooks/webhooks.service";
import type { WebhookEventType } from "@shared/contracts/webhooks";

export const ORDER_NOTIFY = "order.notify";

/**
 * Why an order was cancelled, when the customer's mail depends on it: `abandoned` = the pending-order sweep
 * cancelled a checkout whose process died (the shopper never got an answer, so a mail tells them);
 * `payment_failed` = the card was declined or the provider failed at checkout (staff get a notification).
 */
export const cancelReasons = ["abandoned", "payment_failed"] as const;

/**
 * Enqueued by orders in the transaction that changes an order's status, through enqueueOrderNotify: one job per
 * (order, status). Checkout enqueues none for `pending`; leaving pending also announces the order's creation.
 */
export const orderNotifyPayload = z.object({
  orderId: z.uuid(),
  status: orderStatus,
  previousStatus: orderStatus.nullable(),
  reason: z.enum(cancelReasons).optional(),
});
export type OrderNotifyPayload = z.infer<typeof orderNotifyPayload>;

/** The outbox write: commits or rolls back with the order's own transaction; an order reaches a status once, so (order, status) is the key. */
const notifyDedupeKey = (payload: OrderNotifyPayload) => `order.notify:${payload.orderId}:${payload.status}`;

export function enqueueOrderNotify(jobs: JobQueue, payload: OrderNotifyPayload, tx: TxScope): Promise<void> {
  return jobs.enqueue(ORDER_NOTIFY, payload, { tx, dedupeKey: notifyDedupeKey(payload) });
}

/** The same outbox row inside checkout's single settle statement (ADR 075): written only if `from` has a row. */
export function orderNotifySql(jobs: JobQueue, payload: OrderNotifyPayload, from: SQL): SQL {
  return jobs.enqueueSql(ORDER_NOTIFY, payload, { dedupeKey: notifyDedupeKey(payload) }, from);
}

export interface OrderNotifyDeps {
  /** The order as the API shows it (orders feature). */
  findOrder: (id: string) => Promise<Order | undefined>;
  findUser: (id: string) => Promise<{ name: string } | undefined>;
  mail: MailService;
  webhooks: WebhooksService;
  logger: Logger;
  /** Staff notifications (issue 16 §1): new order, failed payment, low stock. Idempotent, like the rest of the job. */
  staffAlerts?: {
    deliver(alert: { kind: "order.new" | "payment.failed"; title: string; body: string; link: string; dedupeKey: string }): Promise<unknown>;
    checkLowStock(productIds: string[]): Promise<void>;
  };
}

/** The customer mail for a status, if it gets one; its dedupe key makes each (order, status) mail once. */
async function mailFor(deps: OrderNotifyDeps, order: Order, change: OrderNotifyPayload, customerName: string) {
  const { status, previousStatus } = change;
  // Guest orders (issue 11) go to the address given at checkout; an order whose owner deleted the account gets none.
  const to = order.userId ? { userId: order.userId } : order.guestEmail ? { email: order.guestEmail } : undefined;
  if (!to) return;
  const props = { order, customerName };
  switch (status) {
    case "paid":
      return deps.mail.enqueue("order-confirmation", to, props, { dedupeKey: `order-confirmation:${order.id}` });
    case "shipped":
      return deps.mail.enqueue("order-shipped", to, props, { dedupeKey: `order-shipped:${order.id}` });
    case "delivered":
      return deps.mail.enqueue("order-delivered", to, props, { dedupeKey: `order-delivered:${order.id}` });
    case "cancelled":
      // A declined card, or a shopper cancelling their own unpaid order, was answered at the time: no mail. A paid
      // order's cancellation takes money back, and an abandoned checkout (the process died mid-charge) never
      // answered the shopper: both get one.
      if (previousStatus === "paid" || change.reason === "abandoned") {
        return deps.mail.enqueue("order-cancelled", to, { ...props, refunded: previousStatus === "paid" }, { dedupeKey: `order-cancelled:${order.id}` });
      }
      return;
    case "pending":
      return;
  }
}

/** The webhook events for a status change; each is keyed so a re-run of the job adds no second delivery. */
async function dispatchFor(deps: OrderNotifyDeps, order: Order, status: OrderStatus, previousStatus: OrderStatus | null) {
  const { webhooks } = deps;
  const events: Array<{ type: WebhookEventType; data: unknown; eventKey: string }> = [];
  // An order is announced when it leaves pending (checkout's settlement or the sweep): one outbox row per checkout.
  // previousStatus null is an order created straight into a status (and jobs queued before this rule).
  if (previousStatus === null || previousStatus === "pending") events.push({ type: "order.created", data: order, eventKey: `order.created:${order.id}` });
  if (status === "paid") events.push({ type: "order.paid", data: order, eventKey: `order.paid:${order.id}` });
  if (status === "cancelled") events.push({ type: "order.cancelled", data: order, eventKey: `order.cancelled:${order.id}` });
  if (previousStatus !== null) {
    events.push({ type: "order.status_changed", data: { ...order, previousStatus }, eventKey: `order.status_changed:${order.id}:${status}` });
  }
  // One query for all of them instead of one per event (ADR 081); most shops subscribe to few or none.
  const subscribed = await webhooks.subscribedAmong(events.map((e) => e.type));
  for (const event of events) if (subscribed.has(event.type)) await webhooks.dispatch(event.type, event.data, { eventKey: event.eventKey });
}

/** The staff notifications that follow a status change (ADR 054); dedupe keys make a re-run add none. */
async function alertStaff(deps: OrderNotifyDeps, order: Order, change: OrderNotifyPayload, customerName: string) {
  const alerts = deps.staffAlerts;
  if (!alerts) return;
  const link = `/admin/orders/${order.id}`;
  const items = `${order.items.reduce((n, i) => n + i.quantity, 0)} item(s)`;
  if (change.status === "paid" && change.previousStatus === "pending") {
    await alerts.deliver({
      kind: "order.new",
      title: `New order ${order.number}`,
      body: `${customerName} paid for ${items}.`,
      link,
      dedupeKey: `order.new:${order.id}`,
    });
    await alerts.checkLowStock(order.items.map((i) => i.productId));
  }
  if (change.status === "cancelled" && change.reason === "payment_failed") {
    await alerts.deliver({
      kind: "payment.failed",
      title: `Payment failed for order ${order.number}`,
      body: `${customerName}'s payment for ${items} failed; the order was cancelled.`,
      link,
      dedupeKey: `payment.failed:${order.id}`,
    });
  }
}

/**
 * The order.notify handler: the mail and the webhook events that follow an order's status change. The order
 * is read when the job runs, so the mail shows it as it is then (items and totals never change after checkout).
 */
export function createOrderNotifier(deps: OrderNotifyDeps) {
  return async function notify(rawPayload: unknown): Promise<void> {
    const change = orderNotifyPayload.parse(rawPayload);
    const { orderId, status, previousStatus } = change;
    const order = await deps.findOrder(orderId);
    if (!order) {
      deps.logger.warn({ orderId }, "order notification skipped: the order no longer exists");
      return;
    }
    const customer = order.userId ? await deps.findUser(order.userId) : undefined;
    // Staff first: the bell is the one live promise here (within 1 s of the order, issue 16); all three are idempotent.
    await alertStaff(deps, order, change, customer?.name ?? order.shippingAddress.name);
    await mailFor(deps, order, change, customer?.name ?? order.shippingAddress.name);
    await dispatchFor(deps, order, status, previousStatus);
  };
}

export function registerOrderNotifyJob(jobs: JobQueue, notify: ReturnType<typeof createOrderNotifier>): void {
  // Urgent (ADR 085): its first act is the staff bell, promised within 1 s of the order.
  jobs.register(ORDER_NOTIFY, notify, { retryLimit: 10, retryDelaySeconds: 30, timeoutSeconds: 60, priority: "urgent" });
}
