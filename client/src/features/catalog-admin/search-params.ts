import { brandListQuery, productListQuery, type ProductSort } from "@shared/contracts/catalog";
import { readParams, type UrlFilterCodec } from "@client/lib/url-filters";
import type { AdminBrandFilters, AdminProductFilters, AdminSectorFilters } from "./api/keys";

export const CATALOG_PATH = "/admin/catalog";
export const catalogPaths = {
  products: `${CATALOG_PATH}/products`,
  brands: `${CATALOG_PATH}/brands`,
  sectors: `${CATALOG_PATH}/sectors`,
} as const;

/** The default order: best match with words, newest without. */
export const defaultAdminSort = (filters: { q?: string }): ProductSort => (filters.q ? "relevance" : "newest");

/** The console's product table. No status in the URL means every product, archived ones too ("all" is not a URL value). */
export const adminProductFilters: UrlFilterCodec<AdminProductFilters> = {
  path: catalogPaths.products,
  parse(params) {
    const filters: AdminProductFilters = readParams(params, productListQuery.shape, ["q", "sector", "brand", "status", "inStock", "sort"]);
    if (filters.status === "all") delete filters.status;
    if (!filters.inStock) delete filters.inStock;
    if (filters.sort === "relevance" && !filters.q) delete filters.sort; // the API refuses relevance without words
    return filters;
  },
  toParams: (filters) => ({
    q: filters.q,
    sector: filters.sector,
    brand: filters.brand,
    status: filters.status,
    inStock: filters.inStock ? "true" : undefined,
    sort: filters.sort && filters.sort !== defaultAdminSort(filters) && !(filters.sort === "relevance" && !filters.q) ? filters.sort : undefined,
  }),
};

export const adminBrandFilters: UrlFilterCodec<AdminBrandFilters> = {
  path: catalogPaths.brands,
  parse: (params) => readParams(params, brandListQuery.shape, ["q", "sector"]),
  toParams: (filters) => ({ q: filters.q, sector: filters.sector }),
};

/** Sectors are listed whole and searched on the client, with the same rule for the words as the brand search. */
export const adminSectorFilters: UrlFilterCodec<AdminSectorFilters> = {
  path: catalogPaths.sectors,
  parse: (params) => readParams(params, brandListQuery.shape, ["q"]),
  toParams: (filters) => ({ q: filters.q }),
};
