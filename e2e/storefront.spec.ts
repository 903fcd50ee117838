import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { ProductList } from "../shared/contracts/catalog";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";

const PAGE_SIZE = 24;

interface SearchScenario {
  word: string;
  maxDollars: number;
}

/**
 * Picks a search word and a max price from the seeded catalog itself, so the journey does not
 * hard-code demo data: the word must match more than one page of products at or under the price.
 */
async function findSearchScenario(request: APIRequestContext): Promise<SearchScenario> {
  const newest = (await (await request.get("/api/v1/products?limit=100")).json()) as ProductList;
  const counts = new Map<string, number>();
  for (const product of newest.data) {
    for (const word of product.name.toLowerCase().split(/[^a-z]+/)) {
      if (word.length >= 4) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const candidates = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  for (const word of candidates.slice(0, 20)) {
    const matches = (await (await request.get(`/api/v1/products?q=${word}&limit=100`)).json()) as ProductList;
    if (matches.data.length < PAGE_SIZE + 6) continue;
    const prices = matches.data.map((p) => p.priceCents).sort((a, b) => a - b);
    const maxDollars = Math.ceil(prices[PAGE_SIZE + 4]! / 100);
    const filtered = (await (await request.get(`/api/v1/products?q=${word}&maxPrice=${maxDollars * 100}&limit=${PAGE_SIZE}`)).json()) as ProductList;
    if (filtered.pagination.hasMore) return { word, maxDollars };
  }
  throw new Error("The seeded catalog has no word matching more than one page of products; is SEED_DEMO on?");
}

/** "$1,234.56" → 123456 */
const centsFromText = (text: string): number => Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100);

async function expectAllPricesAtMost(results: Locator, maxCents: number): Promise<void> {
  const texts = await results.getByTestId("price").allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(centsFromText(text), `price ${text}`).toBeLessThanOrEqual(maxCents);
}

/** The product list has finished loading (skeletons gone, no fetch in flight). */
async function waitForResults(page: Page): Promise<Locator> {
  const results = page.getByTestId("product-results");
  await expect(results).toHaveAttribute("aria-busy", "false");
  await expect(results.getByTestId("product-card").first()).toBeVisible();
  return results;
}

test("when a shopper browses, searches and filters, then prices, paging and the URL filters all hold", async ({ page, request }) => {
  const scenario = await findSearchScenario(request);
  const maxCents = scenario.maxDollars * 100;

  await test.step("home shows the sectors", async () => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const sectorsSection = page.getByRole("region", { name: "Shop by sector" });
    await expect(sectorsSection.getByRole("listitem")).not.toHaveCount(0);
    expect(await sectorsSection.getByRole("listitem").count()).toBeGreaterThanOrEqual(8);
    await expect(page.getByRole("region", { name: "New arrivals" }).getByTestId("product-card").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, "home");
  });

  let sectorName = "";
  await test.step("a sector page lists its brands and products", async () => {
    const firstSector = page.getByRole("region", { name: "Shop by sector" }).getByRole("link").first();
    sectorName = (await firstSector.textContent())!.trim();
    await firstSector.click();
    await expect(page).toHaveURL(/\/sectors\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: sectorName })).toBeVisible();
    await expect(page.getByRole("region", { name: "Brands" }).getByRole("link").first()).toBeVisible();
    await waitForResults(page);
    await expectNoSeriousA11yViolations(page, "sector");
  });

  await test.step("a product page shows the name, a formatted price and stock", async () => {
    const card = page.getByTestId("product-card").first();
    const productName = (await card.getByRole("heading").textContent())!.trim();
    await card.getByRole("link", { name: productName, exact: true }).click(); // not "Choose options: …"
    await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: productName })).toBeVisible();
    await expect(page.getByRole("main").getByTestId("price").first()).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    await expect(page.getByText(/^(In stock|Only \d+ left|Out of stock)$/).first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: sectorName })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "product");
  });

  await test.step("the header search box opens the results", async () => {
    const box = page.getByRole("combobox", { name: "Search products" });
    await box.fill(scenario.word);
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${scenario.word}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results for “${scenario.word}”`);
    await waitForResults(page);
  });

  await test.step("a max price keeps every shown price at or under it", async () => {
    // Applies by itself once typing pauses: no Apply button (issue 13).
    await page.getByLabel("Max price").fill(String(scenario.maxDollars));
    await expect(page).toHaveURL(new RegExp(`maxPrice=${maxCents}`));
    const results = await waitForResults(page);
    await expect(results.getByTestId("product-card")).toHaveCount(PAGE_SIZE);
    await expectAllPricesAtMost(results, maxCents);
    await expectNoSeriousA11yViolations(page, "search");
  });

  await test.step("load more appends the next page", async () => {
    const results = page.getByTestId("product-results");
    const firstName = await results.getByTestId("product-card").first().getByRole("heading").textContent();
    await page.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => results.getByTestId("product-card").count()).toBeGreaterThan(PAGE_SIZE);
    await expect(results).toHaveAttribute("aria-busy", "false");
    // Appended, not replaced: the first card is still the same one.
    await expect(results.getByTestId("product-card").first().getByRole("heading")).toHaveText(firstName!);
    const shown = await results.getByTestId("product-card").count();
    await expect(page.getByTestId("result-count")).toContainText(`Showing ${shown} products`);
    await expectAllPricesAtMost(results, maxCents);
  });

  await test.step("a reload keeps the filters", async () => {
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`q=${scenario.word}.*maxPrice=${maxCents}`));
    await expect(page.getByLabel("Keywords")).toHaveValue(scenario.word);
    await expect(page.getByLabel("Max price")).toHaveValue(String(scenario.maxDollars));
    const results = await waitForResults(page);
    await expectAllPricesAtMost(results, maxCents);
  });
});

test("when a product does not exist, then a friendly not-found screen is shown", async ({ page }) => {
  await page.goto("/products/no-such-product-anywhere");
  await expect(page.getByRole("heading", { level: 1, name: "Product not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the shop" })).toHaveAttribute("href", "/");
  await expectNoSeriousA11yViolations(page, "product not found");
});
