import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { Order } from "@shared/contracts/orders";
import type { CatalogChangedData, OrderStatusData } from "@shared/realtime";
import { catalogKeys } from "@client/features/catalog/api/catalog-keys";
import { catalogAdminKeys } from "@client/features/catalog-admin/api/keys";
import { applyOrderStatus, orderKeys, type OrderPage } from "@client/features/orders/api/orders";
import { SYSTEM_ACTOR } from "@client/features/orders/order-status";

/*
 * How realtime messages change the client's server data: ONLY through TanStack Query, keyed by each feature's
 * own key factory (orders → orderKeys, catalog → catalogKeys + catalogAdminKeys). No second store.
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
    outcome = { previousStatus: cached.status, userId: cached.userId };
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
        outcome.userId ??= o.userId;
        const next = withStatusUpdate(o, update);
        if (next !== o) touched = true;
        return next;
      }),
    }));
    return touched ? { ...data, pages } : data;
  });
  // The orders feature's own follow-up: refetch the detail (real events, payments) and the lists. A stale message
  // only refetches (that helper would otherwise put its older status back into the cache).
  if (stale) {
    void queryClient.invalidateQueries({ queryKey: orderKeys.detail(update.orderId) });
    void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
  } else {
    applyOrderStatus(queryClient, update);
  }
  return outcome;
}

/** `order.created` (staff): every admin order list may now hold one more order. */
export function applyOrderCreated(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
}

/**
 * `catalog.changed`: refetch what shows that entity, in the storefront and in the admin console. Sectors and
 * brands show product counts, so a product change reaches their lists too; a sector or brand change renames
 * what products show. Only queries on screen refetch now; the rest are marked stale.
 */
export function applyCatalogChanged(queryClient: QueryClient, change: CatalogChangedData): void {
  const keys: ReadonlyArray<readonly unknown[]> =
    change.entity === "product"
      ? [catalogKeys.products(), catalogKeys.brands(), catalogKeys.sectors(), catalogAdminKeys.products(), catalogAdminKeys.brands()]
      : change.entity === "brand"
        ? [catalogKeys.brands(), catalogKeys.products(), catalogKeys.sectors(), catalogAdminKeys.brands(), catalogAdminKeys.products()]
        : [catalogKeys.all, catalogAdminKeys.all];
  for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
}

/** After a reconnect: anything may have happened while we were away, so refetch what the channels would have told us. */
export function refreshAfterReconnect(queryClient: QueryClient, channels: readonly string[]): void {
  if (channels.includes("orders")) void queryClient.invalidateQueries({ queryKey: orderKeys.all });
  if (channels.includes("catalog")) {
    void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    void queryClient.invalidateQueries({ queryKey: catalogAdminKeys.all });
  }
}
