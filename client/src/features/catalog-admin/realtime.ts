import type { RealtimeHandler } from "@client/features/realtime/handlers";
import { catalogAdminKeys } from "./api/keys";

/**
 * `catalog.changed` (another admin's edit, an import): the console's tables of that entity refetch, with the same reach
 * as the storefront's. `presence`: who has a product's form open (ADR 071).
 */
export const catalogAdminRealtime: RealtimeHandler = {
  messages: {
    "catalog.changed": ({ data }, { queryClient }) => {
      const keys = data.entity === "sector" ? [catalogAdminKeys.all] : [catalogAdminKeys.products(), catalogAdminKeys.brands()];
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    },
    presence: ({ resource, editors }, { queryClient }) => {
      queryClient.setQueryData(catalogAdminKeys.presence(resource), editors);
    },
  },
  onReconnect: (channels, { queryClient }) => {
    if (channels.includes("catalog")) void queryClient.invalidateQueries({ queryKey: catalogAdminKeys.all });
  },
  // The server's answer to each enter is the whole list; while disconnected nobody's presence is known.
  onConnectionLost: ({ queryClient }) => {
    queryClient.setQueriesData({ queryKey: catalogAdminKeys.presenceAll() }, []);
  },
};
