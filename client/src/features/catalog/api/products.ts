import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useQuery, type QueryClient } from "@tanstack/react-query";
import type { Product, ProductList, ProductListFilters, ProductListQuery } from "@shared/contracts/catalog";
import { api, cursorPaging } from "@client/lib/api";
import { catalogKeys } from "./catalog-keys";

/** What a shopper can filter by: the contract's list query minus paging. */
export type ProductFilters = Partial<Omit<ProductListFilters, "limit" | "cursor" | "facets">>;
export type ProductPage = ProductList;

export const PRODUCT_PAGE_SIZE = 24;

/** Filters → the API's query string; inStock is only sent when asked for. */
function toProductParams(filters: ProductFilters, limit: number, cursor?: string) {
  return {
    q: filters.q,
    sector: filters.sector,
    brand: filters.brand,
    minPrice: filters.minPrice,
    maxPrice: filters.maxPrice,
    inStock: filters.inStock ? "true" : undefined,
    sort: filters.sort,
    limit,
    cursor,
  } satisfies ProductListQuery;
}

export const productPageOptions = (filters: ProductFilters, limit = PRODUCT_PAGE_SIZE) =>
  queryOptions({
    queryKey: catalogKeys.productPage(filters, limit),
    queryFn: ({ signal }) => api.get<ProductPage>("/api/v1/products", toProductParams(filters, limit), signal),
  });

/** withFacets: the first page also carries the facet counts of the whole filtered list (`facets=true`, see productListQuery). */
export const productPagesOptions = (filters: ProductFilters, pageSize = PRODUCT_PAGE_SIZE, withFacets = false) =>
  infiniteQueryOptions({
    queryKey: catalogKeys.productPages(filters, pageSize, withFacets),
    queryFn: ({ pageParam, signal }) =>
      api.get<ProductPage>(
        "/api/v1/products",
        { ...toProductParams(filters, pageSize, pageParam), facets: withFacets && pageParam === undefined ? "true" : undefined } satisfies ProductListQuery,
        signal,
      ),
    ...cursorPaging,
  });

export const productOptions = (slug: string) =>
  queryOptions({
    queryKey: catalogKeys.product(slug),
    queryFn: ({ signal }) => api.get<Product>(`/api/v1/products/${encodeURIComponent(slug)}`, undefined, signal),
  });

export const useProductPage = (filters: ProductFilters, limit?: number) => useQuery(productPageOptions(filters, limit));
export const useProductPages = (filters: ProductFilters, pageSize?: number, withFacets?: boolean) =>
  useInfiniteQuery(productPagesOptions(filters, pageSize, withFacets));

/**
 * The facets of a search: read from the same query as its results (facets come with the first page), so
 * they cost no extra request. While new filters load, the previous counts stay on screen.
 */
export const useProductFacets = (filters: ProductFilters) =>
  useInfiniteQuery({ ...productPagesOptions(filters, PRODUCT_PAGE_SIZE, true), select: (data) => data.pages[0]?.facets, placeholderData: keepPreviousData });
export const useProduct = (slug: string) => useQuery(productOptions(slug));

/** A card already holds the full Product: hand it to the detail page so it renders at once. */
export function primeProductDetail(queryClient: QueryClient, product: Product): void {
  const key = catalogKeys.product(product.slug);
  if (queryClient.getQueryData(key) === undefined) queryClient.setQueryData(key, product);
}
