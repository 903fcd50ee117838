import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { ListOf } from "@shared/contracts/common";
import type { WebhookCreate, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret, WebhookUpdate } from "@shared/contracts/webhooks";
import { auditKeys } from "@client/features/audit/api/audit";
import { api, cursorPaging } from "@client/lib/api";

export type DeliveryPage = ListOf<WebhookDelivery>;
export const DELIVERY_PAGE_SIZE = 25;

/** The webhooks feature's one query-key factory. */
export const webhookKeys = {
  all: ["webhooks"] as const,
  list: () => [...webhookKeys.all, "list"] as const,
  deliveries: (endpointId: string) => [...webhookKeys.all, "deliveries", endpointId] as const,
};

const path = (id: string) => `/api/v1/webhooks/${encodeURIComponent(id)}`;

export const useWebhooks = () =>
  useQuery(
    queryOptions({ queryKey: webhookKeys.list(), queryFn: ({ signal }) => api.get<{ data: WebhookEndpoint[] }>("/api/v1/webhooks", undefined, signal) }),
  );

export const deliveryPagesOptions = (endpointId: string) =>
  infiniteQueryOptions({
    queryKey: webhookKeys.deliveries(endpointId),
    queryFn: ({ pageParam, signal }) => api.get<DeliveryPage>(`${path(endpointId)}/deliveries`, { limit: DELIVERY_PAGE_SIZE, cursor: pageParam }, signal),
    ...cursorPaging,
    staleTime: 0,
    // Pending deliveries change in the background: poll while any is waiting.
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.data.some((d) => d.status === "pending")) ? 2_000 : false),
  });
export const useDeliveryPages = (endpointId: string) => useInfiniteQuery(deliveryPagesOptions(endpointId));

function afterWrite(queryClient: QueryClient, endpointId?: string) {
  void queryClient.invalidateQueries({ queryKey: webhookKeys.list() });
  if (endpointId) void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) });
  void queryClient.invalidateQueries({ queryKey: auditKeys.all });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookCreate) => api.post<WebhookEndpointWithSecret>("/api/v1/webhooks", body),
    onSuccess: () => afterWrite(queryClient),
  });
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: WebhookUpdate }) => api.patch<WebhookEndpoint>(path(id), patch),
    onSuccess: (endpoint) => afterWrite(queryClient, endpoint.id),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(path(id)),
    onSuccess: () => afterWrite(queryClient),
  });
}

export function usePingWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<WebhookDelivery>(`${path(id)}/ping`),
    onSuccess: (delivery) => afterWrite(queryClient, delivery.endpointId),
  });
}

export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) =>
      api.post<WebhookDelivery>(`${path(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/retry`),
    onSuccess: (delivery) => afterWrite(queryClient, delivery.endpointId),
  });
}
