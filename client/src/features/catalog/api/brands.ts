import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { Brand, BrandList, BrandListFilters } from "@shared/contracts/catalog";
import { api } from "@client/lib/api";
import { catalogKeys } from "./catalog-keys";

/** The brand list query as the client builds it (parsed types: numbers, not query-string text). */
export type BrandListParams = Partial<BrandListFilters>;

/** A sector has a handful of brands; one page of the maximum size lists them all. */
export const BRANDS_PER_SECTOR_LIMIT = 100;

export const brandListOptions = (query: BrandListParams) =>
  queryOptions({
    queryKey: catalogKeys.brandList(query),
    queryFn: ({ signal }) => api.get<BrandList>("/api/v1/brands", { ...query }, signal),
  });

export const brandOptions = (slug: string) =>
  queryOptions({
    queryKey: catalogKeys.brand(slug),
    queryFn: ({ signal }) => api.get<Brand>(`/api/v1/brands/${encodeURIComponent(slug)}`, undefined, signal),
  });

export const useSectorBrands = (sector: string | undefined) =>
  useQuery({
    ...brandListOptions({ sector, limit: BRANDS_PER_SECTOR_LIMIT }),
    enabled: Boolean(sector),
    placeholderData: keepPreviousData,
  });

export const useBrand = (slug: string) => useQuery(brandOptions(slug));
