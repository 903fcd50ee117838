import { expect, test, type Page } from "@playwright/test";
import type { Brand, ProductList, Sector } from "../shared/contracts/catalog";

/**
 * Issue 13: what crawlers and anonymous visitors get. The server renders each page's head and status
 * (ADR 046); an anonymous visitor's storefront produces no console error and no failed request.
 */

/** Collects console errors, failed requests and error responses (a 401 is logged by Chromium as a console error). */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("requestfailed", (request) => {
    // Navigating away aborts in-flight requests of the previous page: that is not a failure of this page.
    if (request.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

test("when an anonymous visitor walks the storefront, then no console error and no failed request", async ({ page, request }) => {
  const products = (await (await request.get("/api/v1/products?limit=1")).json()) as ProductList;
  const product = products.data[0]!;
  const sectors = (await (await request.get("/api/v1/sectors")).json()) as { data: Sector[] };
  const brand = (await (await request.get(`/api/v1/brands/${product.brand.slug}`)).json()) as Brand;
  const problems = watchForProblems(page);

  const h1 = (name?: string) => () => expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const results = () => expect(page.getByTestId("product-results")).toHaveAttribute("aria-busy", "false");
  // Every storefront page an anonymous visitor can open; [path, ready, the document's status].
  const visits: Array<[string, () => Promise<void>, number?]> = [
    ["/", h1()],
    [`/sectors/${sectors.data[0]!.slug}`, h1(sectors.data[0]!.name)],
    [`/brands/${brand.slug}`, h1(brand.name)],
    [`/products/${product.slug}`, h1(product.name)],
    ["/search?q=tea", results],
    ["/search?q=zzqxjvw", () => expect(page.getByRole("heading", { level: 2, name: "No products match these filters" })).toBeVisible()],
    ["/cart", h1()],
    ["/checkout", h1()],
    ["/login", h1()],
    ["/register", h1()],
    ["/forgot-password", h1()],
    ["/no/such/page", h1("Page not found"), 404],
  ];
  const visit = async ([path, ready, status = 200]: (typeof visits)[number]) => {
    await test.step(path, async () => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(status);
      await ready();
      await page.waitForLoadState("networkidle");
      // The not-found page's own 404 is its status, not a failed request (Chromium also logs it to the console);
      // any other 404 still counts.
      const ownStatus = `404: ${response?.url()}`;
      const other404 = problems.some((p) => p.startsWith("404: ") && p !== ownStatus);
      const unexpected = problems.filter(
        (p) => !(status === 404 && (p === ownStatus || (!other404 && p.startsWith("console: Failed to load resource") && p.includes("404")))),
      );
      expect(unexpected, `on ${path}`).toEqual([]);
      problems.length = 0;
    });
  };
  for (const v of visits) await visit(v);
  // A cart with something in it, and its checkout (the guest form).
  await page.evaluate((id) => localStorage.setItem("fp.cart.v1", JSON.stringify({ lines: [{ productId: id, quantity: 1 }] })), product.id);
  for (const path of ["/cart", "/checkout"]) await visit([path, () => expect(page.getByText(product.name).first()).toBeVisible()]);
  // In-app navigation too (client-side routing, lazy chunks).
  await page.goto("/");
  await page.getByRole("link", { name: sectors.data[0]!.name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: sectors.data[0]!.name })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("when a product page is fetched, then its first HTML holds name, price, image, canonical and a JSON-LD Product", async ({ request }) => {
  const product = ((await (await request.get("/api/v1/products?limit=1")).json()) as ProductList).data[0]!;
  const res = await request.get(`/products/${product.slug}`);
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain(`/products/${product.slug}" />`);
  expect(html).toMatch(/<link rel="canonical" href="[^"]+\/products\/[^"]+" \/>/);
  // A drawn picture is preloaded by its address; an uploaded one (/media/<hash>-<width>.jpg) by its AVIF srcset.
  const uploaded = /^\/media\/([0-9a-f]+)-\d+\.jpg$/.exec(product.imageUrl);
  if (uploaded)
    expect(html).toMatch(
      new RegExp(
        `<link rel="preload" as="image" type="image/avif" imagesrcset="/media/${uploaded[1]}-\\d+\\.avif [^"]+" imagesizes="[^"]+" fetchpriority="high" />`,
      ),
    );
  else expect(html).toContain(`<link rel="preload" as="image" href="${product.imageUrl}" fetchpriority="high" />`);
  expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/product-page-[^"]+\.js" \/>/);
  const ld = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
    .map((m) => JSON.parse(m[1]!) as { "@type": string; name?: string; offers?: { price: string; priceCurrency: string } })
    .find((block) => block["@type"] === "Product");
  expect(ld?.name).toBe(product.name);
  expect(ld?.offers).toMatchObject({ price: (product.priceCents / 100).toFixed(2), priceCurrency: product.currency });
});

test("when a product is missing or a path unknown, then 404 with the not-found page", async ({ page, request }) => {
  const missing = await page.goto("/products/no-such-product-anywhere");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Product not found" })).toBeVisible();

  const unknown = await page.goto("/no/such/page");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  const asset = await request.get("/assets/index-of-an-old-build.js");
  expect(asset.status()).toBe(404);
});

test("when a crawler asks for robots.txt, the sitemap, the favicon and the manifest, then each is served as itself", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await robots.text()).toContain("Disallow: /admin");
  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toMatch(/^application\/xml/);
  const first = /<loc>[^<]*(\/sitemaps\/products-1\.xml)<\/loc>/.exec(await index.text())?.[1];
  expect(first).toBeDefined();
  expect(await (await request.get(first!)).text()).toContain("<urlset");
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/icon/);
  const manifest = await request.get("/manifest.webmanifest");
  expect(((await manifest.json()) as { icons: unknown[] }).icons.length).toBeGreaterThan(0);
});
