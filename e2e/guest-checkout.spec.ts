import { expect, test } from "@playwright/test";
import type { MailMessage, MailSummary } from "../shared/contracts/mail";
import type { Order } from "../shared/contracts/orders";
import type { ProductList } from "../shared/contracts/catalog";
import { TEST_CARD_SUCCESS } from "../shared/contracts/orders";
import { DEMO_USERS } from "../server/seed/seed-data";
import { signInAs } from "./fixtures/accounts";

/** Issue 11 acceptance: a signed-out shopper buys, gets the mail, opens its link and sees the order; the token opens nothing else. */

const demoAdmin = DEMO_USERS.find((u) => u.role === "admin")!;

test("when a signed-out shopper checks out as a guest, then the mailed link opens the order and its token opens no other order", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = `e2e-guest-${Date.now()}@example.test`;
  const list = (await (await request.get("/api/v1/products?inStock=true&sort=name&limit=40")).json()) as ProductList;
  const product = list.data.find((p) => p.stock >= 5 && p.currency === "USD" && p.variants.length === 1)!;
  let orderId = "";

  await test.step("add a product and check out as a guest from the cart", async () => {
    await page.goto(`/products/${product.slug}`);
    await page.getByRole("form", { name: "Add to cart" }).getByRole("button", { name: "Add to cart", exact: true }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Added to cart" })).toBeVisible();
    await page.goto("/cart");
    await page.getByRole("link", { name: "Check out as guest" }).click();
    await expect(page).toHaveURL("/checkout");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Full name").fill("Grace Guest");
    await page.getByLabel("Address", { exact: true }).fill("3 Pear Street");
    await page.getByLabel("City").fill("Portland");
    await page.getByLabel("Postal code").fill("97201");
    await page.getByLabel("Country").selectOption("US");
    await page.getByLabel("Card number").fill(TEST_CARD_SUCCESS);
    await page.getByLabel("Expiry (MM/YY)").fill("12/49");
    await page.getByLabel("Security code (CVC)").fill("123");
    await page.getByRole("button", { name: /^Place order/ }).click();
    // The thank-you flag leaves the URL at once (a reload shows no banner); the guest's access token stays.
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?(placed=1&)?access=/);
    await expect(page.getByTestId("thank-you")).toBeVisible();
    orderId = /\/orders\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  });

  const admin = await signInAs(browser, demoAdmin.email, "/admin");
  let path = "";
  await test.step("the confirmation is in the admin's mail outbox with a link to the order", async () => {
    let summary: MailSummary | undefined;
    await expect
      .poll(
        async () => {
          const outbox = (await (await admin.request.get("/api/v1/mail/outbox?template=guest-order-confirmation&limit=100")).json()) as { data: MailSummary[] };
          summary = outbox.data.find((m) => m.to === email);
          return summary?.status;
        },
        { timeout: 20_000 },
      )
      .toBe("stored");
    const message = (await (await admin.request.get(`/api/v1/mail/outbox/${summary!.id}`)).json()) as MailMessage;
    const link = /https?:\/\/[^/\s]+(\/orders\/[0-9a-f-]{36}\?access=[A-Za-z0-9_-]+)/.exec(message.text);
    expect(link, "the mail's text part links to the order").not.toBeNull();
    path = link![1]!;
    expect(path).toContain(orderId);
  });

  await test.step("a fresh browser (no session) opens the mailed link and sees the order", async () => {
    const guest = await (await browser.newContext()).newPage();
    await guest.goto(path);
    await expect(guest.getByRole("heading", { level: 1, name: /^Order FP-\d+/ })).toBeVisible();
    await expect(guest.getByText("3 Pear Street")).toBeVisible();
    // The items come as a table on wide screens and as cards on phones: the visible one names the product.
    await expect(guest.getByText(product.name).filter({ visible: true }).first()).toBeVisible();

    // Another guest's order (placed through the API, no cookie): the first guest's token must not open it.
    const placed = await request.post("/api/v1/orders", {
      data: {
        items: [{ productId: product.id, quantity: 1 }],
        shippingAddress: { name: "Other Guest", line1: "9 Plum Road", city: "Salem", postalCode: "97301", country: "US" },
        payment: { method: "test_card", cardNumber: TEST_CARD_SUCCESS, expiry: "12/49", cvc: "123" },
        email: `e2e-other-${Date.now()}@example.test`,
      },
    });
    expect(placed.status()).toBe(201);
    const other = (await placed.json()) as Order;
    expect(other.id).not.toBe(orderId);
    const token = new URL(path, "http://x").searchParams.get("access")!;
    const crossed = await guest.request.get(`/api/v1/orders/${other.id}?access=${encodeURIComponent(token)}`);
    expect(crossed.status()).toBe(404);
    await guest.goto(`/orders/${other.id}?access=${encodeURIComponent(token)}`);
    await expect(guest.getByRole("heading", { name: "Order not found" })).toBeVisible();
  });
});
