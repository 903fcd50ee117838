import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { productStatuses } from "../contracts/catalog";
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
    priceCents: integer("price_cents").notNull(),
    currency: varchar("currency", { length: 3 }).notNull().default("USD"),
    stock: integer("stock").notNull().default(0),
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

export type SectorRow = typeof sectors.$inferSelect;
export type BrandRow = typeof brands.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
