import { Package } from "lucide-react";
import { useId } from "react";
import { Link } from "wouter";
import { orderStatuses, type OrderStatus } from "@shared/contracts/orders";
import { buttonClasses } from "@client/components/ui/button";
import { EmptyState } from "@client/components/ui/empty-state";
import { labelClasses } from "@client/components/ui/field-styles";
import { LoadMore } from "@client/components/ui/list-paging";
import { QueryErrorState } from "@client/components/ui/query-error-state";
import { Select } from "@client/components/ui/select";
import { Skeleton } from "@client/components/ui/skeleton";
import { formatDate } from "@client/lib/dates";
import { formatMoney, pluralize } from "@client/lib/format";
import { useOrderPages, type OrderFilters } from "../api/orders";
import { itemCount, statusLabels } from "../order-status";
import { ORDERS_PATH } from "../search-params";
import { OrderStatusBadge } from "./order-status-badge";

export const statusOptions = orderStatuses.map((status) => ({ value: status, label: statusLabels[status] }));

export function StatusFilter({
  value,
  onChange,
  allLabel = "All orders",
}: {
  value?: OrderStatus;
  onChange: (status: OrderStatus | undefined) => void;
  allLabel?: string;
}) {
  const id = useId();
  return (
    <div className="sm:w-56">
      <label htmlFor={id} className={labelClasses}>
        Status
      </label>
      <Select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange((e.target.value || undefined) as OrderStatus | undefined)}
        placeholderOption={allLabel}
        options={statusOptions}
        className="mt-1.5"
      />
    </div>
  );
}

function HistorySkeleton() {
  return (
    <ul aria-hidden="true" className="space-y-3">
      {Array.from({ length: 4 }, (_, i) => (
        <li key={i}>
          <Skeleton className="h-20 w-full rounded-2xl" />
        </li>
      ))}
    </ul>
  );
}

/** The shopper's order history, newest first, one card per order, with "Load more" paging. */
export function OrderHistory({ filters }: { filters: OrderFilters }) {
  const query = useOrderPages(filters);

  if (query.isPending) {
    return (
      <div aria-busy="true">
        <p role="status" className="sr-only">
          Loading your orders
        </p>
        <HistorySkeleton />
      </div>
    );
  }
  if (query.isError && !query.data) {
    return <QueryErrorState error={query.error} title="We couldn't load your orders" onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
  }

  const orders = query.data.pages.flatMap((page) => page.data);
  if (orders.length === 0) {
    return filters.status ? (
      <EmptyState
        icon={Package}
        title={`No ${statusLabels[filters.status].toLowerCase()} orders`}
        description="Try another status, or show all your orders."
        action={
          <Link href={ORDERS_PATH} className={buttonClasses({ variant: "secondary" })}>
            Show all orders
          </Link>
        }
      />
    ) : (
      <EmptyState
        icon={Package}
        title="No orders yet"
        description="When you place an order, it shows up here with its status."
        action={
          <Link href="/search" className={buttonClasses()}>
            Start shopping
          </Link>
        }
      />
    );
  }

  return (
    <div>
      <ul aria-busy={query.isFetching || undefined} aria-label="Orders" className="space-y-3">
        {orders.map((order) => (
          <li key={order.id} data-testid="order-row" data-order-id={order.id}>
            <Link
              href={`/orders/${order.id}`}
              className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-2 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-300 hover:bg-brand-50/40 sm:grid-cols-[9rem_1fr_auto_auto] sm:px-6"
            >
              <span className="font-semibold text-brand-900">
                <span className="sr-only">Order </span>
                {order.number}
              </span>
              <span className="justify-self-end sm:justify-self-start">
                <OrderStatusBadge status={order.status} />
              </span>
              <span className="text-sm text-stone-600">
                <time dateTime={order.createdAt}>{formatDate(order.createdAt)}</time> · {pluralize(itemCount(order), "item")}
              </span>
              <span className="justify-self-end font-semibold tabular-nums text-stone-900">{formatMoney(order.totalCents, order.currency)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <LoadMore query={query} noun="orders" />
    </div>
  );
}
