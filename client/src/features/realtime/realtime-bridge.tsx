import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { User } from "@shared/contracts/auth";
import type { ServerMessage } from "@shared/realtime";
import { useToast } from "@client/components/ui/toast";
import { authKeys } from "@client/features/auth/api/auth";
import { statusLabels } from "@client/features/orders/order-status";
import { realtime } from "@client/lib/ws";
import { applyCatalogChanged, applyOrderCreated, applyOrderStatusMessage, refreshAfterReconnect } from "./cache-updates";
import { useConnection, useOnReconnect, useRealtimeChannel, useRealtimeMessages } from "./use-realtime";

/** Statuses a shopper hears about by toast even when the order was not on screen (payment shows on the checkout page). */
const NEWS_WORTHY = new Set(["shipped", "delivered", "cancelled"]);

/** True while this tab itself is changing the order (Cancel, staff's status buttons): that screen says so already. */
function isChangingHere(queryClient: QueryClient, orderId: string): boolean {
  return queryClient
    .getMutationCache()
    .getAll()
    .some((m) => {
      if (m.state.status !== "pending") return false;
      const variables = m.state.variables as unknown;
      return variables === orderId || (typeof variables === "object" && variables !== null && (variables as { id?: unknown }).id === orderId);
    });
}

/**
 * The realtime layer for a signed-in user (a lazy chunk, so zod and the socket code stay out of the storefront
 * entry): holds the tab's one connection, keeps the `orders` channel, and turns messages into cache updates.
 * Mounted by RealtimeGate; keyed by user id, so a different sign-in gets a new connection.
 */
export default function RealtimeBridge({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { status } = useConnection();

  useEffect(() => {
    realtime.start(user.id);
    return () => realtime.stop();
  }, [user.id]);

  useRealtimeChannel("orders");

  useRealtimeMessages((message: ServerMessage) => {
    switch (message.type) {
      case "welcome":
        // The cookie now belongs to someone else (signed in elsewhere in this browser): re-check who we are.
        if (message.user.id !== user.id) void queryClient.invalidateQueries({ queryKey: authKeys.me() });
        return;
      case "order.status": {
        const outcome = applyOrderStatusMessage(queryClient, message.data);
        // Customers only ever receive their own orders' events; staff receive all, so only their own count here.
        const own = user.role === "customer" || outcome.userId === user.id;
        const changed = outcome.previousStatus !== undefined ? outcome.previousStatus !== message.data.status : NEWS_WORTHY.has(message.data.status);
        if (own && changed && !isChangingHere(queryClient, message.data.orderId)) {
          toast({
            title: `Order ${message.data.number} is now ${statusLabels[message.data.status].toLowerCase()}`,
            tone: message.data.status === "cancelled" ? "info" : "success",
            action: { label: "View order", href: `/orders/${message.data.orderId}` },
          });
        }
        return;
      }
      case "order.created":
        applyOrderCreated(queryClient);
        return;
      case "catalog.changed":
        applyCatalogChanged(queryClient, message.data);
        return;
      case "resync":
        // The server's fan-out was interrupted: events may be lost, as after our own reconnect.
        refreshAfterReconnect(queryClient, realtime.wantedChannels());
        return;
      default:
        return; // metrics: the dashboard listens for itself; subscribed/pong/error need nothing here
    }
  });

  // Missed events while away: refetch what the subscribed channels cover. A failed connection may also mean the
  // session ended (the upgrade is refused with 401, which a browser cannot see): re-check who is signed in.
  useOnReconnect(() => refreshAfterReconnect(queryClient, realtime.wantedChannels()));
  useEffect(() => {
    if (status === "reconnecting") void queryClient.invalidateQueries({ queryKey: authKeys.me() });
  }, [status, queryClient]);

  return null;
}
