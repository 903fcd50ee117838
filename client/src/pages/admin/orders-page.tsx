import { useRoute, useSearch } from "wouter";
import { ConsolePageHeader } from "@client/app/console-shell";
import { safeNextPath } from "@client/features/auth/safe-next";
import { AdminOrderDetail } from "@client/features/orders/components/admin-order-detail";
import { AdminOrderFilters, AdminOrderList } from "@client/features/orders/components/admin-order-list";
import { ADMIN_ORDERS_PATH, adminOrderFilters } from "@client/features/orders/search-params";
import { useUrlFilters } from "@client/lib/url-filters";

/** The list's own URL to go back to (filters kept); only a path inside this section is accepted. */
function backHrefFrom(search: string): string {
  const back = safeNextPath(new URLSearchParams(search).get("back"));
  return back && (back === ADMIN_ORDERS_PATH || back.startsWith(`${ADMIN_ORDERS_PATH}?`)) ? back : ADMIN_ORDERS_PATH;
}

function OrdersList() {
  const [filters, apply] = useUrlFilters(adminOrderFilters);
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
