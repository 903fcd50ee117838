import { brandListQuery, productListQuery, type ProductSort } from "@shared/contracts/catalog";
import { toQueryString } from "@client/lib/api";
import type { AdminBrandFilters, AdminProductFilters, AdminSectorFilters } from "./api/keys";

export const CATALOG_PATH = "/admin/catalog";
export const catalogPaths = {
  products: `${CATALOG_PATH}/products`,
  brands: `${CATALOG_PATH}/brands`,
  sectors: `${CATALOG_PATH}/sectors`,
} as const;

/** One URL parameter checked with the contract's own rule; a bad value (a hand-edited link) is dropped, not fatal. */
function pick<T>(params: URLSearchParams, key: string, rule: { safeParse: (v: unknown) => { success: boolean; data?: T } }): T | undefined {
  const raw = params.get(key);
  if (raw === null || raw === "") return undefined;
  const parsed = rule.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function parseAdminProductFilters(search: string): AdminProductFilters {
  const params = new URLSearchParams(search);
  const shape = productListQuery.shape;
  const q = pick(params, "q", shape.q);
  const status = pick(params, "status", shape.status);
  let sort = pick<ProductSort>(params, "sort", shape.sort);
  if (sort === "relevance" && !q) sort = undefined; // the API refuses relevance without words
  return {
    q,
    sector: pick(params, "sector", shape.sector),
    brand: pick(params, "brand", shape.brand),
    status: status === "active" || status === "archived" ? status : undefined,
    inStock: pick(params, "inStock", shape.inStock) ? true : undefined,
    sort,
  };
}

/** The default order: best match with words, newest without. */
export const defaultAdminSort = (filters: { q?: string }): ProductSort => (filters.q ? "relevance" : "newest");

export function adminProductsHref(filters: AdminProductFilters): string {
  const sort = filters.sort && filters.sort !== defaultAdminSort(filters) && !(filters.sort === "relevance" && !filters.q) ? filters.sort : undefined;
  return `${catalogPaths.products}${toQueryString({
    q: filters.q,
    sector: filters.sector,
    brand: filters.brand,
    status: filters.status,
    inStock: filters.inStock ? "true" : undefined,
    sort,
  })}`;
}

export function parseAdminBrandFilters(search: string): AdminBrandFilters {
  const params = new URLSearchParams(search);
  return { q: pick(params, "q", brandListQuery.shape.q), sector: pick(params, "sector", brandListQuery.shape.sector) };
}

export const adminBrandsHref = (filters: AdminBrandFilters): string => `${catalogPaths.brands}${toQueryString({ q: filters.q, sector: filters.sector })}`;

export function parseAdminSectorFilters(search: string): AdminSectorFilters {
  const params = new URLSearchParams(search);
  return { q: pick(params, "q", brandListQuery.shape.q) };
}

export const adminSectorsHref = (filters: AdminSectorFilters): string => `${catalogPaths.sectors}${toQueryString({ q: filters.q })}`;
