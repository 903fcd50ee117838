import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, useEffect, type ReactNode } from "react";
import { isApiError } from "@client/lib/api";
import { flagsOptions, settingsKeys } from "../api/flags";

// Lazy: the rest is for the rare maintenance window; the storefront's entry carries only this check (ADR 063).
const DuringMaintenance = lazy(() => import("./maintenance-page"));

/**
 * The storefront's pages, or what replaces them while `maintenanceMode` is on. Until the flags load the page renders as
 * usual: waiting for them would delay every page for the rare maintenance window.
 */
export function MaintenanceGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  // Maintenance switched on while a shopper browses: their next read answers 503 `not_ready`, which re-reads the
  // flags, so the maintenance page replaces the broken one at once instead of after a poll.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe(({ query: { state } }) => {
        if (isApiError(state.error) && state.error.code === "not_ready") void queryClient.invalidateQueries({ queryKey: settingsKeys.flags() });
      }),
    [queryClient],
  );
  return useQuery(flagsOptions()).data?.maintenanceMode ? <DuringMaintenance>{children}</DuringMaintenance> : children;
}
