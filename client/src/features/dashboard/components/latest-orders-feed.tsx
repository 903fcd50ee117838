import { Link } from "wouter";
import { Button } from "@client/components/ui/button";
import { Skeleton } from "@client/components/ui/skeleton";
import { formatDate } from "@client/lib/dates";
import { formatMoney } from "@client/lib/format";
import { useLatestOrders } from "../api/dashboard";
import { formatClock } from "../format";

/** 14:02:09 for today's orders, with the date in front for older ones. */
function placedAt(iso: string): string {
  const placed = new Date(iso);
  return placed.toDateString() === new Date().toDateString() ? formatClock(iso) : `${formatDate(iso)}, ${formatClock(iso)}`;
}

/** The newest orders, newest first: loaded once, then each `order.created` message puts the new one on top. */
export function LatestOrdersFeed() {
  const orders = useLatestOrders();
  return (
    <section aria-labelledby="latest-orders-title" className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm">
      <h2 id="latest-orders-title" className="text-base font-semibold text-stone-900">
        Latest orders
      </h2>
      <p className="mt-0.5 text-sm text-stone-600">New orders appear here the moment they are placed.</p>
      <div className="mt-3">
        {orders.isPending ? (
          <div aria-busy="true" className="space-y-3">
            <span className="sr-only">Loading orders</span>
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-12 w-full" />
            ))}
          </div>
        ) : orders.isError && !orders.data ? (
          <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900">
            <p>We couldn't load the latest orders. {orders.error instanceof Error ? orders.error.message : ""}</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => void orders.refetch()} disabled={orders.isRefetching}>
              {orders.isRefetching ? "Retrying…" : "Try again"}
            </Button>
          </div>
        ) : orders.data.length === 0 ? (
          <p className="rounded-xl border border-dashed border-stone-300 px-4 py-8 text-center text-sm text-stone-600">No orders yet.</p>
        ) : (
          <ol data-testid="latest-orders" className="divide-y divide-stone-100">
            {orders.data.map((order) => (
              <li key={order.id} data-testid="latest-order" data-order-id={order.id} className="flex items-start justify-between gap-3 py-2.5">
                <div className="min-w-0">
                  <Link href={`/admin/orders/${order.id}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                    {order.number}
                  </Link>
                  <p className="truncate text-sm text-stone-600">{order.shippingAddress.name}</p>
                </div>
                <div className="shrink-0 text-right">
                  <p className="font-semibold tabular-nums text-stone-900">{formatMoney(order.totalCents, order.currency)}</p>
                  <p className="text-xs tabular-nums text-stone-600">
                    <time dateTime={order.createdAt}>{placedAt(order.createdAt)}</time>
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
