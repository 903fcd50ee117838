import { z } from "zod";
import { cents, currency, listOf, pageQuery, queryBoolean, slug, uuid, version } from "./common";
import { checkVariants, sku, variantFieldsOfProduct, variantWriteFields } from "./variants";

// ---- Response shapes ----
export const ref = z.object({ id: uuid, slug: z.string(), name: z.string() });

export const sector = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  emoji: z.string(),
  brandCount: z.number().int(),
  productCount: z.number().int(),
  version,
});
export type Sector = z.infer<typeof sector>;

export const productStatuses = ["active", "archived"] as const;
export const productStatus = z.enum(productStatuses);

export const brand = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  sector: ref,
  productCount: z.number().int(),
  status: productStatus,
  version,
});
export type Brand = z.infer<typeof brand>;

export const product = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** The lowest variant price (priceRange has both ends). */
  priceCents: z.number().int(),
  currency: z.string(),
  /** Units over all variants. */
  stock: z.number().int(),
  imageUrl: z.string(),
  status: productStatus,
  brand: ref,
  sector: ref,
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
  ...variantFieldsOfProduct,
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

/**
 * Which products a list shows. Absent: what shoppers see (active products of active brands).
 * Staff and admins may pass it: it then filters on the product's own status, whatever its brand's;
 * `archived` or `all` from anyone else is a 403.
 */
export const productStatusFilter = z.enum(["active", "archived", "all"]);
export type ProductStatusFilter = z.infer<typeof productStatusFilter>;

/** The filters shared by the product list and the CSV export. */
const productFilterFields = {
  q: z.string().trim().min(1).max(100).optional(),
  sector: slug.optional(),
  brand: slug.optional(),
  minPrice: cents.optional(),
  maxPrice: cents.optional(),
  inStock: queryBoolean.optional(),
  status: productStatusFilter.optional(),
};
const priceRangeOrdered = (q: { minPrice?: number; maxPrice?: number }) => q.minPrice == null || q.maxPrice == null || q.minPrice <= q.maxPrice;
const priceRangeIssue = { path: ["minPrice"], message: "minPrice must not exceed maxPrice" };

export const productListQuery = z
  .object({
    ...productFilterFields,
    sort: productSort.optional(),
    facets: queryBoolean.optional(),
    ...pageQuery,
    cursor: keysetCursor.optional(),
  })
  .strict()
  .refine(priceRangeOrdered, priceRangeIssue)
  .refine((q) => q.sort !== "relevance" || q.q !== undefined, { path: ["sort"], message: "relevance sort needs a search query q" });
export type ProductListQuery = z.input<typeof productListQuery>;
export type ProductListFilters = z.output<typeof productListQuery>;

export const brandListQuery = z
  .object({ sector: slug.optional(), q: z.string().trim().min(1).max(100).optional(), ...pageQuery, cursor: keysetCursor.optional() })
  .strict();
export type BrandListQuery = z.input<typeof brandListQuery>;
export type BrandListFilters = z.output<typeof brandListQuery>;

// ---- Facets (facets=true) ----
/**
 * Fixed price buckets in cents, both bounds inclusive (the same as minPrice/maxPrice), so a bucket
 * can be applied as a filter as it is. Empty buckets are left out of the facets.
 */
export const priceFacetBuckets = [
  { minCents: 0, maxCents: 999 },
  { minCents: 1_000, maxCents: 2_499 },
  { minCents: 2_500, maxCents: 4_999 },
  { minCents: 5_000, maxCents: 9_999 },
  { minCents: 10_000, maxCents: 24_999 },
  { minCents: 25_000, maxCents: 100_000_000 },
] as const;

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
/**
 * `facets` is present only when the query asked for facets=true. `didYouMean` only on a first page that found
 * nothing for `q`: a respelling of `q` from the catalog's own words, worth offering as a link.
 */
export const productList = listOf(product).extend({ facets: facets.optional(), didYouMean: z.string().optional() });
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

/**
 * Where a product picture may come from (issue 11 §8): an http(s) URL or a path on this site ("/images/…").
 * Never javascript:, data:, a protocol-relative "//host" or anything with backslashes or control characters.
 * Empty means the generated default picture (CSV rows leave it blank).
 */
export function isSafeImageUrl(value: string): boolean {
  if (value === "") return true;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\\\u0000-\u001f\u007f\s]/.test(value)) return false;
  if (value.startsWith("/")) return !value.startsWith("//");
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}
export const imageUrl = z.string().max(2000).refine(isSafeImageUrl, "Must be an https:// or http:// address, or a path on this site starting with /");

/**
 * Without `variants`, priceCents and stock describe the product's one default variant (as before issue 12);
 * with them, the variants carry price and stock and the product's priceCents/stock follow from them.
 */
export const productCreateFields = z
  .object({
    name: z.string().trim().min(1).max(200),
    slug: slug.optional(),
    description: z.string().max(5000).optional(),
    priceCents: z.number().int().min(0).max(100_000_000).optional(),
    currency: currency.optional(),
    stock: z.number().int().min(0).max(10_000_000).optional(),
    imageUrl: imageUrl.optional(),
    brandId: uuid,
    status: productStatus.optional(),
    ...variantWriteFields,
  })
  .strict();

type VariantWrite = Partial<Pick<z.output<typeof productCreateFields>, "options" | "variants" | "priceCents" | "stock">>;
/** Price and stock come either from the product fields (one default variant) or from `variants`, never both. */
function variantRules(creating: boolean) {
  return (v: VariantWrite, ctx: z.RefinementCtx) => {
    const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: "custom", path, message });
    if (v.variants) {
      if (v.priceCents !== undefined) issue(["priceCents"], "Give the price on each variant");
      if (v.stock !== undefined) issue(["stock"], "Give the stock on each variant");
      checkVariants(v.options ?? [], v.variants, issue);
    } else {
      if (v.options?.length) issue(["variants"], "Give the variants of these options");
      if (creating && v.priceCents === undefined) issue(["priceCents"], "Required");
      if (creating && v.stock === undefined) issue(["stock"], "Required");
    }
  };
}
export const productCreate = productCreateFields.superRefine(variantRules(true));
export const productUpdate = productCreateFields.partial().strict().superRefine(variantRules(false));
export const stockAdjust = z
  .object({
    delta: z
      .number()
      .int()
      .min(-10_000_000)
      .max(10_000_000)
      .refine((d) => d !== 0, "Must not be zero"),
  })
  .strict();

export type SectorCreate = z.infer<typeof sectorCreate>;
export type SectorUpdate = z.infer<typeof sectorUpdate>;
export type BrandCreate = z.infer<typeof brandCreate>;
export type BrandUpdate = z.infer<typeof brandUpdate>;
export type ProductCreate = z.infer<typeof productCreate>;
export type ProductCreateInput = z.input<typeof productCreate>;
export type ProductUpdate = z.infer<typeof productUpdate>;
export type StockAdjust = z.infer<typeof stockAdjust>;

// ---- CSV export and import (export.csv, import?mode=dry-run|apply) ----
/** The list's filters (status included), without paging or facets; rows come sorted by slug. */
export const productExportQuery = z.object(productFilterFields).strict().refine(priceRangeOrdered, priceRangeIssue);
export type ProductExportQuery = z.input<typeof productExportQuery>;
export type ProductExportFilters = z.output<typeof productExportQuery>;

/**
 * The export's header row, in order; the import accepts these columns in any order. One row per variant
 * (issue 12): the product columns repeat on each of its rows, priceCents and stock are the variant's, and
 * optionNName/optionNValue give its option values (empty for a product without options).
 */
export const productCsvColumns = [
  "slug",
  "name",
  "description",
  "priceCents",
  "currency",
  "stock",
  "imageUrl",
  "status",
  "brandSlug",
  "sku",
  "compareAtPriceCents",
  "option1Name",
  "option1Value",
  "option2Name",
  "option2Value",
  "option3Name",
  "option3Value",
] as const;
/** The option columns, one pair per option (at most 3). */
export const optionCsvColumns = [
  ["option1Name", "option1Value"],
  ["option2Name", "option2Value"],
  ["option3Name", "option3Value"],
] as const;
export type ProductCsvColumn = (typeof productCsvColumns)[number];
/** Columns an import file must have; the others may be left out (new products get the defaults, existing ones keep their values). */
export const requiredProductCsvColumns = ["slug", "name", "priceCents", "stock", "brandSlug"] as const satisfies readonly ProductCsvColumn[];

/** CSV cells are text: whole numbers are parsed, then checked by productCreate's own rules. */
const csvInteger = (rule: z.ZodNumber) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, "Must be a whole number")
    .transform(Number)
    .pipe(rule);
/** An empty cell in an optional column means "the default". */
const emptyAsDefault = <T extends z.ZodType>(rule: T) => z.preprocess((v) => (v === "" ? undefined : v), rule.optional());

const optionCell = emptyAsDefault(z.string().trim().max(60));

/** One CSV data row, derived from productCreate: the brand is named by slug, the slug is required (rows match by it). */
export const productCsvRow = z
  .object({
    slug,
    name: productCreateFields.shape.name,
    description: productCreateFields.shape.description,
    priceCents: csvInteger(z.number().int().min(0).max(100_000_000)),
    currency: emptyAsDefault(currency),
    stock: csvInteger(z.number().int().min(0).max(10_000_000)),
    imageUrl: productCreateFields.shape.imageUrl,
    status: emptyAsDefault(productStatus),
    brandSlug: slug,
    sku: emptyAsDefault(sku),
    compareAtPriceCents: emptyAsDefault(csvInteger(z.number().int().min(0).max(100_000_000))),
    option1Name: optionCell,
    option1Value: optionCell,
    option2Name: optionCell,
    option2Value: optionCell,
    option3Name: optionCell,
    option3Value: optionCell,
  })
  .strict();
export type ProductCsvRow = z.output<typeof productCsvRow>;

export const productImportMode = z.enum(["dry-run", "apply"]);
export type ProductImportMode = z.infer<typeof productImportMode>;
export const productImportQuery = z.object({ mode: productImportMode.default("dry-run") }).strict();

/** `row` is the row number a spreadsheet shows: the header is row 1, the first data row is row 2; a blank line still takes a number. */
export const productImportRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const productImportResult = z.object({
  mode: productImportMode,
  /** Data rows in the file (blank rows are not counted). */
  rows: z.number().int(),
  /** Products created (apply) or that would be (dry-run). */
  created: z.number().int(),
  /** Existing products changed (or that would be); rows identical to the product are not counted. */
  updated: z.number().int(),
  errors: z.array(productImportRowError),
});
export type ProductImportRowError = z.infer<typeof productImportRowError>;
export type ProductImportResult = z.infer<typeof productImportResult>;

/** Import files are limited to 5 MB and this many data rows. */
export const PRODUCT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const PRODUCT_IMPORT_MAX_ROWS = 20_000;

// ---- Audit actions recorded by catalog writes ----
export const catalogAuditActions = [
  "catalog.sector.created",
  "catalog.sector.updated",
  "catalog.sector.deleted",
  "catalog.brand.created",
  "catalog.brand.updated",
  "catalog.brand.deleted",
  "catalog.product.created",
  "catalog.product.updated",
  "catalog.product.deleted",
  "catalog.product.archived",
  "catalog.product.stock_adjusted",
  "catalog.products.imported",
] as const;
export type CatalogAuditAction = (typeof catalogAuditActions)[number];
