import { productListQuery, type ProductSort } from "@shared/contracts/catalog";
import { readParams, type UrlFilterCodec } from "@client/lib/url-filters";
import type { ProductFilters } from "./api/products";

export const defaultSort = (filters: ProductFilters): ProductSort => (filters.q ? "relevance" : "newest");

/**
 * The search page's filters. Its URL keys are the API's own (prices in cents), so a shared link is the query
 * itself; one bad value (a hand-edited link, say) is dropped instead of discarding the whole search.
 */
export const productSearchFilters: UrlFilterCodec<ProductFilters> = {
  path: "/search",
  parse(params) {
    const filters: ProductFilters = readParams(params, productListQuery.shape, ["q", "sector", "brand", "minPrice", "maxPrice", "inStock", "sort"]);
    // Cross-field rules of the same schema: drop what the API would reject as a whole.
    if (filters.minPrice !== undefined && filters.maxPrice !== undefined && filters.minPrice > filters.maxPrice) delete filters.minPrice;
    if (filters.sort === "relevance" && !filters.q) delete filters.sort;
    if (filters.inStock === false) delete filters.inStock;
    return filters;
  },
  toParams: (filters) => ({
    q: filters.q,
    sector: filters.sector,
    brand: filters.brand,
    minPrice: filters.minPrice,
    maxPrice: filters.maxPrice,
    inStock: filters.inStock ? "true" : undefined,
    sort: filters.sort && filters.sort !== defaultSort(filters) ? filters.sort : undefined,
  }),
};

export const sortLabels: Record<ProductSort, string> = {
  relevance: "Best match",
  newest: "Newest",
  price: "Price: low to high",
  "-price": "Price: high to low",
  name: "Name: A to Z",
};
