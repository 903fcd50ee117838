import { sql } from "drizzle-orm";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { products } from "@shared/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { makeBrand, makeProduct, makeSector, uniqueSuffix } from "../../test/factories";
import { makeSpaFixture } from "../../test/spa-fixture";

const BASE = "https://shop.example.test";
const PER_FILE = 1_000;

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

/** Issue 13 §2: robots.txt and the sitemap index with its streamed chunks. */
describe("SEO files", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: BASE, SITEMAP_URLS_PER_FILE: String(PER_FILE) }, { serveSpa: true, spaDistDir: makeSpaFixture() });
  });

  it("when robots.txt is asked for, then it is plain text closing private areas and the API, pointing at the sitemap", async () => {
    const res = await request(t.app).get("/robots.txt").expect(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    for (const line of ["User-agent: *", "Disallow: /admin", "Disallow: /account", "Disallow: /checkout", "Disallow: /api/", `Sitemap: ${BASE}/sitemap.xml`]) {
      expect(res.text).toContain(line);
    }
  });

  it("when the catalog holds 5,000 more products, then the sitemap's chunks list every active product exactly once", async () => {
    const sector = await makeSector(t.db);
    const brand = await makeBrand(t.db, { sectorId: sector.id });
    const run = uniqueSuffix();
    // Bulk insert (five statements), not 5,000 API calls.
    const created: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      const rows = Array.from({ length: 1_000 }, (_, i) => {
        const slug = `sm-${run}-${batch}-${String(i).padStart(4, "0")}`;
        created.push(slug);
        return { name: `Sitemap ${slug}`, slug, priceCents: 100, stock: 1, brandId: brand.id };
      });
      await t.db.insert(products).values(rows);
    }
    const archived = await makeProduct(t.db, { brandId: brand.id, status: "archived" });
    const hiddenBrand = await makeBrand(t.db, { sectorId: sector.id, status: "archived" });
    const ofHiddenBrand = await makeProduct(t.db, { brandId: hiddenBrand.id });
    await t.services.catalog.invalidateCache();

    const index = await request(t.app).get("/sitemap.xml").expect(200);
    expect(index.headers["content-type"]).toMatch(/^application\/xml/);
    expect(index.text).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const files = locs(index.text);
    expect(files[0]).toBe(`${BASE}/sitemaps/pages-1.xml`);
    const productFiles = files.filter((f) => f.startsWith(`${BASE}/sitemaps/products-`));
    expect(productFiles.length).toBeGreaterThanOrEqual(5);

    const seen = new Map<string, number>();
    for (const file of productFiles) {
      const res = await request(t.app).get(new URL(file).pathname).expect(200);
      expect(res.headers["content-type"]).toMatch(/^application\/xml/);
      const urls = locs(res.text);
      expect(urls.length).toBeLessThanOrEqual(PER_FILE);
      expect(res.text.match(/<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/g)).toHaveLength(urls.length);
      for (const url of urls) seen.set(url, (seen.get(url) ?? 0) + 1);
    }
    for (const slug of created) expect(seen.get(`${BASE}/products/${slug}`), slug).toBe(1);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(seen.has(`${BASE}/products/${archived.slug}`)).toBe(false);
    expect(seen.has(`${BASE}/products/${ofHiddenBrand.slug}`)).toBe(false);
    // Every shopper-visible product in the database, not only this test's.
    const { rows } = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from products p join brands b on b.id = p.brand_id where p.status = 'active' and b.status = 'active'`,
    );
    expect(seen.size).toBe(rows[0]!.n);

    const brandFile = files.find((f) => f.includes("/sitemaps/brands-1.xml"))!;
    const brandUrls = locs((await request(t.app).get(new URL(brandFile).pathname).expect(200)).text);
    expect(brandUrls).toContain(`${BASE}/brands/${brand.slug}`);
    expect(brandUrls).not.toContain(`${BASE}/brands/${hiddenBrand.slug}`);
    const sectorFile = files.find((f) => f.includes("/sitemaps/sectors-1.xml"))!;
    expect(locs((await request(t.app).get(new URL(sectorFile).pathname).expect(200)).text)).toContain(`${BASE}/sectors/${sector.slug}`);
    expect(locs((await request(t.app).get("/sitemaps/pages-1.xml").expect(200)).text)).toEqual([`${BASE}/`]);
  });

  it("when a sitemap chunk does not exist, then 404", async () => {
    for (const path of ["/sitemaps/products-99999.xml", "/sitemaps/products-0.xml", "/sitemaps/users-1.xml", "/sitemaps/products-1.txt"]) {
      expect((await request(t.app).get(path)).status, path).toBe(404);
    }
  });
});
