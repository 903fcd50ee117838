import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { MAINTENANCE_RETRY_SECONDS, type CachePurgeResult, type FeatureFlags, type FeatureFlagsUpdate } from "@shared/contracts/settings";
import { auditKeys } from "@client/features/audit/api/audit";
import { api, isApiError } from "@client/lib/api";

/** The settings feature's one query-key factory. */
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
 * Maintenance switched on while a shopper browses: their next API call answers 503 `not_ready`, which re-reads the
 * flags, so the maintenance page replaces the broken one at once instead of after a poll. Mount once.
 */
export function useMaintenanceSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const isMaintenance = (error: unknown) => isApiError(error) && error.status === 503 && error.code === "not_ready";
    const recheck = () => void queryClient.invalidateQueries({ queryKey: settingsKeys.flags() });
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error" && isMaintenance(event.action.error)) recheck();
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error" && isMaintenance(event.action.error)) recheck();
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient]);
}

/** PATCH /settings/flags (admin, audited): the answer is every flag after the change. */
export function useUpdateFlags() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: FeatureFlagsUpdate) => api.patch<FeatureFlags>("/api/v1/settings/flags", patch),
    onSuccess: (flags) => {
      queryClient.setQueryData(settingsKeys.flags(), flags);
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

/** POST /cache/purge (admin, audited): one namespace (a prefix such as `catalog`), or all of them. */
export function usePurgeCache() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (namespace: string | undefined) => api.post<CachePurgeResult>("/api/v1/cache/purge", namespace ? { namespace } : {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}
