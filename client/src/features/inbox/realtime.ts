import type { RealtimeHandler } from "@client/features/realtime/handlers";
import { addMessageToThread, applyReadReceipt, inboxKeys } from "./api/inbox";

/*
 * What the inbox does with realtime messages (ADRs 054–055): a `notification` refreshes the bell (its unread
 * count comes with the list); `order.message` and `order.messages_read` update the open thread in place. The
 * `notifications` channel is joined by the bell itself (console only): customers may not join it.
 */
export const inboxRealtime: RealtimeHandler = {
  messages: {
    notification: (message, { queryClient, toast }) => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.notifications() });
      toast({
        title: message.data.title,
        description: message.data.body,
        tone: "info",
        action: message.data.link ? { label: "Open", href: message.data.link } : undefined,
      });
    },
    "order.message": (message, { queryClient }) => addMessageToThread(queryClient, message.data),
    "order.messages_read": (message, { queryClient }) => applyReadReceipt(queryClient, message.data),
  },
  onReconnect: (_channels, { queryClient }) => void queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
};
