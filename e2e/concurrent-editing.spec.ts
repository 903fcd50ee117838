import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { User } from "../shared/contracts/auth";
import type { Brand, Product, SectorList } from "../shared/contracts/catalog";
import { DEMO_USERS } from "../server/seed/seed-data";
import { csrfToken, newAccount, registerAccount, signedInPage } from "./fixtures/accounts";

// Issue 16 §3: two admins on one object. The demo staff member is made an admin for this spec (a second admin with a
// verified address, without the mail round trip) and put back afterwards.
const ada = DEMO_USERS.find((u) => u.role === "admin")!;
const sam = DEMO_USERS.find((u) => u.role === "staff")!;

async function call<T>(request: APIRequestContext, method: "post" | "patch", path: string, data: unknown): Promise<T> {
  const response = await request[method](path, { data, headers: { "X-CSRF-Token": await csrfToken(request) } });
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

const editDialog = (page: Page, name: string) => page.getByRole("dialog", { name: `Edit ${name}` });
const toast = (page: Page, text: string) => page.getByTestId("toast").filter({ hasText: text });

test("when two admins edit one object, then each sees the other editing, and the later save gets a conflict to reapply or discard", async ({
  browser,
  request,
}) => {
  const run = `${Date.now()}${test.info().retry}`.slice(-8);
  const first = await signedInPage(browser, ada.email);
  const samUser = ((await (await first.request.get(`/api/v1/users?q=${encodeURIComponent(sam.email)}`)).json()) as { data: User[] }).data[0]!;
  await call(first.request, "patch", `/api/v1/users/${samUser.id}`, { role: "admin" });
  try {
    const second = await signedInPage(browser, sam.email);
    const sector = ((await (await first.request.get("/api/v1/sectors")).json()) as SectorList).data[0]!;
    const brand = await call<Brand>(first.request, "post", "/api/v1/brands", { name: `Twin Orchard ${run}`, sectorId: sector.id });
    const product = await call<Product>(first.request, "post", "/api/v1/products", { name: `Twin Pear ${run}`, priceCents: 250, stock: 3, brandId: brand.id });

    await test.step("both open the product: each sees the other editing", async () => {
      await Promise.all(
        [first, second].map(async (page) => {
          await page.goto(`/admin/catalog/products?q=${encodeURIComponent(product.name)}`);
          await page
            .getByTestId("product-row")
            .getByRole("button", { name: `Edit ${product.name}` })
            .click();
        }),
      );
      await expect(editDialog(first, product.name).getByTestId("editing-presence")).toHaveText(`${sam.name} is editing this product too.`);
      await expect(editDialog(second, product.name).getByTestId("editing-presence")).toHaveText(`${ada.name} is editing this product too.`);
    });

    await test.step("the first saves; the second's save is refused with a conflict, and reapplying succeeds", async () => {
      await editDialog(first, product.name).getByLabel("Name").fill(`${product.name} Deluxe`);
      await editDialog(first, product.name).getByRole("button", { name: "Save changes" }).click();
      await expect(toast(first, `${product.name} Deluxe was saved`)).toBeVisible();

      const dialog = editDialog(second, product.name);
      await dialog.getByLabel("Description").fill("Picked by the second admin.");
      await dialog.getByRole("button", { name: "Save changes" }).click();
      const conflict = dialog.getByRole("alertdialog", { name: "Someone else saved this product while you were editing it" });
      await expect(conflict).toContainText("They changed: Name.");
      await expect(conflict).toContainText("Your changes: Description.");
      await expect(conflict.getByRole("button", { name: "Discard mine" })).toBeVisible();
      await conflict.getByRole("button", { name: "Reapply my changes" }).click();
      await expect(toast(second, `${product.name} Deluxe was saved`)).toBeVisible();
      const saved = (await (await request.get(`/api/v1/products/${product.id}`)).json()) as Product;
      expect([saved.name, saved.description]).toEqual([`${product.name} Deluxe`, "Picked by the second admin."]);
    });

    await test.step("a brand saved meanwhile by the other admin: the conflict panel, then reapply", async () => {
      // In-app navigation (no page load) keeps the spec lean.
      await second.getByRole("navigation", { name: "Catalog" }).getByRole("link", { name: "Brands" }).click();
      await second.getByRole("searchbox", { name: "Search brands" }).fill(brand.name);
      await expect(second.getByTestId("brand-row")).toHaveCount(1);
      await second
        .getByTestId("brand-row")
        .getByRole("button", { name: `Edit ${brand.name}` })
        .click();
      await call(first.request, "patch", `/api/v1/brands/${brand.id}`, { description: "Changed by the first admin." });
      const dialog = editDialog(second, brand.name);
      await dialog.getByLabel("Name").fill(`${brand.name} Co`);
      await dialog.getByRole("button", { name: "Save changes" }).click();
      const conflict = dialog.getByRole("alertdialog", { name: "Someone else saved this brand while you were editing it" });
      await expect(conflict).toContainText("They changed: Description.");
      await conflict.getByRole("button", { name: "Reapply my changes" }).click();
      await expect(toast(second, `${brand.name} Co was saved`)).toBeVisible();
    });

    await test.step("a role change on an account renamed meanwhile: the conflict panel, then discard", async () => {
      const account = newAccount("conflict");
      await registerAccount(request, account);
      await second.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
      await second.getByRole("searchbox", { name: "Search" }).fill(account.email);
      // The filtered list (not the unfiltered one, which lists the new account too) is the one that loaded the old version.
      await expect(second.getByTestId("user-row")).toHaveCount(1);
      const role = second.getByRole("combobox", { name: `Role for ${account.name}`, exact: true });
      await expect(role).toHaveValue("customer");
      const target = ((await (await first.request.get(`/api/v1/users?q=${encodeURIComponent(account.email)}`)).json()) as { data: User[] }).data[0]!;
      await call(first.request, "patch", `/api/v1/users/${target.id}`, { name: `${account.name} Renamed` });
      await role.selectOption("staff");
      const dialog = second.getByRole("dialog", { name: `Change ${account.name}'s role` });
      await expect(dialog.getByRole("alertdialog")).toContainText("They changed: Name.");
      await dialog.getByRole("button", { name: "Discard mine" }).click();
      await expect(dialog).toBeHidden();
      await expect(second.getByRole("combobox", { name: `Role for ${account.name} Renamed`, exact: true })).toHaveValue("customer");
    });
  } finally {
    await call(first.request, "patch", `/api/v1/users/${samUser.id}`, { role: "staff" });
  }
});
