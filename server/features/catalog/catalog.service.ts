import type { ListOf } from "@shared/contracts/common";
import type { Brand, BrandListFilters, Product, ProductListFilters, ProductSort, Sector } from "@shared/contracts/catalog";
import { AppError, notFound } from "../../lib/app-error";
import { decodeCursor, toPage } from "../../lib/pagination";
import { looksLikeUuid, type CatalogRepo, type CursorValue } from "./catalog.repo";

/** Who is asking. Staff and admins may see archived objects; shoppers (or nobody signed in) may not. */
export interface CatalogViewer {
  role: "customer" | "staff" | "admin";
}
const seesArchived = (viewer?: CatalogViewer) => viewer?.role === "staff" || viewer?.role === "admin";

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

function decodeKeyset(cursor: string, sort: string, checks: Check[]): CursorValue[] {
  const values = decodeCursor(cursor, sort, checks.length);
  if (!checks.every((check, i) => check(values[i]!))) {
    throw new AppError("validation_failed", "The cursor is malformed or belongs to another query.", [
      { path: "cursor", message: "Invalid cursor; use the nextCursor of the previous page" },
    ]);
  }
  return values;
}

export function createCatalogService(repo: CatalogRepo) {
  return {
    async listSectors(): Promise<{ data: Sector[] }> {
      return { data: await repo.listSectors() };
    },

    async getSector(idOrSlug: string): Promise<Sector> {
      const sector = await repo.findSector(idOrSlug);
      if (!sector) throw notFound("Sector");
      return sector;
    },

    async listBrands(query: BrandListFilters): Promise<ListOf<Brand>> {
      const after = query.cursor === undefined ? undefined : decodeKeyset(query.cursor, BRAND_SORT, [isText, isId]);
      const rows = await repo.listBrands({ sector: query.sector, q: query.q, after, take: query.limit + 1 });
      return toPage(rows, query.limit, BRAND_SORT, (r) => r.key, (r) => r.item);
    },

    async getBrand(idOrSlug: string, viewer?: CatalogViewer): Promise<Brand> {
      const brand = await repo.findBrand(idOrSlug);
      if (!brand || (brand.status !== "active" && !seesArchived(viewer))) throw notFound("Brand");
      return brand;
    },

    /** Shopper-visible products; sort defaults to relevance with a search query, newest otherwise. */
    async listProducts(query: ProductListFilters): Promise<ListOf<Product>> {
      const sort: ProductSort = query.sort ?? (query.q !== undefined ? "relevance" : "newest");
      const after = query.cursor === undefined ? undefined : decodeKeyset(query.cursor, sort, PRODUCT_KEY_CHECKS[sort]);
      const rows = await repo.listProducts({
        q: query.q,
        sector: query.sector,
        brand: query.brand,
        minPrice: query.minPrice,
        maxPrice: query.maxPrice,
        inStock: query.inStock,
        sort,
        after,
        take: query.limit + 1,
      });
      return toPage(rows, query.limit, sort, (r) => r.key, (r) => r.item);
    },

    /** Archived products (or products of archived brands) are 404 for shoppers. */
    async getProduct(idOrSlug: string, viewer?: CatalogViewer): Promise<Product> {
      const found = await repo.findProduct(idOrSlug);
      if (!found || (!found.visible && !seesArchived(viewer))) throw notFound("Product");
      return found.product;
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
