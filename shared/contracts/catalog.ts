import { z } from "zod";
import { cents, currency, listOf, pageQuery, queryBoolean, slug, uuid } from "./common";

// ---- Response shapes (CONTRACT "Catalog") ----
export const ref = z.object({ id: uuid, slug: z.string(), name: z.string() });

export const sector = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  emoji: z.string(),
  brandCount: z.number().int(),
  productCount: z.number().int(),
});
export type Sector = z.infer<typeof sector>;

export const productStatus = z.enum(["active", "archived"]);

export const brand = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  sector: ref,
  productCount: z.number().int(),
  status: productStatus,
});
export type Brand = z.infer<typeof brand>;

export const product = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  priceCents: z.number().int(),
  currency: z.string(),
  stock: z.number().int(),
  imageUrl: z.string(),
  status: productStatus,
  brand: ref,
  sector: ref,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof product>;

// ---- Queries ----
/**
 * Name-sorted cursors carry the last row's whole name (up to 200 characters, so up to ~800 UTF-8
 * bytes before base64), which can outgrow the generic 500-character cursor limit.
 */
const keysetCursor = z.string().min(1).max(2_000);

export const productSorts = ["relevance", "newest", "price", "-price", "name"] as const;
export const productSort = z.enum(productSorts);
export type ProductSort = z.infer<typeof productSort>;

export const productListQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    sector: slug.optional(),
    brand: slug.optional(),
    minPrice: cents.optional(),
    maxPrice: cents.optional(),
    inStock: queryBoolean.optional(),
    sort: productSort.optional(),
    facets: queryBoolean.optional(),
    ...pageQuery,
    cursor: keysetCursor.optional(),
  })
  .strict()
  .refine((q) => q.minPrice == null || q.maxPrice == null || q.minPrice <= q.maxPrice, {
    path: ["minPrice"],
    message: "minPrice must not exceed maxPrice",
  })
  .refine((q) => q.sort !== "relevance" || q.q !== undefined, { path: ["sort"], message: "relevance sort needs a search query q" });
export type ProductListQuery = z.input<typeof productListQuery>;
export type ProductListFilters = z.output<typeof productListQuery>;

export const brandListQuery = z
  .object({ sector: slug.optional(), q: z.string().trim().min(1).max(100).optional(), ...pageQuery, cursor: keysetCursor.optional() })
  .strict();
export type BrandListQuery = z.input<typeof brandListQuery>;
export type BrandListFilters = z.output<typeof brandListQuery>;

// ---- Facets (CONTRACT: facets=true) ----
export const facets = z.object({
  sectors: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
  brands: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
  price: z.array(z.object({ minCents: z.number().int(), maxCents: z.number().int(), count: z.number().int() })),
  inStock: z.number().int(),
});
export type Facets = z.infer<typeof facets>;

// ---- List responses ----
export const sectorList = z.object({ data: z.array(sector) });
export const brandList = listOf(brand);
/** `facets` is present only when the query asked for facets=true. */
export const productList = listOf(product).extend({ facets: facets.optional() });
export type SectorList = z.infer<typeof sectorList>;
export type BrandList = z.infer<typeof brandList>;
export type ProductList = z.infer<typeof productList>;

// ---- Admin write bodies (used by the console forms and the routes) ----
export const sectorCreate = z
  .object({
    name: z.string().trim().min(1).max(120),
    slug: slug.optional(),
    description: z.string().max(2000).optional(),
    emoji: z.string().max(16).optional(),
  })
  .strict();
export const sectorUpdate = sectorCreate.partial().strict();

export const brandCreate = z
  .object({
    name: z.string().trim().min(1).max(120),
    slug: slug.optional(),
    description: z.string().max(2000).optional(),
    sectorId: uuid,
  })
  .strict();
export const brandUpdate = brandCreate.partial().strict();

export const productCreate = z
  .object({
    name: z.string().trim().min(1).max(200),
    slug: slug.optional(),
    description: z.string().max(5000).optional(),
    priceCents: z.number().int().min(0).max(100_000_000),
    currency: currency.optional(),
    stock: z.number().int().min(0).max(10_000_000),
    imageUrl: z.string().max(2000).optional(),
    brandId: uuid,
    status: productStatus.optional(),
  })
  .strict();
export const productUpdate = productCreate.partial().strict();
export const stockAdjust = z.object({ delta: z.number().int().min(-10_000_000).max(10_000_000).refine((d) => d !== 0, "Must not be zero") }).strict();

export type SectorCreate = z.infer<typeof sectorCreate>;
export type SectorUpdate = z.infer<typeof sectorUpdate>;
export type BrandCreate = z.infer<typeof brandCreate>;
export type BrandUpdate = z.infer<typeof brandUpdate>;
export type ProductCreate = z.infer<typeof productCreate>;
export type ProductUpdate = z.infer<typeof productUpdate>;
export type StockAdjust = z.infer<typeof stockAdjust>;
