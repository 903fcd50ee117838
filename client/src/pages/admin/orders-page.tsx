import { useCallback, useMemo } from "react";
import { useLocation, useRoute, useSearch } from "wouter";
import { ConsolePageHeader } from "@client/app/console-shell";
import { safeNextPath } from "@client/features/auth/safe-next";
import type { OrderFilters } from "@client/features/orders/api/orders";
import { AdminOrderDetail } from "@client/features/orders/components/admin-order-detail";
import { AdminOrderFilters, AdminOrderList } from "@client/features/orders/components/admin-order-list";
import { ADMIN_ORDERS_PATH, ordersHref, parseOrderFilters } from "@client/features/orders/search-params";

/** The list's own URL to go back to (filters kept); only a path inside this section is accepted. */
function backHrefFrom(search: string): string {
  const back = safeNextPath(new URLSearchParams(search).get("back"));
  return back && (back === ADMIN_ORDERS_PATH || back.startsWith(`${ADMIN_ORDERS_PATH}?`)) ? back : ADMIN_ORDERS_PATH;
}

function OrdersList() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const filters = useMemo(() => parseOrderFilters(search), [search]);
  const current = `${location}${search ? `?${search}` : ""}`;
  // Replace, not push: typing in the search box should not fill the history.
  const apply = useCallback(
    (next: OrderFilters) => {
      const href = ordersHref(ADMIN_ORDERS_PATH, next);
      if (href !== current) navigate(href, { replace: true });
    },
    [current, navigate],
  );
  return (
    <>
      <title>Orders · Admin · FruitfulPlanet</title>
      <ConsolePageHeader title="Orders" description="Every order, newest first. Open one for its payments and status history, and to move it on." />
      <div className="mb-6">
        <AdminOrderFilters filters={filters} onChange={apply} />
      </div>
      <AdminOrderList filters={filters} />
    </>
  );
}

/** /admin/orders (list) and /admin/orders/:id (detail). Staff and admins (guarded in App.tsx). */
export default function AdminOrdersPage() {
  const [isDetail, params] = useRoute<{ id: string }>(`${ADMIN_ORDERS_PATH}/:id`);
  const search = useSearch();
  if (isDetail && params) return <AdminOrderDetail key={params.id} orderId={params.id} backHref={backHrefFrom(search)} />;
  return <OrdersList />;
}
