import { lazy, type ReactNode } from "react";
import { useLocation } from "wouter";
import { isOpenDuringMaintenance } from "@shared/maintenance";
import { useMe } from "@client/features/auth/api/auth";
import { useFlags } from "../api/flags";

// Lazy: the page is for the rare maintenance window; the storefront's entry carries only this check (ADR 063).
const MaintenancePage = lazy(() => import("./maintenance-page"));
const AdminMaintenanceNote = lazy(() => import("./maintenance-page").then((m) => ({ default: m.AdminMaintenanceNote })));

/**
 * Shows the maintenance page instead of storefront pages while `maintenanceMode` is on, to everyone but admins (whose
 * API keeps working); sign-in stays open. Admins see the shop with a reminder. Until the flags load the page renders as
 * usual: waiting for them would delay every page for the rare maintenance window.
 */
export function MaintenanceGate({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const flags = useFlags();
  const me = useMe();
  if (!flags.data?.maintenanceMode || isOpenDuringMaintenance(location)) return <>{children}</>;
  if (me.data?.role !== "admin") return <MaintenancePage />;
  return (
    <>
      <AdminMaintenanceNote />
      {children}
    </>
  );
}
