import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import type Axe from "axe-core";
import type { RunOnly } from "axe-core";
import type { Brand, ProductList, SectorList } from "../shared/contracts/catalog";
import { registerShopper, signInAs } from "./fixtures/accounts";
import { placeOrderViaApi } from "./fixtures/orders";

// Issue 13: no serious or critical axe violation on any page, in the light and the dark theme, at the
// walkthrough's two sizes (1366×900, 390×844). Kept lean for CI on a loaded box:
// - one document per role: pages after the first are reached by in-app navigation (wouter follows pushState),
//   so the app and axe (injected once per document) are not loaded again for each page;
// - the theme is switched through the data-theme attribute the toggle sets (ADR 062) and the viewport resized
//   in place; the theme changes only colours and the size only layout, so every WCAG A/AA rule runs once in
//   each theme and once at each size (light at 1366, dark at 390), and colour contrast in all four.

const ALL_RULES: RunOnly = { type: "tag", values: ["wcag2a", "wcag2aa"] };
const CONTRAST: RunOnly = { type: "rule", values: ["color-contrast"] };
const VARIANTS = [
  { theme: "light", width: 1366, height: 900, runOnly: ALL_RULES },
  { theme: "dark", width: 1366, height: 900, runOnly: CONTRAST },
  { theme: "dark", width: 390, height: 844, runOnly: ALL_RULES },
  { theme: "light", width: 390, height: 844, runOnly: CONTRAST },
] as const satisfies ReadonlyArray<{ theme: string; width: number; height: number; runOnly: RunOnly }>;

// Colour transitions would let axe read a colour halfway between the themes; skeleton pulses, a fading one.
const STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Visit {
  label: string;
  path: string;
  /** A full page load (checking the document's status, 404 for the not-found page) instead of in-app navigation. */
  status?: number;
}

/** Opens a document with axe and the no-transition style in it, for a role's first page. */
async function openDocument(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await page.evaluate(AXE_SOURCE); // as @axe-core/playwright does: evaluated by the browser's devtools, outside the page's CSP
  await page.addStyleTag({ content: STILL });
}

async function serious(page: Page, runOnly: RunOnly): Promise<string[]> {
  const violations = await page.evaluate(
    async (only) => (await (window as unknown as { axe: typeof Axe }).axe.run(document, { runOnly: only, resultTypes: ["violations"] })).violations,
    runOnly,
  );
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`)
          .join("\n    ")}`,
    );
}

async function scanInEveryVariant(page: Page, { label, path, status }: Visit) {
  await test.step(label, async () => {
    if (status !== undefined) await openDocument(page, path, status);
    else await page.evaluate((to) => history.pushState(null, "", to), path);
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === path);
    await expect(page.locator("main h1").first()).toBeVisible({ timeout: 30_000 });
    // Loaded: no busy region (page skeletons and result lists say aria-busy while they load).
    await expect(page.locator('[aria-busy="true"]'), `${label} finished loading`).toHaveCount(0, { timeout: 30_000 });
    for (const { theme, width, height, runOnly } of VARIANTS) {
      await page.setViewportSize({ width, height });
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      // Soft: one run lists every page's problems, not just the first.
      expect.soft(await serious(page, runOnly), `accessibility violations on ${label} (${theme}, ${width} px)`).toEqual([]);
    }
  });
}

test("when an anonymous visitor opens any storefront page, then axe finds nothing serious in either theme at either size", async ({ page, request }) => {
  test.slow(); // a dozen pages, four scans each
  const product = ((await (await request.get("/api/v1/products?inStock=true&limit=1")).json()) as ProductList).data[0]!;
  const sector = ((await (await request.get("/api/v1/sectors")).json()) as SectorList).data[0]!;
  const brand = (await (await request.get(`/api/v1/brands/${product.brand.slug}`)).json()) as Brand;
  const visits: Visit[] = [
    { label: "home", path: "/", status: 200 },
    { label: "sector", path: `/sectors/${sector.slug}` },
    { label: "brand", path: `/brands/${brand.slug}` },
    { label: "product", path: `/products/${product.slug}` },
    { label: "search with results", path: "/search?q=apple" },
    { label: "search without results", path: "/search?q=zzqxjvw" },
    { label: "empty cart", path: "/cart" },
    { label: "sign in", path: "/login" },
    { label: "register", path: "/register" },
    { label: "forgot password", path: "/forgot-password" },
    { label: "not found", path: "/no/such/page", status: 404 },
  ];
  for (const visit of visits) await scanInEveryVariant(page, visit);
});

test("when a shopper with an order opens the cart, checkout and account pages, then axe finds nothing serious in either theme at either size", async ({
  page,
}) => {
  test.slow();
  const shopper = await registerShopper(page, "a11y");
  const order = await placeOrderViaApi(page, shopper.name);
  const productId = order.items[0]!.productId;
  // A full cart without clicking through a product page: the cart store's own storage format.
  await page.goto("/");
  await page.evaluate((id) => localStorage.setItem("fp.cart.v1", JSON.stringify({ lines: [{ productId: id, quantity: 2 }] })), productId);
  const visits: Visit[] = [
    { label: "full cart", path: "/cart", status: 200 },
    { label: "checkout", path: "/checkout" },
    { label: "account", path: "/account" },
    { label: "orders", path: "/orders" },
    { label: "an order", path: `/orders/${order.id}` },
  ];
  for (const visit of visits) await scanInEveryVariant(page, visit);
});

test("when an admin opens the dashboard and every admin page, then axe finds nothing serious in either theme at either size", async ({ browser }) => {
  test.slow();
  const page = await signInAs(browser, "admin@fruitful.test", "/admin");
  const visits: Visit[] = [
    { label: "dashboard", path: "/dashboard", status: 200 },
    { label: "admin home", path: "/admin" },
    { label: "admin users", path: "/admin/users" },
    { label: "admin audit log", path: "/admin/audit" },
    { label: "admin catalog", path: "/admin/catalog" },
    { label: "admin orders", path: "/admin/orders" },
    { label: "admin outbox", path: "/admin/outbox" },
    { label: "admin mail templates", path: "/admin/mail-templates" },
    { label: "admin webhooks", path: "/admin/webhooks" },
    { label: "admin failed jobs", path: "/admin/jobs" },
  ];
  for (const visit of visits) await scanInEveryVariant(page, visit);
  await page.context().close();
});
