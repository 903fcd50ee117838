import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db";
import { seedIfEmpty } from "../../seed/seed-data";
import { createTestApp, type TestApp } from "../../test/harness";
import { makeBrand, makeProduct, uniqueWord } from "../../test/factories";
import { openPrivateDatabase } from "../../test/private-database";

/**
 * The forgiving search (ADR 044) on the demo catalog, in a database of its own: the demo's 2,000 products
 * would pollute other tests' queries in the shared per-worker database, and these assertions need the
 * demo's own words ("Honeycrisp Apples, 3 lb Bag", "Clementines, 4 lb Bag", "Earl Grey Tea, 20 Sachets").
 */
let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openPrivateDatabase("search");
  await seedIfEmpty(database.db, () => undefined);
  t = await createTestApp({}, {}, { database });
}, 300_000); // seeding 2,000 products into PGlite on a busy machine can take minutes

afterAll(async () => {
  await database?.close();
});

type Item = { slug: string; name: string };
async function search(q: string, extra = ""): Promise<{ data: Item[]; didYouMean?: string }> {
  const res = await request(t.app).get(`/api/v1/products?q=${encodeURIComponent(q)}&limit=5${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const names = (items: Item[]) => items.map((i) => i.name);

describe("product search that forgives", () => {
  it("when a shopper types 'aple', then the top five are apples", async () => {
    const { data } = await search("aple");
    expect(data).toHaveLength(5);
    for (const name of names(data)) expect(name).toMatch(/Apples/);
    // A ranked item is a product like any other: the sort's internal rank stays out of the answer.
    const plain = (await request(t.app).get("/api/v1/products?limit=1").expect(200)).body.data[0] as object;
    for (const item of data) expect(Object.keys(item)).toEqual(Object.keys(plain));
  });

  it("when a shopper types 'clementnes', then clementines come first", async () => {
    const { data } = await search("clementnes");
    expect(data.length).toBeGreaterThan(0);
    for (const name of names(data)) expect(name).toMatch(/^Clementines/);
  });

  it("when a shopper types 'tea bags' (no product mentions bags of tea), then tea comes first", async () => {
    const { data } = await search("tea bags");
    expect(data).toHaveLength(5);
    for (const name of names(data)) expect(name).toMatch(/ Tea, /);
  });

  it("when a shopper types the start of a word, then products with words starting so are found", async () => {
    const { data } = await search("clem");
    expect(data.length).toBeGreaterThan(0);
    for (const name of names(data)) expect(name).toMatch(/^Clementines/);
  });

  it("when a query has a misspelt word beside a right one, then both count", async () => {
    const { data } = await search("gala aples");
    expect(names(data).length).toBeGreaterThan(0);
    for (const name of names(data)) expect(name).toMatch(/^Gala Apples/);
  });

  it("when a query uses web-search syntax, then its strict meaning holds (an excluded word stays excluded)", async () => {
    const { data } = await search("apples -honeycrisp");
    expect(data.length).toBeGreaterThan(0);
    for (const name of names(data)) expect(name).not.toMatch(/Honeycrisp/);
  });

  it("when nothing matches but a respelling would, then the answer is empty with didYouMean", async () => {
    const body = await search("ornge");
    expect(body.data).toEqual([]);
    expect(body.didYouMean).toBe("oranges");
    expect((await search(body.didYouMean!)).data.length).toBeGreaterThan(0);
  });

  it("when nothing matches and nothing is close, then there is no didYouMean", async () => {
    const body = await search("xqzwv");
    expect(body.data).toEqual([]);
    expect(body).not.toHaveProperty("didYouMean");
  });

  it("when a product with a new word is added, then its misspelling finds it (the vocabulary learns from inserts)", async () => {
    const word = uniqueWord("quince");
    const brand = await makeBrand(database.db);
    await makeProduct(database.db, { brandId: brand.id, name: `Candied ${word}` });
    await t.services.catalog.invalidateCache();
    // Drop one letter from the middle of the new word.
    const typo = word.slice(0, 4) + word.slice(5);
    const { data } = await search(typo);
    expect(names(data)).toContain(`Candied ${word}`);
  });

  it("when the list is walked page by page with a forgiving query, then no product repeats or goes missing", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res = await request(t.app).get(`/api/v1/products?q=aple&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((p: Item) => p.slug));
      cursor = res.body.pagination.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = await request(t.app).get(`/api/v1/products?q=aple&limit=100`);
    expect(seen.sort()).toEqual(all.body.data.map((p: Item) => p.slug).sort());
  });
});

describe("GET /api/v1/search/suggest", () => {
  const suggest = (q: string) => request(t.app).get(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`);

  it.each([
    ["aple", /Apples/],
    ["clementnes", /^Clementines/],
    ["tea bags", / Tea, /],
    ["clem", /^Clementines/],
  ])("when the box holds '%s', then the suggested products match", async (q, expected) => {
    const res = await suggest(q);
    expect(res.status).toBe(200);
    expect(res.body.products.length).toBeGreaterThan(0);
    expect(res.body.products[0].name).toMatch(expected);
    expect(res.body.products[0]).toEqual({
      id: expect.any(String),
      slug: expect.any(String),
      name: expect.any(String),
      imageUrl: expect.any(String),
      priceCents: expect.any(Number),
      currency: "USD",
    });
  });

  it("when the box holds (part of) a brand or sector name, then they are suggested, and 8 entries at most in all", async () => {
    const brand = await suggest("orchrd lane");
    expect(brand.body.brands.map((b: Item) => b.name)).toContain("Orchard Lane");
    const sector = await suggest("fresh");
    expect(sector.body.sectors.map((s: Item) => s.name)).toContain("Fresh Produce");
    for (const res of [brand, sector]) {
      expect(res.body.products.length + res.body.brands.length + res.body.sectors.length).toBeLessThanOrEqual(8);
    }
  });

  it("when q is missing, blank or too long, then it is 400", async () => {
    expect((await request(t.app).get("/api/v1/search/suggest")).status).toBe(400);
    expect((await suggest("   ")).status).toBe(400);
    expect((await suggest("x".repeat(101))).status).toBe(400);
  });

  it("when q is only punctuation or SQL-looking text, then it answers 200, never 500", async () => {
    for (const q of ["%%%", "'); drop table products; --", "a:* & !b", "\\"]) {
      const res = await suggest(q);
      expect(res.status, q).toBe(200);
    }
    const list = await request(t.app).get(`/api/v1/products?q=${encodeURIComponent("'):* | !")}`);
    expect(list.status).toBe(200);
  });
});
