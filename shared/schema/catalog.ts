import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { productStatuses } from "../contracts/catalog";
import type { OptionValues, ProductOption, ProductVariant } from "../contracts/variants";
import { createdAt, id, tsvector, updatedAt, version } from "./columns";

// The contract's list, so the columns' enum and the API's status schema cannot drift apart.
export { productStatuses };
export type ProductStatus = (typeof productStatuses)[number];

export const sectors = pgTable("sectors", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  emoji: text("emoji").notNull().default(""),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const brands = pgTable(
  "brands",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    sectorId: uuid("sector_id")
      .notNull()
      .references(() => sectors.id, { onDelete: "restrict" }),
    status: text("status", { enum: productStatuses }).notNull().default("active"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("brands_sector_name_idx").on(t.sectorId, t.name, t.id), index("brands_name_idx").on(t.name, t.id)],
);

export const products = pgTable(
  "products",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** The lowest variant price, kept by the catalog's writes (issue 12, ADR 050): list sorts and price filters stay on products. */
    priceCents: integer("price_cents").notNull(),
    currency: varchar("currency", { length: 3 }).notNull().default("USD"),
    /** The sum of the variants' stock, kept in the same statements that change a variant's (ADR 050). */
    stock: integer("stock").notNull().default(0),
    /** 0–3 options ({ name, values[] }); a product without options has one default variant. */
    options: jsonb("options").$type<ProductOption[]>().notNull().default([]),
    /**
     * A copy of the product's variants in admin order, as reads show them (ADR 079): the list reads it instead of
     * aggregating product_variants per row. Written in the same statement as every product_variants write.
     */
    variants: jsonb("variants").$type<ProductVariant[]>().notNull().default([]),
    imageUrl: text("image_url").notNull().default(""),
    status: text("status", { enum: productStatuses }).notNull().default("active"),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "restrict" }),
    searchVector: tsvector("search_vector"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("products_price_nonnegative", sql`${t.priceCents} >= 0`),
    check("products_stock_nonnegative", sql`${t.stock} >= 0`),
    index("products_brand_idx").on(t.brandId),
    // Keyset pagination: one index per sort order, each with the id tie-breaker.
    index("products_status_created_idx").on(t.status, t.createdAt, t.id),
    index("products_status_price_idx").on(t.status, t.priceCents, t.id),
    index("products_status_name_idx").on(t.status, t.name, t.id),
    index("products_search_idx").using("gin", t.searchVector),
  ],
);

/** What a shopper picks and buys: one combination of the product's option values, with its own price and stock. */
export const productVariants = pgTable(
  "product_variants",
  {
    id: id(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** The variant's place in the product's list (admin order; the CSV export follows it). */
    position: smallint("position").notNull().default(0),
    sku: text("sku").notNull(),
    optionValues: jsonb("option_values").$type<OptionValues>().notNull().default({}),
    priceCents: integer("price_cents").notNull(),
    compareAtPriceCents: integer("compare_at_price_cents"),
    stock: integer("stock").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("product_variants_price_nonnegative", sql`${t.priceCents} >= 0`),
    check("product_variants_stock_nonnegative", sql`${t.stock} >= 0`),
    uniqueIndex("product_variants_sku_unique").on(t.sku),
    index("product_variants_product_position_idx").on(t.productId, t.position, t.id),
  ],
);

export type SectorRow = typeof sectors.$inferSelect;
export type BrandRow = typeof brands.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type ProductVariantRow = typeof productVariants.$inferSelect;
