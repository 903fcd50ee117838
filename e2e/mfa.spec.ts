import { expect, test } from "@playwright/test";
import { generateSync } from "otplib";
import { csrfToken, fillSignIn, NEW_ACCOUNT_PASSWORD, registerShopper } from "./fixtures/accounts";

/** The authenticator app's code, computed from the secret the page shows (a later step: the enrolment code is spent). */
const codeFor = (secret: string, stepsAhead = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

test("when a user turns on two-factor sign-in, then signing in asks for the code after the password", async ({ page }) => {
  const account = await registerShopper(page, "mfa");
  let secret = "";

  await test.step("set up TOTP on the account page and see the recovery codes once", async () => {
    await page.goto("/account");
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    secret = (await page.locator("code").first().innerText()).trim();
    await page.getByLabel("Code from your authenticator app").fill(codeFor(secret));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await page.getByRole("button", { name: "I have saved them" }).click();
    await expect(page.getByText("Recovery codes left: 10")).toBeVisible();
  });

  await test.step("sign out, then the password alone does not sign in", async () => {
    await page.request.post("/api/v1/auth/logout", { headers: { "X-CSRF-Token": await csrfToken(page.request) } });
    await page.goto("/login");
    await fillSignIn(page, account.email, NEW_ACCOUNT_PASSWORD);
    await expect(page.getByLabel("Code from your authenticator app")).toBeVisible();
    expect((await page.request.get("/api/v1/auth/me")).status()).toBe(401);
  });

  await test.step("the code completes the sign-in", async () => {
    await page.getByLabel("Code from your authenticator app").fill(codeFor(secret, 1));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page.getByRole("button", { name: `Account: ${account.name}` })).toBeVisible();
  });
});
