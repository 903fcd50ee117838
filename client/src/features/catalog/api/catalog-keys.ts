import type { BrandListParams } from "./brands";
import type { ProductFilters } from "./products";

/**
 * The catalog's one query-key factory. Every key starts with ["catalog", entity] so a
 * `catalog.changed` realtime message (or an admin write) can invalidate a whole entity at once.
 */
export const catalogKeys = {
  all: ["catalog"] as const,
  sectors: () => [...catalogKeys.all, "sectors"] as const,
  sectorList: () => [...catalogKeys.sectors(), "list"] as const,
  sector: (slug: string) => [...catalogKeys.sectors(), "detail", slug] as const,
  brands: () => [...catalogKeys.all, "brands"] as const,
  brandList: (query: BrandListParams) => [...catalogKeys.brands(), "list", query] as const,
  brand: (slug: string) => [...catalogKeys.brands(), "detail", slug] as const,
  products: () => [...catalogKeys.all, "products"] as const,
  productPage: (filters: ProductFilters, limit: number) => [...catalogKeys.products(), "page", filters, limit] as const,
  // Infinite lists cache pages of pages, a different shape from a single page: keep their keys apart.
  // The search page asks for facets with the first page: a body of another shape, so another key.
  productPages: (filters: ProductFilters, pageSize: number, withFacets = false) =>
    withFacets
      ? ([...catalogKeys.products(), "pages", filters, pageSize, "facets"] as const)
      : ([...catalogKeys.products(), "pages", filters, pageSize] as const),
  product: (slug: string) => [...catalogKeys.products(), "detail", slug] as const,
  /** The header search box's suggestions for a (trimmed) query. */
  suggestions: (q: string) => [...catalogKeys.all, "suggest", q] as const,
};
