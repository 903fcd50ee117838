import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { makeBrand, makeProduct, makeSector, uniqueSuffix } from "../../test/factories";
import { jsonLdBlocks, makeSpaFixture } from "../../test/spa-fixture";

const BASE = "https://shop.example.test";

/** Issue 13 §1: the storefront's HTML carries each page's head and status, rendered by the server. */
describe("storefront pages (head and status from the server)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: BASE }, { serveSpa: true, spaDistDir: makeSpaFixture() });
  });

  const page = (path: string) => request(t.app).get(path).set("Accept", "text/html");

  it("when a product exists, then its HTML holds name, price, main image, canonical URL and a valid JSON-LD Product", async () => {
    const sector = await makeSector(t.db, { name: "Orchard" });
    const brand = await makeBrand(t.db, { sectorId: sector.id, name: "Appleby" });
    const product = await makeProduct(t.db, { brandId: brand.id, name: "Crisp Apple Box", priceCents: 2499, stock: 3 });
    await t.services.catalog.invalidateCache();

    const res = await page(`/products/${product.slug}`).expect(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.text).toContain("<title>Crisp Apple Box · FruitfulPlanet</title>");
    expect(res.text).toContain(`<link rel="canonical" href="${BASE}/products/${product.slug}" />`);
    expect(res.text).toContain(`<meta property="og:image" content="${BASE}${product.imageUrl}" />`);
    expect(res.text).toContain(`<link rel="preload" as="image" href="${product.imageUrl}" fetchpriority="high" />`);
    expect(res.text).toContain('<meta property="product:price:amount" content="24.99" />');
    expect(res.text).not.toContain("Default description.");
    expect(res.text.match(/<title>/g)).toHaveLength(1);
    expect(res.text).toContain('<div id="root"></div>'); // the SPA still renders the body

    const blocks = jsonLdBlocks(res.text);
    const ld = blocks.find((b) => b["@type"] === "Product")!;
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      name: "Crisp Apple Box",
      image: [`${BASE}${product.imageUrl}`],
      brand: { "@type": "Brand", name: "Appleby" },
      offers: { "@type": "Offer", price: "24.99", priceCurrency: "USD", availability: "https://schema.org/InStock", url: `${BASE}/products/${product.slug}` },
    });
    const crumbs = blocks.find((b) => b["@type"] === "BreadcrumbList") as { itemListElement: Array<{ name: string; item: string; position: number }> };
    expect(crumbs.itemListElement.map((c) => c.name)).toEqual(["Home", "Orchard", "Appleby", "Crisp Apple Box"]);
    expect(crumbs.itemListElement[3]!.item).toBe(`${BASE}/products/${product.slug}`);
  });

  it("when a product is out of stock, then its offer says OutOfStock", async () => {
    const product = await makeProduct(t.db, { stock: 0 });
    await t.services.catalog.invalidateCache();
    const res = await page(`/products/${product.slug}`).expect(200);
    expect(jsonLdBlocks(res.text).find((b) => b["@type"] === "Product")).toMatchObject({ offers: { availability: "https://schema.org/OutOfStock" } });
  });

  it("when a product name holds </script> and quotes, then nothing breaks out of the JSON-LD, the title or an attribute", async () => {
    const evil = `Evil </script><script>alert(1)</script> "quoted" & <b>bold</b> \u2028`;
    const product = await makeProduct(t.db, { name: evil, description: `</script><img src=x onerror=alert(2)>` });
    await t.services.catalog.invalidateCache();
    const res = await page(`/products/${product.slug}`).expect(200);
    // Only the fixture's entry script and the two JSON-LD blocks: no script element came from the name.
    expect(res.text.match(/<script\b/g)).toHaveLength(3);
    expect(res.text).not.toContain("<script>alert");
    expect(res.text).not.toContain("<img src=x");
    expect(res.text).toContain("<title>Evil &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
    const ld = jsonLdBlocks(res.text).find((b) => b["@type"] === "Product")!;
    expect(ld.name).toBe(evil); // a JSON parser still reads the exact name
  });

  it("when a product is missing, archived, or of an archived brand, then 404 with the not-found page", async () => {
    const archived = await makeProduct(t.db, { status: "archived" });
    const hiddenBrand = await makeBrand(t.db, { status: "archived" });
    const ofHiddenBrand = await makeProduct(t.db, { brandId: hiddenBrand.id });
    await t.services.catalog.invalidateCache();
    for (const path of [`/products/missing-${uniqueSuffix()}`, `/products/${archived.slug}`, `/products/${ofHiddenBrand.slug}`, "/products/NOT%20A%20SLUG"]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root"></div>'); // the SPA draws its not-found state
      expect(res.text).toContain('<meta name="robots" content="noindex" />');
      expect(res.text).toContain("<title>Page not found · FruitfulPlanet</title>");
      expect(res.text).not.toContain('rel="canonical"');
    }
    expect((await page(`/brands/${hiddenBrand.slug}`)).status).toBe(404);
    expect((await page(`/brands/missing-${uniqueSuffix()}`)).status).toBe(404);
    expect((await page(`/sectors/missing-${uniqueSuffix()}`)).status).toBe(404);
  });

  it("when a path matches no page, then 404 with the not-found page; the SPA's other pages are 200 and not indexed", async () => {
    for (const path of ["/nope", "/products", "/products/a/b", "/favicon.png", "/wp-login.php"]) expect((await page(path)).status, path).toBe(404);
    for (const path of [
      "/cart",
      "/checkout",
      "/login",
      "/register",
      "/forgot-password",
      "/reset-password?token=abc",
      "/verify-email?token=abc",
      "/account",
      "/orders",
      "/orders/123",
      "/admin",
      "/admin/catalog/products",
      "/dashboard",
      "/search?q=tea",
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).toContain('<meta name="robots" content="noindex" />');
    }
  });

  it("when a brand or sector exists, then its page has its title, canonical URL and breadcrumbs", async () => {
    const sector = await makeSector(t.db, { name: "Tea & Herbs" });
    const brand = await makeBrand(t.db, { sectorId: sector.id, name: "Leafy" });
    await t.services.catalog.invalidateCache();
    const brandPage = await page(`/brands/${brand.slug}`).expect(200);
    expect(brandPage.text).toContain(`<link rel="canonical" href="${BASE}/brands/${brand.slug}" />`);
    expect(brandPage.text).toContain("<title>Leafy · FruitfulPlanet</title>");
    expect(jsonLdBlocks(brandPage.text)[0]).toMatchObject({ "@type": "BreadcrumbList" });
    const sectorPage = await page(`/sectors/${sector.slug}`).expect(200);
    expect(sectorPage.text).toContain("<title>Tea &amp; Herbs · FruitfulPlanet</title>");
    expect(sectorPage.text).toContain(`<meta property="og:url" content="${BASE}/sectors/${sector.slug}" />`);
  });

  it("when the home page is asked for, then it carries Organization and WebSite JSON-LD", async () => {
    const res = await page("/").expect(200);
    const types = jsonLdBlocks(res.text).map((b) => b["@type"]);
    expect(types).toEqual(["Organization", "WebSite"]);
    expect(res.text).toContain(`<link rel="canonical" href="${BASE}/" />`);
  });

  it("when a page has its own chunk, then the server modulepreloads it (and what it imports) once", async () => {
    const product = await makeProduct(t.db);
    await t.services.catalog.invalidateCache();
    const res = await page(`/products/${product.slug}`).expect(200);
    expect(res.text).toContain('<link rel="modulepreload" crossorigin href="/assets/product-page-1.js" />');
    expect(res.text).toContain('<link rel="modulepreload" crossorigin href="/assets/product-grid-1.js" />');
    expect(res.text.match(/shared-core\.js/g)).toHaveLength(1); // index.html preloads it already
    const notFound = await page("/nope");
    expect(notFound.text).not.toContain("product-page-1.js");
    // The data layer and routes: every page needs them, before its own chunk (ADR 063).
    for (const html of [res.text, notFound.text]) {
      expect(html.match(/app-routes-1\.js/g)).toHaveLength(1);
      expect(html.indexOf("app-routes-1.js")).toBeLessThan(html.indexOf("</head>"));
    }
    expect(res.text.indexOf("app-routes-1.js")).toBeLessThan(res.text.indexOf("product-page-1.js"));
  });

  it("when a built asset is missing, then 404 (not index.html, not 500)", async () => {
    const res = await request(t.app).get("/assets/index-old-build.js");
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).not.toMatch(/html/);
    await request(t.app).get("/assets/index-entry.js").expect(200);
  });
});
