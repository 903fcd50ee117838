import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Brand, BrandCreate, BrandList, BrandListQuery, BrandUpdate } from "@shared/contracts/catalog";
import { api, cursorPaging, ifMatch } from "@client/lib/api";
import { catalogAdminKeys, invalidateCatalog, type AdminBrandFilters } from "./keys";

export const ADMIN_BRAND_PAGE_SIZE = 25;
/** The API's largest page: the brand pickers walk the pages at this size. */
const CHOICES_PAGE_SIZE = 100;
/** A guard against a cursor that never ends (10,000 brands is far beyond any real shop here). */
const CHOICES_MAX_PAGES = 100;

export const adminBrandPagesOptions = (filters: AdminBrandFilters, pageSize = ADMIN_BRAND_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: catalogAdminKeys.brandPages(filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      api.get<BrandList>("/api/v1/brands", { q: filters.q, sector: filters.sector, limit: pageSize, cursor: pageParam } satisfies BrandListQuery, signal),
    ...cursorPaging,
    staleTime: 0,
  });

export const useAdminBrandPages = (filters: AdminBrandFilters) => useInfiniteQuery(adminBrandPagesOptions(filters));

/** Every brand, sorted by name (the API's order), for the product form's and the filters' brand pickers. */
export const brandChoicesOptions = () =>
  queryOptions({
    queryKey: catalogAdminKeys.brandChoices(),
    queryFn: async ({ signal }) => {
      const brands: Brand[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < CHOICES_MAX_PAGES; page += 1) {
        const body = await api.get<BrandList>("/api/v1/brands", { limit: CHOICES_PAGE_SIZE, cursor }, signal);
        brands.push(...body.data);
        if (!body.pagination.hasMore || !body.pagination.nextCursor) break;
        cursor = body.pagination.nextCursor;
      }
      return brands;
    },
  });

export const useBrandChoices = () => useQuery(brandChoicesOptions());

const brandPath = (id: string) => `/api/v1/brands/${encodeURIComponent(id)}`;

/** An edit names the version it was made on: a stale one is 412 precondition_failed (ADR 056). */
export type SaveBrandInput = { id?: undefined; body: BrandCreate } | { id: string; body: BrandUpdate; version: number };

/** The brand as it is now (after a 412: what the other admin saved). */
export const fetchBrand = (id: string) => api.get<Brand>(brandPath(id));

export function useSaveBrand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveBrandInput) =>
      input.id ? api.patch<Brand>(brandPath(input.id), input.body, { headers: ifMatch(input.version) }) : api.post<Brand>("/api/v1/brands", input.body),
    onSuccess: () => void invalidateCatalog(queryClient),
  });
}

export function useDeleteBrand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(brandPath(id)),
    onSuccess: () => void invalidateCatalog(queryClient),
  });
}
