import { useQuery } from "@tanstack/react-query";
import { Banknote, PackageX, Truck, UserPlus, type LucideIcon } from "lucide-react";
import { Link } from "wouter";
import { ConsolePageHeader } from "@client/app/console-shell";
import { QueryErrorState } from "@client/components/ui/query-error-state";
import { Skeleton } from "@client/components/ui/skeleton";
import { useMe } from "@client/features/auth/api/auth";
import { adminFiguresOptions, type AdminFigures } from "@client/features/dashboard/api/admin-figures";
import { formatCount, formatMoney } from "@client/lib/format";
import { adminSections } from "./admin-sections";

interface Figure {
  label: string;
  value: (f: AdminFigures) => string;
  note: (f: AdminFigures) => string;
  href: string;
  icon: LucideIcon;
}

const figures: readonly Figure[] = [
  {
    label: "Orders to ship",
    value: (f) => `${formatCount(f.toShip)}${f.toShipMore ? "+" : ""}`,
    note: () => "Paid, waiting for shipment",
    href: "/admin/orders?status=paid",
    icon: Truck,
  },
  {
    label: "Out of stock",
    value: (f) => formatCount(f.outOfStock),
    note: () => "Active products with no stock",
    href: "/admin/catalog/products",
    icon: PackageX,
  },
  {
    label: "Revenue today",
    value: (f) => formatMoney(f.revenueTodayCents),
    note: (f) => `${formatCount(f.ordersToday)} orders since 00:00 UTC`,
    href: "/admin/orders",
    icon: Banknote,
  },
  {
    label: "Sign-ups today",
    value: (f) => formatCount(f.registrationsToday),
    note: () => "New accounts since 00:00 UTC",
    href: "/admin/users",
    icon: UserPlus,
  },
];

/** What needs attention first (orders to ship, empty shelves), then today's money and sign-ups. */
function AdminFiguresRow() {
  const query = useQuery(adminFiguresOptions());
  if (query.isError)
    return <QueryErrorState error={query.error} title="We couldn't load today's figures" onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
  return (
    <ul aria-busy={query.isPending || undefined} className="mb-8 grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
      {figures.map((figure) => (
        <li key={figure.label}>
          <Link
            href={figure.href}
            className="flex h-full flex-col gap-1 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-300 sm:p-5"
          >
            <span className="flex items-center gap-2 text-sm font-medium text-stone-600">
              <figure.icon aria-hidden="true" className="size-4 text-brand-700" />
              {figure.label}
            </span>
            {query.data ? (
              <>
                <span className="text-2xl font-bold tabular-nums text-stone-900" data-testid="admin-figure">
                  {figure.value(query.data)}
                </span>
                <span className="text-xs text-stone-600">{figure.note(query.data)}</span>
              </>
            ) : (
              <Skeleton className="h-8 w-20" />
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default function AdminHomePage() {
  const me = useMe();
  return (
    <>
      <title>Admin · FruitfulPlanet</title>
      <ConsolePageHeader title="Admin console" description={me.data ? `Signed in as ${me.data.email}.` : undefined} />
      <AdminFiguresRow />
      <h2 className="mb-3 text-lg font-semibold text-stone-900">Sections</h2>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {adminSections.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="flex h-full flex-col gap-2 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm transition-colors hover:border-brand-300 hover:bg-brand-50/40"
            >
              <section.icon aria-hidden="true" className="size-7 text-brand-700" strokeWidth={1.75} />
              <span className="text-lg font-semibold text-stone-900">{section.label}</span>
              <span className="text-sm text-stone-600">{section.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
