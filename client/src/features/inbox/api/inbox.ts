import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type {
  NotificationList,
  NotificationPreferences,
  OrderMessage,
  OrderMessageCreate,
  OrderMessageList,
  OrderMessagesRead,
  StaffNotification,
} from "@shared/contracts/inbox";
import { api, cursorPaging } from "@client/lib/api";

/** The inbox feature's one query-key factory: the bell (notifications) and order threads (messages). */
export const inboxKeys = {
  all: ["inbox"] as const,
  notifications: () => [...inboxKeys.all, "notifications"] as const,
  preferences: () => [...inboxKeys.all, "preferences"] as const,
  threads: () => [...inboxKeys.all, "thread"] as const,
  thread: (orderId: string) => [...inboxKeys.threads(), orderId] as const,
};

const PAGE_SIZE = 20;

export const notificationsOptions = () =>
  infiniteQueryOptions({
    queryKey: inboxKeys.notifications(),
    queryFn: ({ pageParam, signal }) => api.get<NotificationList>("/api/v1/notifications", { limit: PAGE_SIZE, cursor: pageParam }, signal),
    ...cursorPaging,
  });

export const useNotifications = (enabled = true) => useInfiniteQuery({ ...notificationsOptions(), enabled });

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<StaffNotification>(`/api/v1/notifications/${id}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.notifications() }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ unreadCount: number }>("/api/v1/notifications/read-all"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.notifications() }),
  });
}

export const usePreferences = (enabled: boolean) =>
  useQuery(
    queryOptions({
      queryKey: inboxKeys.preferences(),
      queryFn: ({ signal }) => api.get<NotificationPreferences>("/api/v1/notifications/preferences", undefined, signal),
      enabled,
    }),
  );

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (prefs: NotificationPreferences) => api.put<NotificationPreferences>("/api/v1/notifications/preferences", prefs),
    onSuccess: (saved) => queryClient.setQueryData(inboxKeys.preferences(), saved),
  });
}

// ---- Order threads ----

/** `access`: a guest's order token (the thread opens with it like the order does). */
export const threadOptions = (orderId: string, access?: string) =>
  queryOptions({
    queryKey: inboxKeys.thread(orderId),
    queryFn: ({ signal }) => api.get<OrderMessageList>(`/api/v1/orders/${orderId}/messages`, { access }, signal),
    // A guest has no WebSocket: look again now and then while the page is open.
    refetchInterval: access ? 30_000 : false,
  });

export const useThread = (orderId: string, access?: string) => useQuery(threadOptions(orderId, access));

/** A message into a cached thread (the sender's answer and the live push may both bring it: once only). */
export function addMessageToThread(queryClient: QueryClient, message: OrderMessage): void {
  queryClient.setQueryData<OrderMessageList>(inboxKeys.thread(message.orderId), (thread) =>
    thread && !thread.data.some((m) => m.id === message.id) ? { data: [...thread.data, message] } : thread,
  );
}

/** A read receipt into a cached thread: the reader's other side's messages are read from then on. */
export function applyReadReceipt(queryClient: QueryClient, read: OrderMessagesRead): void {
  queryClient.setQueryData<OrderMessageList>(inboxKeys.thread(read.orderId), (thread) =>
    thread ? { data: thread.data.map((m) => (m.authorSide !== read.readerSide && !m.readAt ? { ...m, readAt: read.readAt } : m)) } : thread,
  );
}

export function usePostMessage(orderId: string, access?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderMessageCreate) => api.post<OrderMessage>(`/api/v1/orders/${orderId}/messages`, body, { query: { access } }),
    onSuccess: (message) => addMessageToThread(queryClient, message),
  });
}

export function useMarkThreadRead(orderId: string, access?: string) {
  return useMutation({ mutationFn: () => api.post<OrderMessagesRead>(`/api/v1/orders/${orderId}/messages/read`, undefined, { query: { access } }) });
}
