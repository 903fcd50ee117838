import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { brands, products, sectors, users } from "@shared/schema";
import type { Database } from "../db";
import { openPrivateDatabase } from "../test/private-database";
import { verifyPassword } from "../features/auth/password";
import { DEMO_PASSWORD, DEMO_USERS, reseedDemoData, seedIfEmpty } from "./seed-data";

/**
 * Seeding 2,000 products into the shared per-worker test database would pollute other tests'
 * global queries, so this file opens a fresh database of its own (in-memory PGlite, or a private
 * PostgreSQL database that global setup cleans up).
 */
let database: Database;
/** The progress lines of whichever replica won the race to seed (either may win). */
let logs: string[] = [];

beforeAll(async () => {
  database = await openPrivateDatabase("seed");
});

afterAll(async () => {
  await database?.close();
});

const count = async (table: typeof sectors | typeof brands | typeof products | typeof users) => {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row!.n;
};

describe("seedIfEmpty", () => {
  it("when two replicas seed an empty database at once, then exactly one seeds the catalog and demo users", async () => {
    const logsA: string[] = [];
    const logsB: string[] = [];
    const [a, b] = await Promise.all([seedIfEmpty(database.db, (m) => void logsA.push(m)), seedIfEmpty(database.db, (m) => void logsB.push(m))]);
    expect([a.seeded, b.seeded].filter(Boolean)).toHaveLength(1);
    const winner = a.seeded ? a : b;
    logs = a.seeded ? logsA : logsB;
    expect(winner).toMatchObject({ sectors: 10, brands: 70, products: 2000, users: 3 });

    expect(await count(sectors)).toBe(10);
    expect(await count(brands)).toBe(70);
    expect(await count(products)).toBe(2000);
    expect(await count(users)).toBe(3);
    const [{ archived, outOfStock }] = (await database.db
      .select({ archived: sql<number>`count(*) filter (where status = 'archived')::int`, outOfStock: sql<number>`count(*) filter (where stock = 0)::int` })
      .from(products)) as [{ archived: number; outOfStock: number }];
    expect(archived).toBe(20);
    expect(outOfStock).toBeGreaterThan(100);
  });

  it("when seeding ran, then progress lines were logged in order", () => {
    expect(logs[0]).toMatch(/^Seeding demo catalog: 10 sectors, 70 brands, 2000 products, 3 demo users/);
    expect(logs).toContain("products 500/2000");
    expect(logs).toContain("products 2000/2000");
    expect(logs.at(-1)).toMatch(/^done in \d+ ms$/);
  });

  it("when seeded, then each demo user exists with its role and an argon2id hash of the demo password", async () => {
    for (const demo of DEMO_USERS) {
      const [row] = await database.db.select().from(users).where(eq(users.email, demo.email));
      expect(row).toMatchObject({ name: demo.name, role: demo.role });
      expect(row!.passwordHash.startsWith("$argon2id$")).toBe(true);
      expect(await verifyPassword(row!.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(row!.passwordHash, "wrong-password")).toBe(false);
    }
  });

  it("when the database already has data, then a second seedIfEmpty changes nothing", async () => {
    const before = await database.db.select({ id: products.id, updatedAt: products.updatedAt }).from(products).orderBy(products.id);
    const again = await seedIfEmpty(database.db, () => undefined);
    expect(again.seeded).toBe(false);
    expect(await count(products)).toBe(2000);
    expect(await count(users)).toBe(3);
    expect(await database.db.select({ id: products.id, updatedAt: products.updatedAt }).from(products).orderBy(products.id)).toEqual(before);
  });

  it("when searching the full-text index for a brand name, then that brand's products match", async () => {
    const [brand] = await database.db.select().from(brands).where(eq(brands.slug, "orchard-lane"));
    const matches = await database.db
      .select({ brandId: products.brandId })
      .from(products)
      .where(sql`${products.searchVector} @@ websearch_to_tsquery('english', 'Orchard Lane')`);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.brandId === brand!.id)).toBe(true);
    const [{ missing }] = (await database.db
      .select({ missing: sql<number>`count(*)::int` })
      .from(products)
      .where(sql`${products.searchVector} is null`)) as [{ missing: number }];
    expect(missing).toBe(0);
  });

  it("when reseeding with force after a demo password changed, then the catalog is identical and the demo login is reset", async () => {
    const before = await database.db
      .select({ id: products.id, slug: products.slug, priceCents: products.priceCents, createdAt: products.createdAt })
      .from(products)
      .orderBy(products.id);
    await database.db.update(users).set({ passwordHash: "changed" }).where(eq(users.email, DEMO_USERS[0]!.email));
    await database.db.delete(products).where(eq(products.id, before[0]!.id));

    const result = await reseedDemoData(database.db, () => undefined);
    expect(result.seeded).toBe(true);
    expect(
      await database.db
        .select({ id: products.id, slug: products.slug, priceCents: products.priceCents, createdAt: products.createdAt })
        .from(products)
        .orderBy(products.id),
    ).toEqual(before);
    expect(await count(users)).toBe(3);
    const [admin] = await database.db.select().from(users).where(eq(users.email, DEMO_USERS[0]!.email));
    expect(await verifyPassword(admin!.passwordHash, DEMO_PASSWORD)).toBe(true);
  });
});
