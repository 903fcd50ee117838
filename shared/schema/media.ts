import { customType, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { products } from "./catalog";
import { createdAt, id, updatedAt } from "./columns";

/** Raw bytes (pg hands back a Buffer, PGlite a Uint8Array; the media repo makes both a Buffer). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A product's pictures, in gallery order (position 0 is the primary picture). `hash` names the processed
 * renditions in media_files: the same upload twice shares one set of files (ADR 052).
 */
export const productMedia = pgTable(
  "product_media",
  {
    id: id(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    hash: text("hash").notNull(),
    alt: text("alt").notNull(),
    position: integer("position").notNull(),
    /** The picture's size after orientation, before any resizing: the renditions' widths follow from it. */
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** The uploaded bytes' size and format as sniffed (never the client's word). */
    sourceBytes: integer("source_bytes").notNull(),
    sourceFormat: text("source_format").notNull(),
    /** The option value the picture shows ({ name: "Colour", value: "Red" }); null shows every variant (ADR 068). */
    optionValue: jsonb("option_value").$type<{ name: string; value: string }>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("product_media_product_position_idx").on(t.productId, t.position), index("product_media_hash_idx").on(t.hash)],
);

/** The processed renditions, content-addressed: one row per (hash, width, format), served under /media/<hash>-<width>.<ext>. */
export const mediaFiles = pgTable(
  "media_files",
  {
    hash: text("hash").notNull(),
    width: integer("width").notNull(),
    format: text("format", { enum: ["avif", "webp", "jpeg"] }).notNull(),
    height: integer("height").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.hash, t.width, t.format] })],
);

export type ProductMediaRow = typeof productMedia.$inferSelect;
export type MediaFileRow = typeof mediaFiles.$inferSelect;
