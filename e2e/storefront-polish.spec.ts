import { expect, test, type Page } from "@playwright/test";
import type { ProductList, SectorList } from "../shared/contracts/catalog";
import { registerShopper, signInAs } from "./fixtures/accounts";
import { placeOrderViaApi } from "./fixtures/orders";

// Issue 13: dark mode checked by axe next to the light theme, and the walkthrough's layout fixes at the two sizes
// the walkthrough used (1366×900 desktop, 390×844 phone).

const waitForProducts = (page: Page) => expect(page.getByTestId("product-card").first()).toBeVisible({ timeout: 30_000 });

async function storefrontPaths(page: Page) {
  const sector = ((await (await page.request.get("/api/v1/sectors")).json()) as SectorList).data[0]!;
  const product = ((await (await page.request.get("/api/v1/products?inStock=true&limit=1")).json()) as ProductList).data[0]!;
  return { sector: `/sectors/${sector.slug}`, product: `/products/${product.slug}` };
}

test("when the shopper picks the dark theme, then it sticks across page loads", async ({ page }) => {
  // axe in both themes at both sizes, on every page, is a11y-themes.spec.ts.
  const { product } = await storefrontPaths(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  for (const path of ["/search?q=apple", product]) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible({ timeout: 30_000 });
    await expect(page.locator("html"), "the choice outlives the page load").toHaveAttribute("data-theme", "dark");
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
});

test("when an admin opens the catalog at 1366 px, then the products table fits with every row's Delete in view, and the admin home shows figures", async ({
  browser,
}) => {
  const page = await signInAs(browser, "admin@fruitful.test", "/admin");
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByTestId("admin-figure")).toHaveCount(4);
  await page.goto("/admin/catalog/products");
  const table = page.getByRole("region", { name: "Products", exact: true });
  const firstDelete = page
    .getByTestId("product-row")
    .first()
    .getByRole("button", { name: /delete/i });
  await expect(firstDelete).toBeVisible({ timeout: 30_000 }); // the whole catalog, on a busy box
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth), "no horizontal scroll in the products table").toBeLessThanOrEqual(1);
  const box = await firstDelete.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
});

test("on a 390 px phone, the home page shows products before sectors, sorting and filter chips apply at once, and order items read as cards", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await waitForProducts(page);
  const productsTop = (await page.getByRole("heading", { name: "New arrivals" }).boundingBox())!.y;
  const sectorsTop = (await page.getByRole("heading", { name: "Shop by sector" }).boundingBox())!.y;
  expect(productsTop).toBeLessThan(sectorsTop);
  expect(productsTop, "new arrivals start on the first screen").toBeLessThan(844);

  const { sector } = await storefrontPaths(page);
  await page.goto(sector);
  await waitForProducts(page);
  await page.getByLabel("Sort by").selectOption("price");
  await expect(page).toHaveURL(/sort=price/);
  await waitForProducts(page);

  await page.goto("/search?inStock=true");
  await waitForProducts(page);
  await page.getByRole("button", { name: /^In stock\s*: remove this filter$/ }).click();
  await expect(page).toHaveURL(/\/search$/);

  const shopper = await registerShopper(page, "cards");
  const order = await placeOrderViaApi(page, shopper.name);
  await page.goto(`/orders/${order.id}`);
  const card = page.getByTestId("order-item-card").first();
  await expect(card).toBeVisible();
  await expect(card).toContainText("1 ×");
  await expect(card).toContainText("$");
});
