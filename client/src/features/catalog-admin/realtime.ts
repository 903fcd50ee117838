import type { RealtimeHandler } from "@client/features/realtime/handlers";
import { catalogAdminKeys } from "./api/keys";

/** `catalog.changed` (another admin's edit, an import): the console's tables of that entity refetch, with the same reach as the storefront's. */
export const catalogAdminRealtime: RealtimeHandler = {
  messages: {
    "catalog.changed": ({ data }, { queryClient }) => {
      const keys = data.entity === "sector" ? [catalogAdminKeys.all] : [catalogAdminKeys.products(), catalogAdminKeys.brands()];
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    },
  },
  onReconnect: (channels, { queryClient }) => {
    if (channels.includes("catalog")) void queryClient.invalidateQueries({ queryKey: catalogAdminKeys.all });
  },
};
