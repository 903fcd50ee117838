import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/seed-data";
import { signInAs } from "./fixtures/accounts";

const demoAdmin = DEMO_USERS.find((u) => u.role === "admin")!;

// Issue 16 §4 (ADR 073): maintenance closes the storefront to shoppers, not to admins or the probes; the admin
// settings page switches it back and purges the cache. One anonymous page and one admin page for the whole journey.
test("when an admin turns maintenance on, then shoppers get the maintenance page while the admin signs in and turns it off from the console", async ({
  page,
  browser,
  request,
}) => {
  test.slow(); // two cold lazy chunks (admin console, settings)
  const { accessToken } = (await (await request.post("/api/v1/auth/token", { data: { email: demoAdmin.email, password: DEMO_PASSWORD } })).json()) as {
    accessToken: string;
  };
  const setMaintenance = (on: boolean) =>
    request.patch("/api/v1/settings/flags", { headers: { Authorization: `Bearer ${accessToken}` }, data: { maintenanceMode: on } });
  expect((await setMaintenance(true)).status()).toBe(200);
  try {
    await test.step("an anonymous visitor gets a 503 document and the maintenance page; readiness stays 200", async () => {
      const response = await page.goto("/");
      expect(response?.status()).toBe(503);
      expect(response?.headers()["retry-after"]).toBe("60");
      await expect(page.getByRole("heading", { level: 1, name: "We’ll be right back" })).toBeVisible();
      await expect(page).toHaveTitle("Back soon · FruitfulPlanet");
      expect((await request.get("/api/health/readiness")).status()).toBe(200);
    });

    const admin = await signInAs(browser, demoAdmin.email, "/admin/settings");
    await test.step("an admin still signs in and switches maintenance off on the settings page", async () => {
      await expect(admin.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
      const maintenance = admin.getByRole("switch", { name: /Maintenance mode/ });
      await expect(maintenance).toBeChecked();
      await maintenance.uncheck();
      await admin.getByRole("button", { name: "Save flags" }).click();
      await expect(admin.getByText("Flags saved")).toBeVisible();
    });

    await test.step("the purge asks for confirmation, then reports what it emptied", async () => {
      await admin.getByRole("textbox", { name: "Namespace" }).fill("catalog");
      await admin.getByRole("button", { name: "Purge cache" }).click();
      const dialog = admin.getByRole("dialog", { name: "Purge the cache?" });
      await expect(dialog).toContainText("the “catalog” cache");
      await dialog.getByRole("button", { name: "Purge" }).click();
      await expect(admin.getByText("Cache purged")).toBeVisible();
      await admin.context().close();
    });

    await test.step("the visitor's page opens the shop again", async () => {
      await page.getByRole("button", { name: "Check again now" }).click();
      await expect(page.getByTestId("maintenance-page")).toHaveCount(0);
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("We’ll be right back");
    });
  } finally {
    await setMaintenance(false);
  }
});
