import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import { brands, products, sectors, users, type Role } from "@shared/schema";
import { hashPassword } from "../features/auth/password";

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

/** A made-up word of letters only (full-text search tokenises digits differently), unique per call. */
export const uniqueWord = (prefix = "zq") => `${prefix}${uniqueSuffix().replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)]!)}`;

/** The password of every factory user unless a test picks its own (hashed once per process: argon2 is slow on purpose). */
export const TEST_PASSWORD = "factory-password-1234";
let testPasswordHash: Promise<string> | undefined;

/** A user with a unique email; `password` is returned so tests can sign in. */
export async function makeUser(db: Db, overrides: { role?: Role; email?: string; name?: string; password?: string } = {}) {
  const s = uniqueSuffix();
  const password = overrides.password ?? TEST_PASSWORD;
  const passwordHash = overrides.password ? await hashPassword(password) : await (testPasswordHash ??= hashPassword(TEST_PASSWORD));
  const [row] = await db
    .insert(users)
    .values({ email: overrides.email ?? `user-${s}@example.test`, name: overrides.name ?? `User ${s}`, role: overrides.role ?? "customer", passwordHash })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt });
  return { ...row!, password };
}
