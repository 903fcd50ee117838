import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { productCsvColumns, type BrandList, type SectorList } from "../shared/contracts/catalog";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/seed-data";
import { fillSignIn } from "./fixtures/accounts";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";

const demoAdmin = DEMO_USERS.find((u) => u.role === "admin")!;

/** Unique, readable names per run (time + retry; no randomness shown to users). */
const stamp = () => `${Date.now()}${test.info().retry}`.slice(-8);

async function signInAsAdmin(page: Page) {
  await page.goto("/login");
  await fillSignIn(page, demoAdmin.email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: `Account: ${demoAdmin.name}` })).toBeVisible();
}

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text });

test("when an admin creates a brand and a product in the console, then the storefront's brand page and search show the product", async ({ page, request }) => {
  test.slow(); // a long journey with five accessibility scans
  const run = stamp();
  const brandName = `Quillfeather Farm ${run}`;
  const productName = `Zestful Kumquat Jam ${run}`;
  const sector = ((await (await request.get("/api/v1/sectors")).json()) as SectorList).data[0]!;
  const sectorLabel = sector.name; // options name the sector only: emoji are boxes without an emoji font
  let brandSlug = "";

  await signInAsAdmin(page);

  await test.step("the catalog opens on the products table, archived products included", async () => {
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Catalog" }).click();
    await expect(page).toHaveURL("/admin/catalog/products");
    await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
    await expect(page.getByTestId("product-row").first()).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("");
    await expectNoSeriousA11yViolations(page, "admin catalog products");
  });

  await test.step("create a brand in an existing sector", async () => {
    await page.getByRole("navigation", { name: "Catalog" }).getByRole("link", { name: "Brands" }).click();
    await expect(page).toHaveURL("/admin/catalog/brands");
    await expect(page.getByTestId("brand-row").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, "admin catalog brands");

    await page.getByRole("button", { name: "New brand" }).click();
    const dialog = page.getByRole("dialog", { name: "New brand" });
    await dialog.getByRole("button", { name: "Create brand" }).click();
    await expect(dialog.getByLabel("Name")).toHaveAccessibleDescription("This field is required");
    await expect(dialog.getByLabel("Sector")).toHaveAccessibleDescription("Choose a sector");
    await dialog.getByLabel("Name").fill(brandName);
    await dialog.getByLabel("Sector").selectOption({ label: sectorLabel });
    await expectNoSeriousA11yViolations(page, "new brand dialog");
    await dialog.getByRole("button", { name: "Create brand" }).click();
    await expect(toast(page, `${brandName} was created`)).toBeVisible();
    await expect(dialog).toBeHidden();

    await page.getByRole("searchbox", { name: "Search brands" }).fill(brandName);
    await expect(page).toHaveURL(/\/admin\/catalog\/brands\?q=/);
    const row = page.getByTestId("brand-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(sector.name);
    brandSlug = (await row.getByTestId("brand-slug").textContent())!.trim();
    expect(brandSlug).toMatch(/^quillfeather-farm-/);
  });

  await test.step("a second brand with the same slug is refused on the slug field", async () => {
    await page.getByRole("button", { name: "New brand" }).click();
    const dialog = page.getByRole("dialog", { name: "New brand" });
    await dialog.getByLabel("Name").fill(`${brandName} again`);
    await dialog.getByLabel("Sector").selectOption({ label: sectorLabel });
    await dialog.getByLabel("Slug").fill(brandSlug);
    await dialog.getByRole("button", { name: "Create brand" }).click();
    await expect(dialog.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText("This slug is already in use.")).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("create a product in the new brand, its price typed in dollars", async () => {
    await page.getByRole("navigation", { name: "Catalog" }).getByRole("link", { name: "Products" }).click();
    await page.getByRole("button", { name: "New product" }).click();
    const dialog = page.getByRole("dialog", { name: "New product" });
    await dialog.getByLabel("Name").fill(productName);
    await dialog.getByLabel("Brand").selectOption({ label: brandName });
    await dialog.getByLabel("Price (USD)").fill("12.3456");
    await dialog.getByRole("button", { name: "Create product" }).click();
    await expect(dialog.getByText("Use at most 2 decimal places (cents)")).toBeVisible();
    await dialog.getByLabel("Price (USD)").fill("12.34");
    await expect(dialog.getByText("Shoppers see $12.34")).toBeVisible();
    await dialog.getByLabel("Stock").fill("7");
    await expectNoSeriousA11yViolations(page, "new product dialog");
    await dialog.getByRole("button", { name: "Create product" }).click();
    await expect(toast(page, `${productName} was created`)).toBeVisible();
    await expect(dialog).toBeHidden();
  });

  await test.step("the product's stock changes inline; removing more than is there is refused and rolled back", async () => {
    await page.getByRole("searchbox", { name: "Search products" }).fill(productName);
    await expect(page).toHaveURL(/\/admin\/catalog\/products\?q=/);
    const row = page.getByTestId("product-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("$12.34");
    await expect(row.getByTestId("stock-value")).toHaveText("7");
    await row.getByRole("button", { name: `Add 1 to the stock of ${productName}` }).click();
    await expect(row.getByTestId("stock-value")).toHaveText("8");
    await row.getByRole("textbox", { name: `Change the stock of ${productName} by` }).fill("-20");
    await row.getByRole("button", { name: `Apply stock change to ${productName}` }).click();
    await expect(row.getByRole("alert")).toHaveText("Only 8 in stock: can't remove 20.");
    await expect(row.getByTestId("stock-value")).toHaveText("8");
    await expectNoSeriousA11yViolations(page, "admin catalog products, filtered");
  });

  await test.step("the storefront's brand page lists the product", async () => {
    await page.goto(`/brands/${brandSlug}`);
    await expect(page.getByRole("heading", { level: 1, name: brandName })).toBeVisible();
    const card = page.getByTestId("product-card").filter({ hasText: productName });
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId("price")).toHaveText("$12.34");
  });

  await test.step("search finds the product, and its brand facet narrows the results to it", async () => {
    const box = page.getByRole("combobox", { name: "Search products" });
    await box.fill(productName);
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByTestId("product-card").filter({ hasText: productName })).toHaveCount(1);

    await page.goto(`/search?sector=${sector.slug}`);
    const facets = page.getByTestId("search-facets");
    await expect(facets.getByRole("radio", { name: sector.name })).toBeChecked();
    const brands = facets.getByRole("group", { name: "Brand" });
    const showAll = brands.getByRole("button", { name: /^Show all/ });
    if (await showAll.isVisible()) await showAll.click();
    const brandOption = brands.getByRole("radio", { name: `${brandName} (1 product)` });
    await brandOption.check();
    await expect(page).toHaveURL(new RegExp(`brand=${brandSlug}`));
    await expect(page.getByTestId("product-card")).toHaveCount(1);
    await expect(page.getByTestId("product-card")).toContainText(productName);
    await expectNoSeriousA11yViolations(page, "search with facets");
  });
});

test("when an admin dry-runs an import with a bad row, then the preview lists that row and only a clean file can be applied", async ({ page, request }) => {
  const run = stamp();
  const brand = ((await (await request.get("/api/v1/brands?limit=1")).json()) as BrandList).data[0]!;
  const header = "slug,name,priceCents,stock,brandSlug";
  const good = [`e2e-import-a-${run},E2E Import Alpha ${run},499,3,${brand.slug}`, `e2e-import-b-${run},E2E Import Beta ${run},1299,0,${brand.slug}`];
  const bad = `e2e-import-c-${run},E2E Import Gamma ${run},12.99,5,${brand.slug}`;

  await signInAsAdmin(page);
  await page.goto("/admin/catalog/products");
  await page.getByRole("button", { name: "Import CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Import products from CSV" });
  const fileInput = dialog.getByLabel("CSV file");

  await test.step("the dry run reports the bad row and keeps Apply disabled", async () => {
    await fileInput.setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...good, bad].join("\n")) });
    const preview = dialog.getByTestId("import-preview");
    await expect(preview).toBeVisible();
    await expect(preview.getByRole("definition").nth(0)).toHaveText("3"); // rows
    await expect(preview.getByRole("definition").nth(1)).toHaveText("2"); // new
    const errorRows = preview.getByTestId("import-error-row");
    await expect(errorRows).toHaveCount(1);
    await expect(errorRows.getByRole("cell")).toHaveText([
      "4",
      "priceCents",
      /Row 4, column "priceCents": "12.99" is not valid. Expected a whole number of cents/,
    ]);
    await expect(dialog.getByRole("button", { name: "Apply import" })).toBeDisabled();
    await expectNoSeriousA11yViolations(page, "import dry run with errors");
  });

  await test.step("a file that is too large is refused before uploading", async () => {
    await fileInput.setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, "a") });
    await expect(dialog.getByRole("alert")).toContainText("the limit is 5.0 MB");
    await expect(dialog.getByTestId("import-preview")).toHaveCount(0);
  });

  await test.step("the clean file applies, and its products are listed", async () => {
    await fileInput.setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...good].join("\n")) });
    await expect(dialog.getByTestId("import-preview")).toContainText("Every row is valid");
    await dialog.getByRole("button", { name: "Apply import" }).click();
    await expect(toast(page, "Import finished")).toContainText("2 products created, 0 products updated.");
    await expect(dialog).toBeHidden();
    await page.getByRole("searchbox", { name: "Search products" }).fill(`E2E Import ${run}`);
    await expect(page.getByTestId("product-row")).toHaveCount(2);
  });

  await test.step("the export of the current filters re-imports with nothing to change", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: /^Export CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("products.csv");
    const exported = await readFile((await download.path())!, "utf8");
    const lines = exported.trim().split(/\r?\n/);
    expect(lines[0]).toBe(productCsvColumns.join(",")); // product columns, then one variant's (issue 12)
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual([`e2e-import-a-${run}`, `e2e-import-b-${run}`]);

    await page.getByRole("button", { name: "Import CSV" }).click();
    await dialog.getByLabel("CSV file").setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: Buffer.from(exported) });
    await expect(dialog.getByTestId("import-preview")).toContainText("Every row matches its product already");
    await expect(dialog.getByRole("button", { name: "Apply import" })).toBeDisabled();
  });
});

test("when an admin tries to delete a sector that still has brands, then the console says why in plain words", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/catalog/sectors");
  const row = page.getByTestId("sector-row").first();
  await expect(row).toBeVisible();
  await expectNoSeriousA11yViolations(page, "admin catalog sectors");
  const name = (await row.getByTestId("sector-name").textContent())!.trim();
  await row.getByRole("button", { name: /^Delete/ }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${name}?` });
  await dialog.getByRole("button", { name: "Delete sector" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("This sector still has brands. Move or delete them first.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("sector-row").filter({ hasText: name })).toHaveCount(1);
});
