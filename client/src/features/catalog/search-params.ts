import { productListQuery, type ProductSort } from "@shared/contracts/catalog";
import { toQueryString } from "@client/lib/api";
import type { ProductFilters } from "./api/products";

/** The URL keys of the search page are the API's own (prices in cents), so a shared link is the query itself. */
const filterKeys = ["q", "sector", "brand", "minPrice", "maxPrice", "inStock", "sort"] as const;

/**
 * Reads filters from a query string with the contract's schema, field by field: one bad value
 * (a hand-edited link, say) is dropped instead of discarding the whole search.
 */
export function parseProductFilters(search: string): ProductFilters {
  const params = new URLSearchParams(search);
  const shape = productListQuery.shape;
  const filters: Record<string, unknown> = {};
  for (const key of filterKeys) {
    const raw = params.get(key);
    if (raw === null || raw === "") continue;
    const parsed = shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  const result = filters as ProductFilters;
  // Cross-field rules of the same schema: drop what the API would reject as a whole.
  if (result.minPrice !== undefined && result.maxPrice !== undefined && result.minPrice > result.maxPrice) delete result.minPrice;
  if (result.sort === "relevance" && !result.q) delete result.sort;
  if (result.inStock === false) delete result.inStock;
  return result;
}

export const defaultSort = (filters: ProductFilters): ProductSort => (filters.q ? "relevance" : "newest");

/** Filters → "/search?…", leaving out defaults so links stay short and canonical. */
export function searchHref(filters: ProductFilters): string {
  const sort = filters.sort && filters.sort !== defaultSort(filters) ? filters.sort : undefined;
  return `/search${toQueryString({
    q: filters.q,
    sector: filters.sector,
    brand: filters.brand,
    minPrice: filters.minPrice,
    maxPrice: filters.maxPrice,
    inStock: filters.inStock ? "true" : undefined,
    sort,
  })}`;
}

export const sortLabels: Record<ProductSort, string> = {
  relevance: "Best match",
  newest: "Newest",
  price: "Price: low to high",
  "-price": "Price: high to low",
  name: "Name: A to Z",
};
