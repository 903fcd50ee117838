import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";

/**
 * The header search box as a combobox (ADR 044) on the seeded demo catalog: suggestions for misspelt,
 * partial and multi-word queries, keyboard navigation, Escape, and "did you mean" on a fruitless search.
 */

const box = (page: Page) => page.getByRole("combobox", { name: "Search products" });
const listbox = (page: Page) => page.getByRole("listbox", { name: "Search suggestions" });

async function typeAndWaitForSuggestions(page: Page, text: string) {
  await box(page).fill(text);
  await expect(box(page)).toHaveAttribute("aria-expanded", "true");
  await expect(listbox(page).getByRole("option").first()).toBeVisible();
}

test("when a shopper types misspelt, partial or multi-word queries, then the combobox suggests the right products", async ({ page }) => {
  await page.goto("/");
  for (const [text, expected] of [
    ["aple", /Apples/],
    ["clementnes", /Clementines/],
    ["tea bags", / Tea, /],
    ["clem", /Clementines/],
  ] as const) {
    await test.step(`"${text}"`, async () => {
      await typeAndWaitForSuggestions(page, text);
      await expect(listbox(page).getByRole("option").filter({ hasText: expected }).first()).toBeVisible();
    });
  }
  await expectNoSeriousA11yViolations(page, "home with the search suggestions open");
});

test("when a shopper uses the keyboard, then arrows move the highlight, Escape closes and Enter opens the highlighted suggestion", async ({ page }) => {
  await page.goto("/");
  await typeAndWaitForSuggestions(page, "clementnes");
  const options = listbox(page).getByRole("option");
  expect(await options.count()).toBeGreaterThan(1);

  await test.step("ArrowDown highlights the first option, again the second, ArrowUp goes back", async () => {
    await box(page).press("ArrowDown");
    const firstId = await options.nth(0).getAttribute("id");
    await expect(box(page)).toHaveAttribute("aria-activedescendant", firstId!);
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
    await box(page).press("ArrowDown");
    await expect(box(page)).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "false");
    await box(page).press("ArrowUp");
    await expect(box(page)).toHaveAttribute("aria-activedescendant", firstId!);
    await expect(box(page)).toBeFocused();
  });

  await test.step("Escape closes the list and keeps the text", async () => {
    await box(page).press("Escape");
    await expect(box(page)).toHaveAttribute("aria-expanded", "false");
    await expect(box(page)).not.toHaveAttribute("aria-activedescendant");
    await expect(listbox(page)).toBeHidden();
    await expect(box(page)).toHaveValue("clementnes");
  });

  await test.step("Enter on a highlighted product opens its page", async () => {
    await box(page).press("ArrowDown");
    await expect(box(page)).toHaveAttribute("aria-expanded", "true");
    await expect(options.first()).toBeVisible();
    // Find the first product (its option shows a price) and move there.
    const texts = await options.allTextContents();
    const index = texts.findIndex((t) => /Clementines/.test(t) && /\$\d/.test(t));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await box(page).press("ArrowDown");
    const name = (await options.nth(index).textContent())!.replace(/\$[\d,.]+$/, "").trim();
    await box(page).press("Enter");
    await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  });
});

test("when a shopper presses Enter with nothing highlighted on a fruitless query, then the search page offers a respelling", async ({ page }) => {
  await page.goto("/");
  await box(page).fill("ornge");
  await box(page).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=ornge$/);
  const offer = page.getByTestId("did-you-mean");
  await expect(offer).toHaveText("Did you mean oranges?");
  await offer.getByRole("link", { name: "oranges" }).click();
  await expect(page).toHaveURL(/\/search\?q=oranges$/);
  await expect(page.getByTestId("product-card").first()).toContainText(/Oranges/);
});
