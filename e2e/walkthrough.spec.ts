import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/seed-data";
import { fillSignIn, registerShopper, signInAs } from "./fixtures/accounts";
import { placeOrderViaApi } from "./fixtures/orders";

/** Fixes from the storefront walkthrough (issue 13 §5) that only a browser can show. */

const demoStaff = DEMO_USERS.find((u) => u.role === "staff")!;
const demoAdmin = DEMO_USERS.find((u) => u.role === "admin")!;

test("when staff or an admin sign in without a next page, then they land on the dashboard or the admin home", async ({ browser }) => {
  for (const [user, path, heading] of [
    [demoStaff, "/dashboard", "Live dashboard"],
    [demoAdmin, "/admin", "Admin console"],
  ] as const) {
    const page = await (await browser.newContext()).newPage();
    await page.goto("/login");
    await fillSignIn(page, user.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.context().close();
  }
});

test("when a visitor follows a link in the app, then focus moves to the new page's main heading", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const product = page.getByRole("main").locator('a[href^="/products/"]').first();
  await product.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/products\//);
  await expect(page.locator("main h1")).toBeFocused();
});

test("when a shopper has just placed an order, then the thank-you banner shows once, can be dismissed, and toasts leave the timeline visible", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const shopper = await registerShopper(page, "walk");
  const order = await placeOrderViaApi(page, shopper.name);

  await page.goto(`/orders/${order.id}?placed=1`);
  const thanks = page.getByTestId("thank-you");
  await expect(thanks).toBeVisible();
  // The flag leaves the URL at once: a reload or a shared link shows no banner.
  await expect(page).toHaveURL(`/orders/${order.id}`);
  await thanks.getByRole("button", { name: "Dismiss" }).click();
  await expect(thanks).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(order.number);
  await expect(thanks).toBeHidden();

  // A toast (here: the shopper cancels) must not sit on top of the status history.
  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel and refund" }).click();
  const toast = page.getByTestId("toast").first();
  await expect(toast).toBeVisible();
  const timeline = await page.getByTestId("order-timeline").boundingBox();
  const toastBox = await toast.boundingBox();
  expect(timeline && toastBox).toBeTruthy();
  const overlaps =
    toastBox!.x < timeline!.x + timeline!.width &&
    timeline!.x < toastBox!.x + toastBox!.width &&
    toastBox!.y < timeline!.y + timeline!.height &&
    timeline!.y < toastBox!.y + toastBox!.height;
  expect(overlaps, "the toast covers the status history").toBe(false);
});

test("when staff open an order, then the customer shows by name and e-mail with a link, not as an id", async ({ page, browser }) => {
  const shopper = await registerShopper(page, "walkcust");
  const order = await placeOrderViaApi(page, shopper.name);
  const staff = await signInAs(browser, demoStaff.email, `/admin/orders/${order.id}`);
  const customer = staff.getByTestId("order-customer");
  await expect(customer.getByRole("link", { name: shopper.name })).toHaveAttribute("href", `/admin/orders?q=${encodeURIComponent(shopper.email)}`);
  await expect(customer.getByRole("link", { name: shopper.email })).toHaveAttribute("href", `mailto:${shopper.email}`);
  expect(order.userId).toBeTruthy();
  await expect(staff.getByRole("main")).not.toContainText(order.userId!);
  await staff.context().close();
});
