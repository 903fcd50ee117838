import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/seed-data";
import type { Product } from "../shared/contracts/catalog";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { fillSignIn } from "./fixtures/accounts";

const demoAdmin = DEMO_USERS.find((u) => u.role === "admin")!;

/**
 * Issue 12 §1–2 in a browser: an admin builds Size S/M/L in the product form's variant editor, and a shopper
 * picks M by keyboard on the product page (URL, price, cart line), with the sold-out size disabled; then the
 * phone layout's sticky "Add to cart" follows the same choice. One page and one sign-in keep it lean.
 */
test("when an admin creates Size S/M/L in the console, then a shopper picks M by keyboard, sees its price and URL, and buys it; sold-out L is disabled", async ({
  page,
  request,
}) => {
  const run = `${Date.now()}${test.info().retry}`.slice(-8);
  const name = `Variant Test Tee ${run}`;
  const slug = `variant-test-tee-${run}`;

  await test.step("the admin gives the product options and a variant table, and the schema's rules show in words", async () => {
    await page.goto("/login");
    await fillSignIn(page, demoAdmin.email, DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: `Account: ${demoAdmin.name}` })).toBeVisible();
    await page.goto("/admin/catalog/products");
    await page.getByRole("button", { name: "New product" }).click();
    const dialog = page.getByRole("dialog", { name: "New product" });
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("Slug").fill(slug);
    await dialog.getByLabel("Brand").selectOption({ index: 1 });
    await dialog.getByLabel("Price (USD)").fill("20");
    await dialog.getByRole("button", { name: "Add options (size, colour…)" }).click();
    await dialog.getByRole("button", { name: "Create all combinations" }).click();
    await expect(dialog.getByText("Give each option a name and at least one value first.")).toBeVisible();
    await dialog.getByLabel("Option 1 name").fill("Size");
    await dialog.getByLabel("Option 1 values").fill("S, M, L");
    await dialog.getByRole("button", { name: "Create all combinations" }).click();
    const rows = dialog.getByTestId("variant-row");
    await expect(rows).toHaveCount(3);
    await dialog.getByLabel("Price of Size: M", { exact: true }).fill("24.50");
    await dialog.getByLabel("Compare-at price of Size: M (optional)").fill("20");
    await dialog.getByLabel("Stock of Size: S").fill("3");
    await dialog.getByLabel("Stock of Size: M").fill("4");
    await dialog.getByRole("button", { name: "Create product" }).click();
    await expect(dialog.getByText("The compare-at price must be above the price")).toBeVisible();
    await expect(dialog.getByLabel("Compare-at price of Size: M (optional)")).toHaveAttribute("aria-invalid", "true");
    await dialog.getByLabel("Compare-at price of Size: M (optional)").fill("30");
    await expectNoSeriousA11yViolations(page, "variant editor", { include: "[role=dialog]" });
    await dialog.getByRole("button", { name: "Create product" }).click();
    await expect(dialog).toBeHidden();
  });

  const product = (await (await request.get(`/api/v1/products/${slug}`)).json()) as Product;
  expect(product.options).toEqual([{ name: "Size", values: ["S", "M", "L"] }]);
  expect(product.variants.map((v) => [v.optionValues.Size, v.priceCents, v.compareAtPriceCents, v.stock])).toEqual([
    ["S", 2000, null, 3],
    ["M", 2450, 3000, 4],
    ["L", 2000, null, 0],
  ]);
  const medium = product.variants.find((v) => v.optionValues.Size === "M")!;

  await test.step("the shopper picks M with the arrow key: URL, price and the was-price follow; sold-out L is disabled", async () => {
    await page.goto(`/products/${slug}`);
    const size = page.getByRole("radiogroup", { name: "Size" });
    await expect(size.getByRole("radio", { name: "S", exact: true })).toBeChecked();
    await expect(size.getByRole("radio", { name: "L (sold out)" })).toBeDisabled();
    await size.getByRole("radio", { name: "S", exact: true }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(size.getByRole("radio", { name: "M", exact: true })).toBeChecked();
    await expect(page).toHaveURL(`/products/${slug}?variant=${medium.id}`);
    const buyBox = page.getByRole("form", { name: "Add to cart" }).locator("..");
    await expect(buyBox.getByText("$24.50").first()).toBeVisible();
    await expect(page.getByTestId("compare-at-price")).toContainText("$30.00");
    await page.keyboard.press("ArrowRight"); // skips disabled L and wraps to S
    await expect(size.getByRole("radio", { name: "S", exact: true })).toBeChecked();
    await page.keyboard.press("ArrowLeft");
    await expect(size.getByRole("radio", { name: "M", exact: true })).toBeChecked();
    await expectNoSeriousA11yViolations(page, "variant picker", { include: "[data-testid=variant-picker]" });
  });

  await test.step("on a 390 × 844 phone, the sticky bar follows the choice from the URL and adds M", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole("radiogroup", { name: "Size" }).getByRole("radio", { name: "M", exact: true })).toBeChecked();
    const sticky = page.getByTestId("sticky-add-to-cart");
    await expect(sticky).toBeInViewport();
    await expect(sticky).toContainText("$24.50 · Size: M");
    // Tapping a size must reach the picker, not the bar fixed over the page's bottom edge.
    const sizes = page.getByRole("radiogroup", { name: "Size" });
    await sizes.locator("label").filter({ hasText: /^S$/ }).click();
    await expect(sticky).toContainText("$20.00 · Size: S");
    await sizes.locator("label").filter({ hasText: /^M$/ }).click();
    await expect(sticky).toContainText("$24.50 · Size: M");
    await sticky.getByRole("button", { name: "Add to cart" }).click();
    await page.goto("/cart");
    const line = page.getByTestId("cart-line").filter({ hasText: name });
    await expect(line.getByTestId("line-options")).toHaveText("Size: M");
    await expect(line).toContainText("$24.50 each");
  });
});
