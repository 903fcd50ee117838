import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { FeatureFlags } from "@shared/contracts/settings";
import { MAINTENANCE_RETRY_SECONDS } from "@shared/maintenance";
import { api, isApiError } from "@client/lib/api";

/** The settings feature's one query-key factory. This module is in the storefront's entry (the maintenance gate): no zod. */
export const settingsKeys = {
  all: ["settings"] as const,
  flags: () => [...settingsKeys.all, "flags"] as const,
};

/** What GET /settings/flags answers: `lowStockThreshold` only for staff and admins. */
export type VisibleFlags = Omit<FeatureFlags, "lowStockThreshold"> & { lowStockThreshold?: number };

/**
 * The runtime flags (issue 16 §4). Shoppers have no WebSocket, so during maintenance the page asks again every
 * Retry-After seconds (and on focus) and the shop comes back by itself once the flag is off (ADR 073).
 */
export const flagsOptions = () =>
  queryOptions({
    queryKey: settingsKeys.flags(),
    queryFn: ({ signal }) => api.get<VisibleFlags>("/api/v1/settings/flags", undefined, signal),
    staleTime: 30_000,
    refetchOnWindowFocus: true,
    refetchInterval: (query) => (query.state.data?.maintenanceMode ? MAINTENANCE_RETRY_SECONDS * 1_000 : false),
  });
export const useFlags = () => useQuery(flagsOptions());

/**
 * Maintenance switched on while a shopper browses: their next read answers 503 `not_ready`, which re-reads the flags,
 * so the maintenance page replaces the broken one at once instead of after a poll. Mount once.
 */
export function useMaintenanceSync(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        const error: unknown = event.type === "updated" && event.action.type === "error" ? event.action.error : undefined;
        if (isApiError(error) && error.code === "not_ready") void queryClient.invalidateQueries({ queryKey: settingsKeys.flags() });
      }),
    [queryClient],
  );
}
