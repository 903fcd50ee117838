import type { Order, OrderStatus } from "@shared/contracts/orders";

export const statusLabels: Record<OrderStatus, string> = {
  pending: "Pending",
  paid: "Paid",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
};

/** One line a shopper reads under the status: what it means for them. */
export const statusExplanations: Record<OrderStatus, string> = {
  pending: "We're waiting for the payment to go through.",
  paid: "Payment received. We're packing your order.",
  shipped: "Your order is on its way.",
  delivered: "Your order has been delivered. Enjoy!",
  cancelled: "This order was cancelled.",
};

export const SYSTEM_ACTOR = "system";

/** The status line for this order: a cancelled order says whether it was a declined payment or a refund. */
export function explainStatus(order: Pick<Order, "status" | "events">): string {
  if (order.status !== "cancelled") return statusExplanations[order.status];
  const wasPaid = order.events.some((event) => event.status === "paid");
  if (wasPaid) return "This order was cancelled and its payment refunded.";
  const last = order.events.at(-1);
  // Cancelled by the system straight from pending: the card was declined (or the payment provider failed).
  if (last?.actor === SYSTEM_ACTOR) return "The payment was declined, so this order was cancelled. Nothing was charged.";
  return "This order was cancelled before it was paid. Nothing was charged.";
}

/** What staff press to move an order to each status (the allowed ones come from the shared state machine). */
export const statusActionLabels: Record<OrderStatus, string> = {
  pending: "Mark as pending",
  paid: "Mark as paid",
  shipped: "Mark as shipped",
  delivered: "Mark as delivered",
  cancelled: "Cancel order",
};

/** Statuses in which the owner may still cancel (the owner while pending or paid; shared/contracts/orders.ts). */
export const isCancellableByOwner = (status: OrderStatus): boolean => status === "pending" || status === "paid";

const GUEST_ACTOR = "guest";

/** Who caused a status change, as the reader should see it: an event's actor is a user id or "system". */
export function actorLabel(actor: string, order: Pick<Order, "userId">, viewer: "owner" | "staff"): string {
  if (actor === SYSTEM_ACTOR) return "System";
  // A guest checkout's first event (issue 11) is recorded as "guest".
  if (actor === order.userId || actor === GUEST_ACTOR) return viewer === "owner" ? "You" : "Customer";
  return "Staff";
}

export const itemCount = (order: Pick<Order, "items">): number => order.items.reduce((sum, item) => sum + item.quantity, 0);
