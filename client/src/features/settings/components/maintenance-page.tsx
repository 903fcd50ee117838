import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { isOpenDuringMaintenance, MAINTENANCE_RETRY_SECONDS } from "@shared/maintenance";
import { Button } from "@client/components/ui/button";
import { useMe } from "@client/features/auth/api/auth";
import { flagsOptions } from "../api/flags";

/** The storefront during maintenance (ADR 073): what the server's 503 document already said, plus a way back. */
function MaintenancePage() {
  const flags = useQuery(flagsOptions());
  return (
    <section aria-labelledby="maintenance-title" className="mx-auto flex max-w-xl flex-col items-center gap-4 py-16 text-center" data-testid="maintenance-page">
      <title>Back soon · FruitfulPlanet</title>
      <span aria-hidden="true" className="text-6xl">
        🧺
      </span>
      <h1 id="maintenance-title" className="text-3xl font-bold tracking-tight text-stone-900">
        We’ll be right back
      </h1>
      <p className="text-stone-600">
        FruitfulPlanet is closed for maintenance for a few minutes. Your cart is safe. This page checks every minute and opens the shop again by itself.
      </p>
      <p role="status" className="text-sm text-stone-500">
        {flags.isFetching ? "Checking whether the shop is open…" : ""}
      </p>
      <Button variant="secondary" onClick={() => void flags.refetch()} disabled={flags.isFetching}>
        Check again now
      </Button>
      <p className="text-sm text-stone-500">
        Staff?{" "}
        <Link href="/login" className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </section>
  );
}

/** What admins see above the shop during maintenance: they browse as usual, shoppers do not. */
function AdminMaintenanceNote() {
  return (
    <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      Maintenance mode is on: shoppers see the maintenance page (and the API answers them 503, Retry-After {MAINTENANCE_RETRY_SECONDS} s).{" "}
      <Link href="/admin/settings" className="font-medium underline">
        Settings
      </Link>
    </p>
  );
}

/**
 * The storefront while `maintenanceMode` is on (ADR 073): the maintenance page for everyone but admins (whose API keeps
 * working), the shop with a reminder for admins; sign-in stays open (isOpenDuringMaintenance).
 */
export default function DuringMaintenance({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const me = useMe();
  if (isOpenDuringMaintenance(location)) return <>{children}</>;
  if (me.data?.role !== "admin") return <MaintenancePage />;
  return (
    <>
      <AdminMaintenanceNote />
      {children}
    </>
  );
}
