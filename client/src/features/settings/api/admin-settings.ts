import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CachePurgeResult, FeatureFlags, FeatureFlagsUpdate } from "@shared/contracts/settings";
import { auditKeys } from "@client/features/audit/api/audit";
import { api } from "@client/lib/api";
import { settingsKeys } from "./flags";

/* The admin console's writes (lazy chunk); the flags query the storefront needs is in flags.ts. */

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
