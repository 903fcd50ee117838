import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/seed-data";
import { fillSignIn } from "./fixtures/accounts";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";

const demoAdmin = DEMO_USERS.find((u) => u.role === "admin")!;

test("when an admin opens the failed jobs page and the dashboard, then the dead-letter list and the queue card show the job queue", async ({ page }) => {
  test.slow(); // an accessibility scan and two cold lazy chunks
  await page.goto("/login");
  await fillSignIn(page, demoAdmin.email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: `Account: ${demoAdmin.name}` })).toBeVisible();

  await test.step("the admin nav leads to the failed jobs page, which lists dead jobs or says there are none", async () => {
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Failed jobs" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Failed jobs" })).toBeVisible();
    // A fresh shop has no dead jobs; a list, if any, has a Retry button per row.
    await expect(page.getByText("No failed jobs").or(page.getByRole("table", { name: "Failed jobs" }))).toBeVisible();
    await expectNoSeriousA11yViolations(page, "failed jobs page");
  });

  await test.step("the live dashboard has the background jobs card with its five figures", async () => {
    await page.goto("/dashboard");
    const card = page.getByRole("region", { name: "Background jobs" });
    await expect(card).toBeVisible({ timeout: 30_000 }); // the first summary can take a while on a busy machine
    for (const label of ["Waiting", "Running", "Completed", "Oldest waiting", "Failed"]) await expect(card.getByText(label, { exact: true })).toBeVisible();
    await expect(card.getByTestId("queue-rate").getByTestId("queue-value")).toHaveText(/\/s$/);
  });
});
