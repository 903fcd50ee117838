import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/seed-data";
import { fillSignIn } from "./fixtures/accounts";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";

const demoAdmin = DEMO_USERS.find((u) => u.role === "admin")!;

test("when an admin adds a webhook endpoint, then the secret is shown once, the endpoint can be disabled and re-enabled, and a ping shows under its deliveries", async ({
  page,
}) => {
  test.slow(); // two accessibility scans and a cold admin chunk
  // A public IP literal: accepted without DNS and without WEBHOOK_ALLOW_PRIVATE_TARGETS (nothing listens there).
  const url = `https://203.0.114.${Date.now() % 200}/hooks`;
  await page.goto("/login");
  await fillSignIn(page, demoAdmin.email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: `Account: ${demoAdmin.name}` })).toBeVisible();

  await page.goto("/admin/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

  await test.step("the form checks the shared schema before sending", async () => {
    await page.getByRole("button", { name: "New endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "New webhook endpoint" });
    await dialog.getByRole("button", { name: "Create endpoint" }).click();
    await expect(dialog.getByText("Choose at least one event")).toBeVisible();
    await dialog.getByLabel("URL").fill("http://127.0.0.1:9/hooks");
    await dialog.getByRole("checkbox", { name: "order.paid" }).check();
    await dialog.getByRole("button", { name: "Create endpoint" }).click();
    await expect(dialog.getByText(/private, loopback or link-local/)).toBeVisible(); // the server's SSRF refusal, on the URL field
    await dialog.getByLabel("URL").fill(url);
    await dialog.getByRole("checkbox", { name: "order.cancelled" }).check();
    await expectNoSeriousA11yViolations(page, "new webhook dialog");
    await dialog.getByRole("button", { name: "Create endpoint" }).click();
  });

  await test.step("the secret is revealed once", async () => {
    const secretDialog = page.getByRole("dialog", { name: "Copy the signing secret now" });
    await expect(secretDialog.getByTestId("webhook-secret")).toHaveText(/^whsec_[A-Za-z0-9+/=]{44}$/);
    await secretDialog.getByRole("button", { name: "I have stored the secret" }).click();
    await expect(page.getByText(/whsec_/)).toHaveCount(0);
  });

  const row = page.getByRole("row").filter({ hasText: url });
  await test.step("disable and enable", async () => {
    await expect(row).toContainText("order.paid");
    await row.getByRole("button", { name: `Disable ${url}` }).click();
    await expect(row).toContainText("Disabled");
    await expect(row.getByRole("button", { name: `Ping ${url}` })).toBeDisabled();
    await row.getByRole("button", { name: `Enable ${url}` }).click();
    await expect(row).toContainText("Enabled");
  });

  await test.step("a ping appears under the endpoint's deliveries with its payload", async () => {
    await row.getByRole("button", { name: `Ping ${url}` }).click();
    await row.getByRole("link", { name: `Deliveries of ${url}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhook deliveries" })).toBeVisible();
    const delivery = page.getByRole("list", { name: "Deliveries" }).getByRole("listitem").first();
    await expect(delivery).toContainText("webhook.ping");
    await delivery.locator("summary").click();
    await expect(delivery.getByText('"type": "webhook.ping"')).toBeVisible();
    await expectNoSeriousA11yViolations(page, "webhook deliveries");
  });
});
