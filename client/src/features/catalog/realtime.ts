import type { RealtimeHandler } from "@client/features/realtime/handlers";
import { catalogKeys } from "./api/catalog-keys";

/**
 * `catalog.changed`: refetch what shows that entity in the storefront. Sectors and brands show product counts, so
 * a product change reaches their lists too; a sector change renames what everything else shows. Only queries on
 * screen refetch now; the rest are marked stale.
 */
export const catalogRealtime: RealtimeHandler = {
  messages: {
    "catalog.changed": ({ data }, { queryClient }) => {
      const keys = data.entity === "sector" ? [catalogKeys.all] : [catalogKeys.products(), catalogKeys.brands(), catalogKeys.sectors()];
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    },
  },
  onReconnect: (channels, { queryClient }) => {
    if (channels.includes("catalog")) void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
  },
};
