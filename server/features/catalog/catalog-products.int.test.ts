import request from "supertest";
import type { Express } from "express";
import { beforeAll, describe, expect, it } from "vitest";
import { products } from "@shared/schema";
import { eq } from "drizzle-orm";
import { encodeCursor } from "../../lib/pagination";
import { createTestApp } from "../../test/harness";
import { makeBrand, makeProduct, makeProducts, makeSector, uniqueWord } from "../../test/factories";

type ProductBody = { id: string; slug: string; name: string; priceCents: number; createdAt: string; stock: number };

/** Follows nextCursor until hasMore is false; returns every item in the order served. */
async function walk(app: Express, query: string, limit: number): Promise<ProductBody[]> {
  const items: ProductBody[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const url: string = `/api/v1/products?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await request(app).get(url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.data);
    if (!res.body.pagination.hasMore) {
      expect(res.body.pagination.nextCursor).toBeNull();
      return items;
    }
    expect(res.body.data).toHaveLength(limit);
    cursor = res.body.pagination.nextCursor;
  }
  throw new Error("pagination did not end");
}

const ids = (items: Array<{ id: string }>) => items.map((p) => p.id);
/** PostgreSQL orders uuids bytewise, which is the order of their lowercase hex text. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("product list pagination", () => {
  let app: Express;
  let brandSlug: string;
  let word: string;
  let created: Array<typeof products.$inferSelect>;
  const PRICES = [500, 1500, 2500];
  const NAMES = ["Apple", "Banana", "Cherry", "Damson"];

  beforeAll(async () => {
    const t = await createTestApp();
    app = t.app;
    word = uniqueWord();
    const brand = await makeBrand(t.db, { name: `Orchard ${word}` });
    brandSlug = brand.slug;
    // One multi-row insert: every row shares created_at, prices repeat, names repeat.
    // The first 8 also carry the search word in their name, the next 8 in their description.
    created = await makeProducts(
      t.db,
      brand.id,
      Array.from({ length: 40 }, (_, i) => ({
        name: i < 8 ? `${NAMES[i % 4]} ${word}` : NAMES[i % 4]!,
        description: i >= 8 && i < 16 ? `Tastes of ${word}` : "Plain fruit",
        priceCents: PRICES[i % 3]!,
      })),
    );
  });

  it("when walking newest in pages of 7, then every product comes exactly once in created_at-then-id order", async () => {
    const walked = await walk(app, `brand=${brandSlug}&sort=newest`, 7);
    expect(new Set(ids(walked)).size).toBe(40);
    expect(new Set(ids(walked))).toEqual(new Set(ids(created)));
    expect(new Set(walked.map((p) => p.createdAt)).size).toBe(1); // all tie, so the id decides
    expect(ids(walked)).toEqual(ids([...walked].sort(byId).reverse()));
    const defaultSort = await walk(app, `brand=${brandSlug}`, 7);
    expect(ids(defaultSort)).toEqual(ids(walked));
  });

  it("when walking price in pages of 7, then every product comes exactly once by price then id", async () => {
    const walked = await walk(app, `brand=${brandSlug}&sort=price`, 7);
    const expected = [...created].sort((a, b) => a.priceCents - b.priceCents || byId(a, b));
    expect(ids(walked)).toEqual(ids(expected));
  });

  it("when walking -price in pages of 7, then every product comes exactly once by price then id, both descending", async () => {
    const walked = await walk(app, `brand=${brandSlug}&sort=-price`, 7);
    const expected = [...created].sort((a, b) => b.priceCents - a.priceCents || byId(b, a));
    expect(ids(walked)).toEqual(ids(expected));
  });

  it("when walking name in pages of 7, then every product comes exactly once by name then id", async () => {
    const walked = await walk(app, `brand=${brandSlug}&sort=name`, 7);
    const expected = [...created].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : byId(a, b)));
    expect(ids(walked)).toEqual(ids(expected));
    const oneBigPage = await request(app).get(`/api/v1/products?brand=${brandSlug}&sort=name&limit=100`);
    expect(ids(oneBigPage.body.data)).toEqual(ids(walked));
  });

  it("when walking a search by relevance in pages of 7, then every match comes exactly once, best matches first", async () => {
    const walked = await walk(app, `brand=${brandSlug}&q=${word}`, 7);
    expect(new Set(ids(walked)).size).toBe(40); // the brand name matches every product
    // name (A) + brand (B) outranks brand + description (B + C), which outranks brand alone (B); ties go by id.
    const group = (p: { name: string; description: string | null }) => (p.name.includes(word) ? 0 : p.description?.includes(word) ? 1 : 2);
    const expected = [...created].sort((a, b) => group(a) - group(b) || byId(a, b));
    expect(ids(walked)).toEqual(ids(expected));
    const explicit = await walk(app, `brand=${brandSlug}&q=${word}&sort=relevance`, 7);
    expect(ids(explicit)).toEqual(ids(walked));
  });

  it("when names are long and non-ASCII, then name cursors still fit the query and the walk is complete", async () => {
    const { app, db } = await createTestApp();
    const brand = await makeBrand(db);
    const long = (c: string) => `${"🍓".repeat(99)}${c}`; // ~400 UTF-8 bytes: a base64 cursor over 500 characters
    const rows = await makeProducts(db, brand.id, [{ name: long("b") }, { name: long("a") }, { name: long("a") }]);
    const walked = await walk(app, `brand=${brand.slug}&sort=name`, 1);
    const [b, a1, a2] = rows;
    expect(ids(walked)).toEqual([...[a1!, a2!].sort(byId).map((p) => p.id), b!.id]);
  });

  it("when a search is sorted by price, then the filter applies and the order is by price", async () => {
    const walked = await walk(app, `brand=${brandSlug}&q=${encodeURIComponent(`${word} apple`)}&sort=price`, 3);
    const expected = created.filter((p) => p.name.startsWith("Apple")).sort((a, b) => a.priceCents - b.priceCents || byId(a, b));
    expect(expected.length).toBe(10);
    expect(ids(walked)).toEqual(ids(expected));
  });
});

describe("product list filters and detail", () => {
  it("when filtering by sector or brand slug, then only that sector's or brand's products are listed", async () => {
    const { app, db } = await createTestApp();
    const sector = await makeSector(db);
    const brandA = await makeBrand(db, { sectorId: sector.id });
    const brandB = await makeBrand(db, { sectorId: sector.id });
    const elsewhere = await makeBrand(db);
    const [a, b] = [await makeProduct(db, { brandId: brandA.id }), await makeProduct(db, { brandId: brandB.id })];
    await makeProduct(db, { brandId: elsewhere.id });

    const bySector = await request(app).get(`/api/v1/products?sector=${sector.slug}`);
    expect(bySector.status).toBe(200);
    expect(new Set(ids(bySector.body.data))).toEqual(new Set([a.id, b.id]));
    expect(bySector.body.pagination).toEqual({ nextCursor: null, hasMore: false });

    const byBrand = await request(app).get(`/api/v1/products?brand=${brandB.slug}`);
    expect(ids(byBrand.body.data)).toEqual([b.id]);
    const both = await request(app).get(`/api/v1/products?sector=${sector.slug}&brand=${elsewhere.slug}`);
    expect(both.body.data).toEqual([]);
    const unknown = await request(app).get(`/api/v1/products?brand=no-such-brand-${brandA.slug}`);
    expect(unknown.status).toBe(200);
    expect(unknown.body.data).toEqual([]);
  });

  it("when filtering by minPrice and maxPrice, then both bounds are inclusive", async () => {
    const { app, db } = await createTestApp();
    const brand = await makeBrand(db);
    const rows = await makeProducts(
      db,
      brand.id,
      [999, 1000, 1500, 2000, 2001].map((priceCents) => ({ priceCents })),
    );
    const res = await request(app).get(`/api/v1/products?brand=${brand.slug}&minPrice=1000&maxPrice=2000&sort=price`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: ProductBody) => p.priceCents)).toEqual([1000, 1500, 2000]);
    const exact = await request(app).get(`/api/v1/products?brand=${brand.slug}&minPrice=2001&maxPrice=2001`);
    expect(ids(exact.body.data)).toEqual([rows[4]!.id]);
    const onlyMin = await request(app).get(`/api/v1/products?brand=${brand.slug}&minPrice=2000&sort=-price`);
    expect(onlyMin.body.data.map((p: ProductBody) => p.priceCents)).toEqual([2001, 2000]);
  });

  it("when inStock=true, then products without stock are left out", async () => {
    const { app, db } = await createTestApp();
    const brand = await makeBrand(db);
    const [, inStock] = await makeProducts(db, brand.id, [{ stock: 0 }, { stock: 3 }]);
    const res = await request(app).get(`/api/v1/products?brand=${brand.slug}&inStock=true`);
    expect(ids(res.body.data)).toEqual([inStock!.id]);
    const all = await request(app).get(`/api/v1/products?brand=${brand.slug}&inStock=false`);
    expect(all.body.data).toHaveLength(2);
  });

  it("when searching, then q matches the product name, the description and the brand name", async () => {
    const { app, db } = await createTestApp();
    const [inName, inDescription, inBrand] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const brand = await makeBrand(db, { name: `House of ${inBrand}` });
    const named = await makeProduct(db, { brandId: brand.id, name: `Crunchy ${inName} bar` });
    const described = await makeProduct(db, { brandId: brand.id, description: `Made with ${inDescription} and love` });

    const byName = await request(app).get(`/api/v1/products?q=${inName}`);
    expect(ids(byName.body.data)).toEqual([named.id]);
    const byDescription = await request(app).get(`/api/v1/products?q=${inDescription}`);
    expect(ids(byDescription.body.data)).toEqual([described.id]);
    const byBrand = await request(app).get(`/api/v1/products?q=${encodeURIComponent(`house of ${inBrand}`)}`);
    expect(new Set(ids(byBrand.body.data))).toEqual(new Set([named.id, described.id]));
    // No product has both words: rather than nothing, the products with either (ADR 044's any-word fallback).
    const noneHasBoth = await request(app).get(`/api/v1/products?q=${inName}+${inDescription}`);
    expect(new Set(ids(noneHasBoth.body.data))).toEqual(new Set([named.id, described.id]));
    const both = await makeProduct(db, { brandId: brand.id, name: `${inName} with ${inDescription}` });
    // (Words in the other order: a query of its own, so the answer above, cached, is not what comes back.)
    const onlyBoth = await request(app).get(`/api/v1/products?q=${inDescription}+${inName}`);
    expect(ids(onlyBoth.body.data)).toEqual([both.id]);
    const either = await request(app).get(`/api/v1/products?q=${encodeURIComponent(`${inName} or ${inDescription}`)}`);
    expect(new Set(ids(either.body.data))).toEqual(new Set([named.id, described.id, both.id]));
  });

  it("when a search holds only stop words or punctuation, then the list is empty rather than an error", async () => {
    const { app } = await createTestApp();
    for (const q of ["the", "!!!", '"unterminated', "-", "a & b | c"]) {
      const res = await request(app).get(`/api/v1/products?q=${encodeURIComponent(q)}&brand=no-such-brand`);
      expect(res.status, q).toBe(200);
      expect(res.body.data).toEqual([]);
    }
  });

  it("when a product is archived or its brand is, then lists leave it out and its detail is 404", async () => {
    const { app, db } = await createTestApp();
    const brand = await makeBrand(db);
    const active = await makeProduct(db, { brandId: brand.id });
    const archived = await makeProduct(db, { brandId: brand.id, status: "archived" });
    const archivedBrand = await makeBrand(db, { status: "archived" });
    const orphan = await makeProduct(db, { brandId: archivedBrand.id });

    const list = await request(app).get(`/api/v1/products?brand=${brand.slug}`);
    expect(ids(list.body.data)).toEqual([active.id]);
    expect((await request(app).get(`/api/v1/products?brand=${archivedBrand.slug}`)).body.data).toEqual([]);
    for (const key of [archived.slug, archived.id, orphan.slug, orphan.id]) {
      const res = await request(app).get(`/api/v1/products/${key}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
  });

  it("when fetching a product by slug or id, then the contract's Product comes back unwrapped", async () => {
    const { app, db } = await createTestApp();
    const sector = await makeSector(db);
    const brand = await makeBrand(db, { sectorId: sector.id });
    const product = await makeProduct(db, { brandId: brand.id, name: "Blood Orange", description: "Juicy", priceCents: 349, stock: 7, currency: "EUR" });
    const expected = {
      id: product.id,
      slug: product.slug,
      name: "Blood Orange",
      description: "Juicy",
      priceCents: 349,
      currency: "EUR",
      stock: 7,
      imageUrl: product.imageUrl,
      status: "active",
      brand: { id: brand.id, slug: brand.slug, name: brand.name },
      sector: { id: sector.id, slug: sector.slug, name: sector.name },
      version: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      // Issue 12: a product made without variants has its one default variant.
      options: [],
      variants: [{ id: expect.any(String), sku: product.slug, optionValues: {}, priceCents: 349, compareAtPriceCents: null, stock: 7 }],
      priceRange: { minCents: 349, maxCents: 349 },
    };
    const bySlug = await request(app).get(`/api/v1/products/${product.slug}`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body).toEqual(expected);
    expect(Math.abs(Date.parse(bySlug.body.createdAt) - product.createdAt.getTime())).toBeLessThanOrEqual(1);
    const byId = await request(app).get(`/api/v1/products/${product.id.toUpperCase()}`);
    expect(byId.body).toEqual(expected);
    const inList = await request(app).get(`/api/v1/products?brand=${brand.slug}`);
    expect(inList.body.data).toEqual([expected]);
    expect(inList.headers["cache-control"]).toBe("no-cache"); // revalidate by ETag (see catalog-cache.int.test.ts)
  });

  it("when a product has no stored image, then imageUrl points at its generated picture", async () => {
    const { app, db, services } = await createTestApp();
    const product = await makeProduct(db, { imageUrl: "" });
    const res = await request(app).get(`/api/v1/products/${product.slug}`);
    expect(res.body.imageUrl).toBe(`/images/products/${product.slug}.svg`);
    await db.update(products).set({ imageUrl: "https://cdn.example.com/x.png" }).where(eq(products.id, product.id));
    await services.catalog.invalidateCache(); // the row changed behind the catalog service's back
    expect((await request(app).get(`/api/v1/products/${product.slug}`)).body.imageUrl).toBe("https://cdn.example.com/x.png");
  });

  it("when a product does not exist, then its detail is 404 not_found for a slug, a UUID or odd text", async () => {
    const { app } = await createTestApp();
    for (const key of ["no-such-product-anywhere", "6f1c1a3e-0000-4000-8000-000000000000", "Not%20A%20Slug!", "123"]) {
      const res = await request(app).get(`/api/v1/products/${key}`);
      expect(res.status, key).toBe(404);
      expect(res.body.error).toEqual({ code: "not_found", message: "Product not found", requestId: expect.any(String) });
    }
  });
});

describe("product list input validation", () => {
  const cases: Array<[string, string]> = [
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["limit=2.5", "limit"],
    ["cursor=garbage", "cursor"],
    ["sort=bogus", "sort"],
    ["sort=relevance", "sort"],
    ["minPrice=500&maxPrice=100", "minPrice"],
    ["minPrice=-1", "minPrice"],
    ["inStock=yes", "inStock"],
    ["sector=Not_A_Slug", "sector"],
    ["brand=a&brand=b", "brand"],
    [`q=${"x".repeat(101)}`, "q"],
  ];
  for (const [query, path] of cases) {
    it(`when the query is ${query.slice(0, 40)}, then 400 validation_failed names ${path}`, async () => {
      const { app } = await createTestApp();
      const res = await request(app).get(`/api/v1/products?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    });
  }

  it("when the query has an unknown parameter, then 400 validation_failed says which", async () => {
    const { app } = await createTestApp();
    const res = await request(app).get("/api/v1/products?colour=red");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details[0].message).toContain("colour");
  });

  it("when a cursor from another sort is sent, then 400 validation_failed on cursor", async () => {
    const { app, db } = await createTestApp();
    const brand = await makeBrand(db);
    await makeProducts(db, brand.id, [{}, {}, {}]);
    const first = await request(app).get(`/api/v1/products?brand=${brand.slug}&sort=price&limit=1`);
    const cursor = first.body.pagination.nextCursor as string;
    expect(typeof cursor).toBe("string");
    const res = await request(app).get(`/api/v1/products?brand=${brand.slug}&sort=name&limit=1&cursor=${cursor}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: "cursor", message: expect.any(String) }]);
    const same = await request(app).get(`/api/v1/products?brand=${brand.slug}&sort=price&limit=1&cursor=${cursor}`);
    expect(same.status).toBe(200);
  });

  it("when a well-formed cursor carries values of the wrong type, then 400 rather than a database error", async () => {
    const { app } = await createTestApp();
    const forged = [
      ["newest", encodeCursor("newest", ["2024-02-30T00:00:00.000000Z", "6f1c1a3e-0000-4000-8000-000000000000"])],
      ["newest", encodeCursor("newest", ["2024-01-01T00:00:00.000000Z", "not-a-uuid"])],
      ["price", encodeCursor("price", ["12", "6f1c1a3e-0000-4000-8000-000000000000"])],
      ["price", encodeCursor("price", [1e12, "6f1c1a3e-0000-4000-8000-000000000000"])],
      ["name", encodeCursor("name", ["a\u0000b", "6f1c1a3e-0000-4000-8000-000000000000"])],
      ["name", encodeCursor("name", ["x"])],
    ];
    for (const [sort, cursor] of forged) {
      const res = await request(app).get(`/api/v1/products?sort=${sort}&cursor=${cursor}`);
      expect(res.status, `${sort} ${cursor}`).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const relevance = encodeCursor("relevance", ["1.5", "6f1c1a3e-0000-4000-8000-000000000000"]);
    expect((await request(app).get(`/api/v1/products?q=apple&cursor=${relevance}`)).status).toBe(400);
  });
});
