import { queryOptions } from "@tanstack/react-query";
import type { FeatureFlags } from "@shared/contracts/settings";
import { MAINTENANCE_RETRY_SECONDS } from "@shared/maintenance";
import { api } from "@client/lib/api";

/** The settings feature's one query-key factory. This module is in the storefront's entry (the maintenance gate): no zod. */
export const settingsKeys = {
  all: ["settings"] as const,
  flags: () => [...settingsKeys.all, "flags"] as const,
};

/** What GET /settings/flags answers: `lowStockThreshold` only for staff and admins. */
export type VisibleFlags = Omit<FeatureFlags, "lowStockThreshold"> & { lowStockThreshold?: number };

/**
 * The runtime flags (issue 16 §4). Shoppers have no WebSocket, so during maintenance the page asks again every
 * Retry-After seconds and the shop comes back by itself once the flag is off (ADR 073).
 */
export const flagsOptions = () =>
  queryOptions({
    queryKey: settingsKeys.flags(),
    queryFn: () => api.get<VisibleFlags>("/api/v1/settings/flags"),
    refetchInterval: (query) => (query.state.data?.maintenanceMode ? MAINTENANCE_RETRY_SECONDS * 1_000 : false),
  });
