import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { Order } from "@shared/contracts/orders";
import type { OrderStatusData } from "@shared/realtime";
import type { RealtimeHandler } from "@client/features/realtime/handlers";
import { applyOrderStatus, orderKeys, orderOptions, type OrderPage } from "./api/orders";
import { statusLabels, SYSTEM_ACTOR } from "./order-status";

/*
 * What the orders feature does with realtime messages: `order.status` and `order.created` update or refetch its
 * queries (through orderKeys only), and tell the shopper about their own orders with a toast.
 */

/**
 * Who made a change we only heard about: payments settle by themselves ("system"); everything else that moves
 * an order on is staff's doing. A placeholder until the refetch below brings the stored event with its real actor.
 */
const PROVISIONAL_STAFF_ACTOR = "staff";
const provisionalActor = (status: OrderStatusData["status"]) => (status === "paid" ? SYSTEM_ACTOR : PROVISIONAL_STAFF_ACTOR);

/** Messages can overtake each other (two replicas, a reconnect): an older one must never move the status back. */
function isNewerThanKnown(order: Order, update: OrderStatusData): boolean {
  const at = Date.parse(update.at);
  return order.events.every((e) => Date.parse(e.at) <= at);
}

/** The cached order with the new status and its timeline entry (unless it is already there, or older than what we know). */
export function withStatusUpdate(order: Order, update: OrderStatusData): Order {
  const known = order.events.some((e) => e.status === update.status && Date.parse(e.at) === Date.parse(update.at));
  if (known) return order; // this tab made the change itself, or heard it already
  const isNewest = isNewerThanKnown(order, update);
  const event: Order["events"][number] = { status: update.status, at: update.at, actor: provisionalActor(update.status) };
  const events = [...order.events, event].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return isNewest ? { ...order, status: update.status, updatedAt: update.at, events } : { ...order, events };
}

type OrderPages = InfiniteData<OrderPage, string | undefined>;

export interface OrderStatusOutcome {
  /** The status we showed before the message (undefined when the order was not in the cache). */
  previousStatus?: Order["status"];
  /** The owner, when the cache knew the order. */
  userId?: string;
}

/**
 * `order.status`: the open order page shows the new status and timeline entry at once; list pages holding the
 * order show the new status; then the order (real actor, refunds) and every list (filters, sorting) are refetched.
 */
export function applyOrderStatusMessage(queryClient: QueryClient, update: OrderStatusData): OrderStatusOutcome {
  const cached = queryClient.getQueryData<Order>(orderKeys.detail(update.orderId));
  let outcome: OrderStatusOutcome = {};
  const stale = cached !== undefined && !isNewerThanKnown(cached, update);
  if (cached) {
    outcome = { previousStatus: cached.status, userId: cached.userId ?? undefined };
    const next = withStatusUpdate(cached, update);
    if (next !== cached) queryClient.setQueryData(orderKeys.detail(update.orderId), next);
  }
  queryClient.setQueriesData<OrderPages>({ queryKey: orderKeys.lists() }, (data) => {
    if (!data?.pages) return data;
    let touched = false;
    const pages = data.pages.map((page) => ({
      ...page,
      data: page.data.map((o) => {
        if (o.id !== update.orderId) return o;
        outcome.previousStatus ??= o.status;
        outcome.userId ??= o.userId ?? undefined;
        const next = withStatusUpdate(o, update);
        if (next !== o) touched = true;
        return next;
      }),
    }));
    return touched ? { ...data, pages } : data;
  });
  // The follow-up refetch of the detail (real events, payments) and the lists. A stale message only refetches
  // (applyOrderStatus would otherwise put its older status back into the cache).
  if (stale) {
    void queryClient.invalidateQueries({ queryKey: orderKeys.detail(update.orderId) });
    void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
  } else {
    applyOrderStatus(queryClient, update);
  }
  return outcome;
}

/** Statuses a shopper hears about by toast even when the order was not on screen (payment shows on the checkout page). */
const NEWS_WORTHY = new Set(["shipped", "delivered", "cancelled"]);

/** True while this tab itself is changing the order (Cancel, staff's status buttons): that screen says so already. */
function isChangingHere(queryClient: QueryClient, orderId: string): boolean {
  return queryClient
    .getMutationCache()
    .getAll()
    .some((m) => {
      if (m.state.status !== "pending") return false;
      const variables = m.state.variables as unknown;
      return variables === orderId || (typeof variables === "object" && variables !== null && (variables as { id?: unknown }).id === orderId);
    });
}

export const ordersRealtime: RealtimeHandler = {
  channels: ["orders"],
  messages: {
    "order.status": (message, { queryClient, user, toast }) => {
      const outcome = applyOrderStatusMessage(queryClient, message.data);
      // Customers only ever receive their own orders' events; staff receive all, so only their own count here.
      const own = user.role === "customer" || outcome.userId === user.id;
      const changed = outcome.previousStatus !== undefined ? outcome.previousStatus !== message.data.status : NEWS_WORTHY.has(message.data.status);
      if (!own || !changed || isChangingHere(queryClient, message.data.orderId)) return;
      const announce = () =>
        toast({
          title: `Order ${message.data.number} is now ${statusLabels[message.data.status].toLowerCase()}`,
          tone: message.data.status === "cancelled" ? "info" : "success",
          action: { label: "View order", href: `/orders/${message.data.orderId}` },
        });
      if (message.data.status !== "cancelled") return announce();
      // A declined payment cancels a pending order the shopper never saw as an order (it is hidden from their
      // history; the checkout page explains the decline): no "now cancelled" toast for an order never paid.
      if (outcome.previousStatus === "pending") return;
      if (outcome.previousStatus !== undefined) return announce();
      void queryClient
        .fetchQuery(orderOptions(message.data.orderId))
        .then((order) => {
          if (order.events.some((e) => e.status === "paid")) announce();
        })
        .catch(() => undefined);
    },
    // Staff: every admin order list may now hold one more order.
    "order.created": (_message, { queryClient }) => void queryClient.invalidateQueries({ queryKey: orderKeys.lists() }),
  },
  onReconnect: (channels, { queryClient }) => {
    if (channels.includes("orders")) void queryClient.invalidateQueries({ queryKey: orderKeys.all });
  },
};
