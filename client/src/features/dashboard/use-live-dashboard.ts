import { useQueryClient } from "@tanstack/react-query";
import { useOnReconnect, useRealtimeChannel, useRealtimeMessages } from "@client/features/realtime/use-realtime";
import { appendSnapshot, dashboardKeys, prependOrder } from "./api/dashboard";

/**
 * While the dashboard is open: the `metrics` channel (a snapshot every second) and `orders` (new orders, staff
 * only) feed the dashboard's query cache; after a reconnect the summary and the feed are loaded again to fill the gap.
 */
export function useLiveDashboard(): void {
  const queryClient = useQueryClient();
  useRealtimeChannel("metrics");
  useRealtimeChannel("orders");
  useRealtimeMessages((message) => {
    if (message.type === "metrics") appendSnapshot(queryClient, message.data);
    else if (message.type === "order.created") prependOrder(queryClient, message.data);
  });
  useOnReconnect(() => void queryClient.invalidateQueries({ queryKey: dashboardKeys.all }));
}
