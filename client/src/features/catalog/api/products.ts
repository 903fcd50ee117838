import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery, type QueryClient } from "@tanstack/react-query";
import type { Product, ProductList, ProductListFilters } from "@shared/contracts/catalog";
import { api, type QueryParams } from "@client/lib/api";
import { catalogKeys } from "./catalog-keys";

/** What a shopper can filter by: the contract's list query minus paging. */
export type ProductFilters = Partial<Omit<ProductListFilters, "limit" | "cursor" | "facets">>;
export type ProductPage = ProductList;

export const PRODUCT_PAGE_SIZE = 24;

/** Filters → the API's query string; inStock is only sent when asked for. */
function toProductParams(filters: ProductFilters, limit: number, cursor?: string): QueryParams {
  return {
    q: filters.q,
    sector: filters.sector,
    brand: filters.brand,
    minPrice: filters.minPrice,
    maxPrice: filters.maxPrice,
    inStock: filters.inStock ? true : undefined,
    sort: filters.sort,
    limit,
    cursor,
  };
}

export const productPageOptions = (filters: ProductFilters, limit = PRODUCT_PAGE_SIZE) =>
  queryOptions({
    queryKey: catalogKeys.productPage(filters, limit),
    queryFn: ({ signal }) => api.get<ProductPage>("/api/v1/products", toProductParams(filters, limit), signal),
  });

export const productPagesOptions = (filters: ProductFilters, pageSize = PRODUCT_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: catalogKeys.productPages(filters, pageSize),
    queryFn: ({ pageParam, signal }) => api.get<ProductPage>("/api/v1/products", toProductParams(filters, pageSize, pageParam), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.pagination.hasMore ? (last.pagination.nextCursor ?? undefined) : undefined),
  });

export const productOptions = (slug: string) =>
  queryOptions({
    queryKey: catalogKeys.product(slug),
    queryFn: ({ signal }) => api.get<Product>(`/api/v1/products/${encodeURIComponent(slug)}`, undefined, signal),
  });

export const useProductPage = (filters: ProductFilters, limit?: number) => useQuery(productPageOptions(filters, limit));
export const useProductPages = (filters: ProductFilters, pageSize?: number) => useInfiniteQuery(productPagesOptions(filters, pageSize));
export const useProduct = (slug: string) => useQuery(productOptions(slug));

/** A card already holds the full Product: hand it to the detail page so it renders at once. */
export function primeProductDetail(queryClient: QueryClient, product: Product): void {
  const key = catalogKeys.product(product.slug);
  if (queryClient.getQueryData(key) === undefined) queryClient.setQueryData(key, product);
}
