import { OrderHistory, StatusFilter } from "@client/features/orders/components/order-history";
import { orderHistoryFilters } from "@client/features/orders/search-params";
import { useUrlFilters } from "@client/lib/url-filters";

/** The signed-in shopper's order history; the status filter lives in the URL. */
export default function OrdersPage() {
  const [filters, apply] = useUrlFilters(orderHistoryFilters);
  return (
    <>
      <title>Your orders · FruitfulPlanet</title>
      <div className="mx-auto max-w-4xl">
        <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-3xl font-bold tracking-tight text-stone-900">Your orders</h1>
            <p className="mt-1 text-sm text-stone-600">Newest first. Open an order for its items, address and status history.</p>
          </div>
          <StatusFilter value={filters.status} onChange={(status) => apply({ status })} />
        </div>
        <OrderHistory filters={filters} />
      </div>
    </>
  );
}
