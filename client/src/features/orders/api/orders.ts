import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import type { ListOf } from "@shared/contracts/common";
import {
  IDEMPOTENCY_KEY_HEADER,
  type CreatedOrder,
  type Order,
  type OrderCreate,
  type OrderListFilters,
  type OrderListQuery,
  type OrderStatus,
  type Transaction,
} from "@shared/contracts/orders";
import { api, cursorPaging } from "@client/lib/api";
import { catalogKeys } from "@client/features/catalog/api/catalog-keys";
import { cartKeys } from "@client/features/cart/api/quote";

/**
 * What order lists filter by: the contract's list query minus paging (`q`, staff's search, is an order number or
 * part of the customer's email). Customers get their own orders whatever they ask.
 */
export type OrderFilters = Partial<Pick<OrderListFilters, "status" | "q">>;

export type OrderPage = ListOf<Order>;
export const ORDER_PAGE_SIZE = 20;

/**
 * The orders feature's one query-key factory. Realtime `order.status` messages update the cache through it:
 * detail(id) for the order page, lists() for every history and admin list (see applyOrderStatus below).
 */
export const orderKeys = {
  all: ["orders"] as const,
  lists: () => [...orderKeys.all, "list"] as const,
  list: (filters: OrderFilters, pageSize: number) => [...orderKeys.lists(), filters, pageSize] as const,
  details: () => [...orderKeys.all, "detail"] as const,
  detail: (id: string) => [...orderKeys.details(), id] as const,
  /** Under detail(id), so refreshing an order refreshes its payments too. */
  transactions: (id: string) => [...orderKeys.detail(id), "transactions"] as const,
};

export const orderPagesOptions = (filters: OrderFilters, pageSize = ORDER_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: orderKeys.list(filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      api.get<OrderPage>("/api/v1/orders", { status: filters.status, q: filters.q, limit: pageSize, cursor: pageParam } satisfies OrderListQuery, signal),
    ...cursorPaging,
    // Status moves on the server (staff ship, payments settle): check again when the shopper comes back.
    refetchOnWindowFocus: true,
  });

/** `access`: a guest's token from the confirmation mail (issue 11); the order is the same cache entry either way. */
export const orderOptions = (id: string, access?: string) =>
  queryOptions({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => api.get<Order>(`/api/v1/orders/${encodeURIComponent(id)}`, access ? { access } : undefined, signal),
    refetchOnWindowFocus: true,
  });

export const orderTransactionsOptions = (id: string) =>
  queryOptions({
    queryKey: orderKeys.transactions(id),
    queryFn: ({ signal }) => api.get<{ data: Transaction[] }>(`/api/v1/orders/${encodeURIComponent(id)}/transactions`, undefined, signal),
    select: (result) => result.data,
  });

export const useOrderPages = (filters: OrderFilters) => useInfiniteQuery(orderPagesOptions(filters));
export const useOrder = (id: string, access?: string) => useQuery(orderOptions(id, access));
export const useOrderTransactions = (id: string) => useQuery(orderTransactionsOptions(id));

type CachedPages = InfiniteData<OrderPage, string | undefined>;

/** Puts a fresh Order (from a write or a realtime message) into its detail entry and every cached list page holding it. */
export function storeOrder(queryClient: QueryClient, order: Order): void {
  // Writes and realtime messages carry no customer (only the staff detail read does): keep the one we have.
  queryClient.setQueryData<Order>(orderKeys.detail(order.id), (cached) =>
    order.customer === undefined && cached?.customer !== undefined ? { ...order, customer: cached.customer } : order,
  );
  queryClient.setQueriesData<CachedPages>({ queryKey: orderKeys.lists() }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.map((o) => (o.id === order.id ? order : o)) })) } : data,
  );
}

/**
 * For the realtime layer: an `order.status` message ({ orderId, status, at }) shows at once on any open screen,
 * then the order, its payments and the lists are fetched again for the full story (events, refunds, filters).
 */
export function applyOrderStatus(queryClient: QueryClient, update: { orderId: string; status: OrderStatus; at: string }): void {
  const cached = queryClient.getQueryData<Order>(orderKeys.detail(update.orderId));
  if (cached && cached.status !== update.status) storeOrder(queryClient, { ...cached, status: update.status, updatedAt: update.at });
  void queryClient.invalidateQueries({ queryKey: orderKeys.detail(update.orderId) });
  void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
}

/** After any order write: the order itself is fresh, lists may have changed, and stock moved (catalog + quotes). */
function afterOrderWrite(queryClient: QueryClient, order: Order): void {
  storeOrder(queryClient, order);
  void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: orderKeys.transactions(order.id) });
  void queryClient.invalidateQueries({ queryKey: catalogKeys.products() });
  void queryClient.invalidateQueries({ queryKey: cartKeys.all });
}

export interface PlaceOrderInput {
  body: OrderCreate;
  /** The checkout attempt's key: the same one for a retry or a double click, so the server charges once. */
  idempotencyKey: string;
}

export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: PlaceOrderInput) =>
      api.post<CreatedOrder>("/api/v1/orders", body, { headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } }),
    onSuccess: (order) => afterOrderWrite(queryClient, order),
  });
}

export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Order>(`/api/v1/orders/${encodeURIComponent(id)}/cancel`),
    onSuccess: (order) => afterOrderWrite(queryClient, order),
    // 409 invalid_transition: someone moved the order meanwhile; show its real status.
    onError: (_error, id) => void queryClient.invalidateQueries({ queryKey: orderKeys.detail(id) }),
  });
}

export function useChangeOrderStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: OrderStatus }) => api.post<Order>(`/api/v1/orders/${encodeURIComponent(id)}/status`, { status }),
    onSuccess: (order) => afterOrderWrite(queryClient, order),
    onError: (_error, { id }) => void queryClient.invalidateQueries({ queryKey: orderKeys.detail(id) }),
  });
}
