import { Package } from "lucide-react";
import { useCallback } from "react";
import { Link } from "wouter";
import type { OrderStatus } from "@shared/contracts/orders";
import { EmptyState, NoMatchesState } from "@client/components/ui/empty-state";
import { ListScaffold } from "@client/components/ui/list-scaffold";
import { SearchField, useSearchDraft } from "@client/components/ui/search-box";
import { Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { formatDate, formatTime } from "@client/lib/dates";
import { formatMoney } from "@client/lib/format";
import { filtersHref } from "@client/lib/url-filters";
import { useOrderPages, type OrderFilters } from "../api/orders";
import { itemCount } from "../order-status";
import { ADMIN_ORDERS_PATH, adminOrderFilters } from "../search-params";
import { StatusFilter } from "./order-history";
import { OrderStatusBadge } from "./order-status-badge";

/** Search (order number or customer email, applied 300 ms after the last keystroke) and a status filter; both in the URL. */
export function AdminOrderFilters({ filters, onChange }: { filters: OrderFilters; onChange: (filters: OrderFilters) => void }) {
  const { status } = filters;
  const applySearch = useCallback((q: string | undefined) => onChange({ q, status }), [onChange, status]);
  const [draft, setDraft] = useSearchDraft(filters.q, applySearch);

  return (
    <form role="search" aria-label="Filter orders" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-4 sm:flex-row sm:items-end">
      <SearchField
        label="Search"
        value={draft}
        onChange={setDraft}
        onEnter={() => onChange({ q: draft.trim() || undefined, status })}
        placeholder="Order number or customer email"
        className="sm:w-80"
      />
      <StatusFilter
        value={status}
        allLabel="All statuses"
        onChange={(next: OrderStatus | undefined) => onChange({ q: draft.trim() || undefined, status: next })}
      />
    </form>
  );
}

/** Every order (staff view), newest first, with cursor paging; each row opens the order's detail. */
export function AdminOrderList({ filters }: { filters: OrderFilters }) {
  const query = useOrderPages(filters);
  const filtered = Boolean(filters.q || filters.status);
  const detailHref = (id: string) => `${ADMIN_ORDERS_PATH}/${id}${filtered ? `?back=${encodeURIComponent(filtersHref(adminOrderFilters, filters))}` : ""}`;
  return (
    <ListScaffold
      noun="order"
      query={query}
      items={query.data?.pages.flatMap((page) => page.data) ?? []}
      pages={query}
      testId="order-count"
      empty={
        filtered ? (
          <NoMatchesState
            icon={Package}
            title="No orders match these filters"
            description="Search by the full order number (FP-000123, or just 123) or part of the customer's email."
            clearHref={ADMIN_ORDERS_PATH}
          />
        ) : (
          <EmptyState icon={Package} title="No orders yet" description="Orders appear here as shoppers check out." />
        )
      }
    >
      {(orders) => (
        <Table caption="Orders" busy={query.isFetching}>
          <THead>
            <tr>
              <Th>Order</Th>
              {/* Status second: on a phone the table scrolls sideways, and status is what staff scan for. */}
              <Th>Status</Th>
              <Th>Placed</Th>
              <Th>Ship to</Th>
              <Th className="text-right">Items</Th>
              <Th className="text-right">Total</Th>
            </tr>
          </THead>
          <TBody>
            {orders.map((order) => (
              <Tr key={order.id} data-testid="admin-order-row" data-order-id={order.id}>
                <Td className="whitespace-nowrap font-semibold">
                  <Link href={detailHref(order.id)} className="text-brand-800 hover:underline">
                    {order.number}
                  </Link>
                </Td>
                <Td>
                  <OrderStatusBadge status={order.status} />
                </Td>
                <Td className="whitespace-nowrap">
                  <time dateTime={order.createdAt}>
                    {formatDate(order.createdAt)}
                    <span className="block text-xs text-stone-600">{formatTime(order.createdAt)}</span>
                  </time>
                </Td>
                <Td className="min-w-40">
                  {order.shippingAddress.name}
                  <span className="block text-xs text-stone-600">
                    {order.shippingAddress.city}, {order.shippingAddress.country}
                  </span>
                </Td>
                <Td className="text-right tabular-nums">{itemCount(order)}</Td>
                <Td className="whitespace-nowrap text-right font-medium tabular-nums">{formatMoney(order.totalCents, order.currency)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </ListScaffold>
  );
}
