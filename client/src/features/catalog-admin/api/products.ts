import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import type { Product, ProductCreate, ProductExportQuery, ProductList, ProductListQuery, ProductUpdate } from "@shared/contracts/catalog";
import { api, cursorPaging, ifMatch, isApiError, toQueryString } from "@client/lib/api";
import { catalogAdminKeys, invalidateCatalog, type AdminProductFilters } from "./keys";

export const ADMIN_PRODUCT_PAGE_SIZE = 25;

/** The console's filters → the API's list query (status "all" unless narrowed: archived products are listed too). */
export function adminProductQuery(filters: AdminProductFilters) {
  return {
    q: filters.q,
    sector: filters.sector,
    brand: filters.brand,
    status: filters.status ?? "all",
    inStock: filters.inStock ? "true" : undefined,
  } satisfies ProductExportQuery;
}

export const adminProductPagesOptions = (filters: AdminProductFilters, pageSize = ADMIN_PRODUCT_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: catalogAdminKeys.productPages(filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      api.get<ProductList>(
        "/api/v1/products",
        { ...adminProductQuery(filters), sort: filters.sort, limit: pageSize, cursor: pageParam } satisfies ProductListQuery,
        signal,
      ),
    ...cursorPaging,
    staleTime: 0,
  });

export const useAdminProductPages = (filters: AdminProductFilters) => useInfiniteQuery(adminProductPagesOptions(filters));

/** The CSV export of the current filters: a plain GET the browser downloads with the session cookie. */
export const productExportHref = (filters: AdminProductFilters): string => `/api/v1/products/export.csv${toQueryString(adminProductQuery(filters))}`;

const productPath = (id: string) => `/api/v1/products/${encodeURIComponent(id)}`;

/** An edit names the version it was made on: a stale one is 412 precondition_failed (ADR 056). */
export type SaveProductInput = { id?: undefined; body: ProductCreate } | { id: string; body: ProductUpdate; version: number };

/** The product as it is now (after a 412: what the other admin saved). */
export const fetchProduct = (id: string) => api.get<Product>(productPath(id));

export function useSaveProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveProductInput) =>
      input.id ? api.patch<Product>(productPath(input.id), input.body, { headers: ifMatch(input.version) }) : api.post<Product>("/api/v1/products", input.body),
    onSuccess: () => void invalidateCatalog(queryClient),
  });
}

/** What a delete did: products that appear in orders are archived instead (the API answers 204 either way). */
export type DeleteOutcome = "deleted" | "archived";

export function useDeleteProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<DeleteOutcome> => {
      await api.delete(productPath(id));
      // An admin still sees archived products: if it is still there, it was archived.
      try {
        await api.get<Product>(productPath(id));
        return "archived";
      } catch (error) {
        if (isApiError(error) && error.status === 404) return "deleted";
        throw error;
      }
    },
    onSuccess: () => void invalidateCatalog(queryClient),
  });
}

type CachedProductPages = InfiniteData<ProductList, string | undefined>;

/** Applies a change to one product in every cached console list, so a row updates before the server answers. */
function editCachedProduct(queryClient: QueryClient, id: string, edit: (product: Product) => Product): void {
  queryClient.setQueriesData<CachedProductPages>({ queryKey: catalogAdminKeys.products() }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.map((p) => (p.id === id ? edit(p) : p)) })) } : data,
  );
}

export interface StockChange {
  product: Product;
  delta: number;
}

/**
 * Inline stock changes, optimistic: the row shows the new stock at once, and a refused change (409
 * out_of_stock) is rolled back by subtracting its own delta — not by restoring a snapshot, which would also
 * undo other clicks still in flight. The lists are refetched once the last change of a product settles.
 */
export function useAdjustStock(productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: catalogAdminKeys.stock(productId),
    mutationFn: ({ product, delta }: StockChange) => api.post<Product>(`${productPath(product.id)}/stock`, { delta }),
    onMutate: async ({ product, delta }) => {
      await queryClient.cancelQueries({ queryKey: catalogAdminKeys.products() });
      editCachedProduct(queryClient, product.id, (p) => ({ ...p, stock: p.stock + delta }));
    },
    onError: (_error, { product, delta }) => {
      editCachedProduct(queryClient, product.id, (p) => ({ ...p, stock: p.stock - delta }));
    },
    onSettled: () => {
      // This mutation still counts as running here: 1 means it was the last one of this product.
      if (queryClient.isMutating({ mutationKey: catalogAdminKeys.stock(productId) }) <= 1) void invalidateCatalog(queryClient);
    },
  });
}
