import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { brands, products, sectors, type ProductRow } from "@shared/schema";
import { optionCsvColumns, type Product, type ProductCreate, type ProductCsvColumn, type ProductCsvRow } from "@shared/contracts/catalog";
import { cursorTimestamp } from "../../lib/timestamp-cursor";
import { isoMillis } from "./catalog-sql";
import { productImagePath } from "./product-image";
import { variantsJsonOf, type StoredVariant } from "./variants.repo";

/**
 * The product, once, for the server side of the catalog: which stored fields admins edit (so what a
 * create inserts, a PATCH compares, the CSV export and import carry and the import's upsert rewrites),
 * which columns a product read selects, and how such a row becomes the contract's Product.
 * A new product field is one entry in `editableProductFields` (plus shared/schema, its migration and
 * shared/contracts); everything else here follows from that list.
 */

/** The fields admins edit besides the slug: each is a column of products and a field of the create payload. */
export const editableProductFields = [
  "name",
  "description",
  "priceCents",
  "currency",
  "stock",
  "imageUrl",
  "status",
  "brandId",
] as const satisfies ReadonlyArray<keyof ProductRow & keyof ProductCreate>;
export type EditableProductField = (typeof editableProductFields)[number];

/** The editable fields a CSV row carries as they are (the brand comes as brandSlug instead of brandId). */
const csvProductFields = editableProductFields.filter((k): k is Exclude<EditableProductField, "brandId"> => k !== "brandId");

/** The stored, editable values of a product (what updates and imports compare against). */
export type ProductValues = Pick<ProductRow, "slug" | EditableProductField>;
export interface StoredProduct extends ProductValues {
  id: string;
  options: ProductRow["options"];
  /** Admin order (issue 12): what PATCH and the CSV import compare and rewrite. */
  variants: StoredVariant[];
}
/** A product to insert: a field left undefined gets its column's default. */
export type ProductDraft = Pick<typeof products.$inferInsert, "slug" | EditableProductField>;

function columnsOf<T extends object, K extends keyof T>(table: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, table[k]])) as Pick<T, K>;
}

/** The columns of a stored product, for writes (locks, import lookups) on the plain products table. */
export const storedProductColumns = {
  id: products.id,
  slug: products.slug,
  ...columnsOf(products, editableProductFields),
  options: products.options,
  variants: variantsJsonOf("products"),
};

// ---------------------------------------------------------------- reads

/** The aliases of every product read: products p, joined to its brand b and that brand's sector s. */
export const p = alias(products, "p");
export const b = alias(brands, "b");
export const s = alias(sectors, "s");
export const brandOfProduct = eq(b.id, p.brandId);
export const sectorOfBrand = eq(s.id, b.sectorId);

/** What a product read selects. The timestamps come as microsecond text: cursors must round-trip created_at exactly. */
export const productColumns = {
  id: p.id,
  slug: p.slug,
  ...columnsOf(p, csvProductFields),
  brand: { id: b.id, slug: b.slug, name: b.name, status: b.status },
  sector: { id: s.id, slug: s.slug, name: s.name },
  version: p.version,
  createdAt: cursorTimestamp(p.createdAt),
  updatedAt: cursorTimestamp(p.updatedAt),
  options: p.options,
  // The product's stored copy (ADR 079): one column instead of an aggregate over product_variants per row.
  variants: p.variants,
};
export type ProductSelectRow = SelectResultFields<typeof productColumns>;

/**
 * Written out key by key, in the order the API has always sent (the columns' order, then imageUrl, priceRange,
 * brand and the timestamps): a rest-and-spread copy cost ~15 µs a row in V8's slow property-definition path, a
 * literal well under 1 µs (issue 15). The return type makes a new contract field a compile error here.
 */
export function toProduct(row: ProductSelectRow): Product {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    priceCents: row.priceCents,
    currency: row.currency,
    stock: row.stock,
    status: row.status,
    sector: row.sector,
    version: row.version,
    options: row.options,
    variants: row.variants.map(inContractOrder),
    imageUrl: row.imageUrl || productImagePath(row.slug),
    priceRange: priceRangeOf(row.variants, row.priceCents),
    brand: { id: row.brand.id, slug: row.brand.slug, name: row.brand.name },
    createdAt: isoMillis(row.createdAt),
    updatedAt: isoMillis(row.updatedAt),
  };
}

/** jsonb keeps an object's keys in its own order (shortest first): the contract's order is written out here. */
const inContractOrder = (v: StoredVariant): StoredVariant => ({
  id: v.id,
  sku: v.sku,
  optionValues: v.optionValues,
  priceCents: v.priceCents,
  compareAtPriceCents: v.compareAtPriceCents,
  stock: v.stock,
});

/** Lowest and highest variant price (a product without variant rows is its own price). */
function priceRangeOf(variants: readonly StoredVariant[], fallback: number) {
  if (variants.length === 0) return { minCents: fallback, maxCents: fallback };
  const prices = variants.map((v) => v.priceCents);
  return { minCents: Math.min(...prices), maxCents: Math.max(...prices) };
}

/** Shoppers see a product only when it and its brand are active. */
export const visibleToShoppers = (row: ProductSelectRow) => row.status === "active" && row.brand.status === "active";

// ---------------------------------------------------------------- writes and CSV

/** The editable fields of a create payload; what it leaves out gets the column's default. */
export function productDraft(input: ProductCreate & Pick<ProductDraft, "priceCents" | "stock">, slug: string): ProductDraft {
  return { slug, ...columnsOf(input, editableProductFields) };
}

/** An import row as the product it should become: a column the file leaves out keeps the stored value (a new product: the default). */
export function importedProductDraft(row: ProductCsvRow, brandId: string, stored: StoredProduct | undefined): ProductDraft {
  const draft: Record<string, unknown> = { slug: row.slug, brandId };
  for (const field of csvProductFields) draft[field] = row[field] ?? stored?.[field];
  return draft as ProductDraft;
}

/** Whether a draft would leave the stored product as it is. */
export const sameAsStored = (stored: ProductValues, draft: ProductDraft) => editableProductFields.every((k) => stored[k] === draft[k]);

/** A product as the CSV export reads it: the stored values (imageUrl may be empty), the brand by slug, its options and variants. */
export const productCsvSelection = {
  slug: p.slug,
  ...columnsOf(p, csvProductFields),
  brandSlug: b.slug,
  options: p.options,
  variants: variantsJsonOf("p"),
};
export type ProductCsvProduct = SelectResultFields<typeof productCsvSelection>;
/** One CSV row: a variant with its product's columns (issue 12). */
export type ProductCsvRecord = Record<ProductCsvColumn, string | number | null>;

/** A product's CSV rows, one per variant, in the product's variant order. */
export function productCsvRecords(product: ProductCsvProduct): ProductCsvRecord[] {
  const { options, variants, ...fields } = product;
  return variants.map((v) => {
    const record: ProductCsvRecord = {
      ...fields,
      priceCents: v.priceCents,
      stock: v.stock,
      sku: v.sku,
      compareAtPriceCents: v.compareAtPriceCents,
      option1Name: null,
      option1Value: null,
      option2Name: null,
      option2Value: null,
      option3Name: null,
      option3Value: null,
    };
    options.forEach((o, i) => {
      const [nameColumn, valueColumn] = optionCsvColumns[i]!;
      record[nameColumn] = o.name;
      record[valueColumn] = v.optionValues[o.name] ?? null;
    });
    return record;
  });
}
