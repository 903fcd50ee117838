import type { ListOf } from "@shared/contracts/common";
import type {
  Brand,
  BrandListFilters,
  Facets,
  Product,
  ProductExportFilters,
  ProductList,
  ProductListFilters,
  ProductSort,
  Sector,
} from "@shared/contracts/catalog";
import { notFound } from "../../lib/app-error";
import { decodeKeyset, toPage, type CursorValue } from "../../lib/pagination";
import { looksLikeUuid } from "../../lib/uuid";
import { seesArchived, visibilityFor, type CatalogViewer } from "./catalog-access";
import type { CatalogCache } from "./catalog-cache";
import type { CatalogRepo } from "./catalog.repo";
import type { ProductFilterCriteria, ProductVisibility } from "./product-queries.repo";

const BRAND_SORT = "brand-name";

// Cursor values are client input: each must have the type its SQL cast expects, or PostgreSQL
// would answer a crafted cursor with an error (500) instead of the contract's 400.
const MICROS_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const BIGINT_TEXT = /^-?\d{1,18}$/;
type Check = (value: CursorValue) => boolean;
const isId: Check = (v) => typeof v === "string" && looksLikeUuid(v);
const isTimestamp: Check = (v) => {
  if (typeof v !== "string" || !MICROS_TIMESTAMP.test(v)) return false;
  const parsed = new Date(v); // rejects e.g. Feb 30 by round-tripping the seconds part
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === v.slice(0, 19);
};
const isCents: Check = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0 && v <= 2_147_483_647;
const isText: Check = (v) => typeof v === "string" && v.length <= 1_000 && !v.includes("\u0000");
const isRank: Check = (v) => typeof v === "string" && BIGINT_TEXT.test(v);

const PRODUCT_KEY_CHECKS: Record<ProductSort, Check[]> = {
  newest: [isTimestamp, isId],
  price: [isCents, isId],
  "-price": [isCents, isId],
  name: [isText, isId],
  relevance: [isRank, isId],
};

/** A cache key that does not depend on the order of query parameters. */
const stableKey = (query: object) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  );
/** `:idOrSlug` as a cache key: UUIDs match case-insensitively, slugs exactly. */
const lookupKey = (idOrSlug: string) => (looksLikeUuid(idOrSlug) ? idOrSlug.toLowerCase() : idOrSlug);

/** The list's filters as repository criteria (the CSV export uses them too). */
export const filterCriteria = (q: ProductExportFilters | ProductListFilters, visibility: ProductVisibility): ProductFilterCriteria => ({
  q: q.q,
  sector: q.sector,
  brand: q.brand,
  minPrice: q.minPrice,
  maxPrice: q.maxPrice,
  inStock: q.inStock,
  visibility,
});

/** The catalog's open reads: sectors, brands and products, shopper answers cached. */
export function createCatalogReads(repo: CatalogRepo, { cached, cachedBody }: Pick<CatalogCache, "cached" | "cachedBody">) {
  async function loadProductList(query: ProductListFilters, visibility: ProductVisibility, viewer?: CatalogViewer): Promise<ProductList> {
    const sort: ProductSort = query.sort ?? (query.q !== undefined ? "relevance" : "newest");
    const after = query.cursor === undefined ? undefined : decodeKeyset(query.cursor, sort, PRODUCT_KEY_CHECKS[sort]);
    const criteria = filterCriteria(query, visibility);
    // Page and facets are independent statements: on a pool they run side by side.
    const [rows, facets] = await Promise.all([
      repo.listProducts({ ...criteria, sort, after, take: query.limit + 1 }),
      // Facet counts depend on the filters only, not on sort, page or cursor: cached per filter set (ADR 060), so
      // paging or re-sorting a faceted list never recounts; every catalog write drops them with the namespace.
      query.facets ? cached(viewer, `facets:${stableKey(criteria)}`, () => repo.productFacets(criteria)) : Promise.resolve<Facets | undefined>(undefined),
    ]);
    const page = toPage(
      rows,
      query.limit,
      sort,
      (r) => r.key,
      (r) => r.item,
    );
    // A first page that found nothing for q offers a respelling (ADR 044); later pages never need one.
    const didYouMean = query.q !== undefined && query.cursor === undefined && page.data.length === 0 ? await repo.didYouMean(query.q) : undefined;
    const withFacets = facets ? { ...page, facets } : page;
    return didYouMean ? { ...withFacets, didYouMean } : withFacets;
  }

  /**
   * Each open read as its cache key and loader, so it can be answered as an object (storefront, sitemaps) or as
   * cached bytes (the HTTP routes, ADR 060) from one definition.
   */
  const reads = {
    sectors: () => ({ key: "sectors", load: async (): Promise<{ data: Sector[] }> => ({ data: await repo.listSectors() }) }),

    sector: (idOrSlug: string) => ({
      key: `sector:${lookupKey(idOrSlug)}`,
      load: async (): Promise<Sector> => {
        const sector = await repo.findSector(idOrSlug);
        if (!sector) throw notFound("Sector");
        return sector;
      },
    }),

    brands: (query: BrandListFilters) => {
      const after = query.cursor === undefined ? undefined : decodeKeyset(query.cursor, BRAND_SORT, [isText, isId]);
      return {
        key: `brands:${stableKey(query)}`,
        load: async (): Promise<ListOf<Brand>> => {
          const rows = await repo.listBrands({ sector: query.sector, q: query.q, after, take: query.limit + 1 });
          return toPage(
            rows,
            query.limit,
            BRAND_SORT,
            (r) => r.key,
            (r) => r.item,
          );
        },
      };
    },

    /** Staff see archived brands (never cached); shoppers only active ones. */
    brand: (idOrSlug: string, viewer?: CatalogViewer) => ({
      key: `brand:${lookupKey(idOrSlug)}`,
      load: async (): Promise<Brand> => {
        const brand = await repo.findBrand(idOrSlug);
        if (!brand || (brand.status !== "active" && !seesArchived(viewer))) throw notFound("Brand");
        return brand;
      },
    }),

    /**
     * Products, sort defaulting to relevance with a search query and newest otherwise. Shoppers see
     * active products of active brands; staff may pass `status` (archived/all → 403 for anyone else).
     * With facets=true the counts of the whole filtered list come along.
     */
    products: (query: ProductListFilters, viewer?: CatalogViewer) => {
      const visibility = visibilityFor(query.status, viewer);
      return { key: `products:${stableKey({ ...query, status: visibility })}`, load: () => loadProductList(query, visibility, viewer) };
    },

    /** Archived products (or products of archived brands) are 404 for shoppers. */
    product: (idOrSlug: string, viewer?: CatalogViewer) => ({
      key: `product:${lookupKey(idOrSlug)}`,
      load: async (): Promise<Product> => {
        const found = await repo.findProduct(idOrSlug);
        if (!found || (!found.visible && !seesArchived(viewer))) throw notFound("Product");
        return found.product;
      },
    }),
  };
  const asObject = <T>(viewer: CatalogViewer | undefined, read: { key: string; load: () => Promise<T> }) => cached(viewer, read.key, read.load);
  const asBody = (viewer: CatalogViewer | undefined, read: { key: string; load: () => Promise<unknown> }) => cachedBody(viewer, read.key, read.load);

  return {
    listSectors: async (viewer?: CatalogViewer) => asObject(viewer, reads.sectors()),
    getSector: async (idOrSlug: string, viewer?: CatalogViewer) => asObject(viewer, reads.sector(idOrSlug)),
    listBrands: async (query: BrandListFilters, viewer?: CatalogViewer) => asObject(viewer, reads.brands(query)),
    getBrand: async (idOrSlug: string, viewer?: CatalogViewer) => asObject(viewer, reads.brand(idOrSlug, viewer)),
    listProducts: async (query: ProductListFilters, viewer?: CatalogViewer) => asObject(viewer, reads.products(query, viewer)),
    getProduct: async (idOrSlug: string, viewer?: CatalogViewer) => asObject(viewer, reads.product(idOrSlug, viewer)),

    /** The same reads as JSON bytes with ETag and compressed copies, for the HTTP routes. */
    sectorsBody: async (viewer?: CatalogViewer) => asBody(viewer, reads.sectors()),
    sectorBody: async (idOrSlug: string, viewer?: CatalogViewer) => asBody(viewer, reads.sector(idOrSlug)),
    brandsBody: async (query: BrandListFilters, viewer?: CatalogViewer) => asBody(viewer, reads.brands(query)),
    brandBody: async (idOrSlug: string, viewer?: CatalogViewer) => asBody(viewer, reads.brand(idOrSlug, viewer)),
    productsBody: async (query: ProductListFilters, viewer?: CatalogViewer) => asBody(viewer, reads.products(query, viewer)),
    productBody: async (idOrSlug: string, viewer?: CatalogViewer) => asBody(viewer, reads.product(idOrSlug, viewer)),
  };
}
