import request from "supertest";
import type { Express } from "express";
import { beforeAll, describe, expect, it } from "vitest";
import { priceFacetBuckets, type Facets } from "@shared/contracts/catalog";
import { createTestApp } from "../../test/harness";
import { makeBrand, makeProducts, makeSector, uniqueWord } from "../../test/factories";

/** mulberry32: a small seeded PRNG, so a failing combination can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = 20_240_601;

/** Prices on and around every bucket edge. */
const PRICES = [0, 1, 500, 999, 1000, 1001, 2499, 2500, 4999, 5000, 7500, 9999, 10000, 24999, 25000, 99_999];

type Filters = { sector?: string; brand?: string; minPrice?: number; maxPrice?: number; inStock?: boolean };

let app: Express;
let word: string;
let sectorSlugs: string[];
let brandSlugs: string[];

beforeAll(async () => {
  const t = await createTestApp();
  app = t.app;
  const random = prng(SEED);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  // Every product carries a made-up word, so `q=word` confines each query to this file's data.
  word = uniqueWord("facet");
  const sectors = [await makeSector(t.db), await makeSector(t.db), await makeSector(t.db)];
  const brands = [];
  for (let i = 0; i < 5; i++) brands.push(await makeBrand(t.db, { sectorId: sectors[i % 3]!.id, name: `Facet brand ${i} ${word}` }));
  const hidden = await makeBrand(t.db, { sectorId: sectors[0]!.id, status: "archived", name: `Hidden ${word}` });
  for (const brand of brands) {
    await makeProducts(
      t.db,
      brand.id,
      Array.from({ length: 14 }, () => ({
        name: `Item ${word}`,
        priceCents: pick(PRICES),
        stock: pick([0, 0, 1, 5]),
        status: random() < 0.1 ? ("archived" as const) : ("active" as const),
      })),
    );
  }
  await makeProducts(t.db, hidden.id, [{ name: `Item ${word}`, priceCents: 500 }]); // brand archived: never counted
  sectorSlugs = sectors.map((s) => s.slug);
  brandSlugs = brands.map((b) => b.slug);
});

const query = (f: Filters) =>
  Object.entries({ q: word, ...f })
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join("&");

async function listCount(f: Filters): Promise<number> {
  const res = await request(app).get(`/api/v1/products?${query(f)}&limit=100`);
  expect(res.status, query(f)).toBe(200);
  expect(res.body.pagination.hasMore).toBe(false);
  return res.body.data.length;
}

async function facetsOf(f: Filters): Promise<{ facets: Facets; total: number }> {
  const res = await request(app).get(`/api/v1/products?${query(f)}&facets=true&limit=100`);
  expect(res.status, query(f)).toBe(200);
  return { facets: res.body.facets, total: res.body.data.length };
}

function randomFilters(random: () => number): Filters {
  const f: Filters = {};
  if (random() < 0.4) f.sector = sectorSlugs[Math.floor(random() * sectorSlugs.length)];
  if (random() < 0.4) f.brand = brandSlugs[Math.floor(random() * brandSlugs.length)];
  if (random() < 0.4) f.minPrice = PRICES[Math.floor(random() * PRICES.length)];
  if (random() < 0.4) f.maxPrice = PRICES[Math.floor(random() * PRICES.length)];
  if (f.minPrice !== undefined && f.maxPrice !== undefined && f.minPrice > f.maxPrice) [f.minPrice, f.maxPrice] = [f.maxPrice, f.minPrice];
  if (random() < 0.4) f.inStock = true;
  return f;
}

describe("product facets", () => {
  it("when facets=true is not asked, then the list has no facets", async () => {
    const res = await request(app).get(`/api/v1/products?q=${word}`);
    expect(res.body.facets).toBeUndefined();
  });

  it("when asked with no other filter, then the counts cover every page and each facet value's count is its filtered list length", async () => {
    const { facets, total } = await facetsOf({});
    const all = await listCount({});
    expect(total).toBe(all);
    expect(facets.sectors.reduce((n, s) => n + s.count, 0)).toBe(all);
    expect(facets.brands.reduce((n, b) => n + b.count, 0)).toBe(all);
    expect(facets.price.reduce((n, p) => n + p.count, 0)).toBe(all);
    expect(facets.inStock).toBe(await listCount({ inStock: true }));
    expect(facets.brands.map((b) => b.slug).sort()).toEqual([...brandSlugs].sort()); // the archived brand is absent
    for (const bucket of facets.price) {
      expect(priceFacetBuckets).toContainEqual({ minCents: bucket.minCents, maxCents: bucket.maxCents });
      expect(bucket.count).toBeGreaterThan(0);
    }
  });

  it("when ~30 random filter combinations are tried, then every facet count equals the list length with that value as the filter", async () => {
    const random = prng(SEED + 1);
    for (let round = 0; round < 30; round++) {
      const filters = randomFilters(random);
      const label = `round ${round}: ${query(filters)}`;
      const { facets, total } = await facetsOf(filters);
      expect(total, label).toBe(await listCount(filters));

      // Each facet ignores its own filter: its value replaces that filter.
      for (const slug of sectorSlugs) {
        const expected = await listCount({ ...filters, sector: slug });
        expect(facets.sectors.find((s) => s.slug === slug)?.count ?? 0, `${label} sector ${slug}`).toBe(expected);
      }
      for (const slug of brandSlugs) {
        const expected = await listCount({ ...filters, brand: slug });
        expect(facets.brands.find((b) => b.slug === slug)?.count ?? 0, `${label} brand ${slug}`).toBe(expected);
      }
      for (const bucket of priceFacetBuckets) {
        const expected = await listCount({ ...filters, minPrice: bucket.minCents, maxPrice: bucket.maxCents });
        expect(facets.price.find((p) => p.minCents === bucket.minCents)?.count ?? 0, `${label} price ${bucket.minCents}`).toBe(expected);
      }
      expect(facets.inStock, `${label} inStock`).toBe(await listCount({ ...filters, inStock: true }));
      // Only values with something behind them are listed.
      for (const value of [...facets.sectors, ...facets.brands, ...facets.price]) expect(value.count, label).toBeGreaterThan(0);
    }
  });
});
