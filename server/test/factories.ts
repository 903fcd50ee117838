import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import { brands, products, sectors } from "@shared/schema";

/** Unique per call, so tests never collide on slugs even when they share a database. */
export const uniqueSuffix = () => randomUUID().slice(0, 8);

export async function makeSector(db: Db, overrides: Partial<typeof sectors.$inferInsert> = {}) {
  const s = uniqueSuffix();
  const [row] = await db
    .insert(sectors)
    .values({ name: `Sector ${s}`, slug: `sector-${s}`, description: "A test sector", emoji: "🧪", ...overrides })
    .returning();
  return row!;
}

export async function makeBrand(db: Db, overrides: Partial<typeof brands.$inferInsert> = {}) {
  const sectorId = overrides.sectorId ?? (await makeSector(db)).id;
  const s = uniqueSuffix();
  const [row] = await db
    .insert(brands)
    .values({ name: `Brand ${s}`, slug: `brand-${s}`, description: "A test brand", ...overrides, sectorId })
    .returning();
  return row!;
}

export async function makeProduct(db: Db, overrides: Partial<typeof products.$inferInsert> = {}) {
  const brandId = overrides.brandId ?? (await makeBrand(db)).id;
  const s = uniqueSuffix();
  const [row] = await db
    .insert(products)
    .values({
      name: `Product ${s}`,
      slug: `product-${s}`,
      description: "A test product",
      priceCents: 1999,
      stock: 10,
      imageUrl: `/images/products/product-${s}.svg`,
      ...overrides,
      brandId,
    })
    .returning();
  return row!;
}

/** Many products in one brand, in one statement (keeps pagination tests fast). */
export async function makeProducts(db: Db, brandId: string, rows: Array<Partial<typeof products.$inferInsert>>) {
  return db
    .insert(products)
    .values(
      rows.map((r) => {
        const s = uniqueSuffix();
        return { name: `Product ${s}`, slug: `product-${s}`, priceCents: 1000, stock: 5, ...r, brandId };
      }),
    )
    .returning();
}
