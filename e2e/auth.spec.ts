import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/seed-data";
import type { MailMessage, MailSummary } from "../shared/contracts/mail";
import { fillSignIn, newAccount, NEW_ACCOUNT_PASSWORD, registerAccount, signInAs } from "./fixtures/accounts";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";

const demoAdmin = DEMO_USERS.find((u) => u.role === "admin")!;
const demoShopper = DEMO_USERS.find((u) => u.role === "customer")!;

const accountButton = (page: Page, name: string) => page.getByRole("button", { name: `Account: ${name}` });

async function signIn(page: Page, email: string, password: string, name: string) {
  await page.goto("/login");
  await fillSignIn(page, email, password);
  await expect(accountButton(page, name)).toBeVisible();
}

async function signOut(page: Page, name: string) {
  await accountButton(page, name).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page).toHaveURL("/");
}

test("when a shopper registers, signs out and back in, then an admin promotes them to staff and the audit log shows it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const shopper = newAccount("promote");

  await test.step("register a new account", async () => {
    await page.goto("/register");
    await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "register");
    await page.getByLabel("Name").fill(shopper.name);
    await page.getByLabel("Email").fill(shopper.email);
    await page.getByLabel("Password", { exact: true }).fill("too-short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Must be at least 12 characters")).toBeVisible();
    await page.getByLabel("Password", { exact: true }).fill(NEW_ACCOUNT_PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(accountButton(page, shopper.name)).toBeVisible();
    await expect(page).toHaveURL("/");
  });

  await test.step("sign out", async () => {
    await signOut(page, shopper.name);
  });

  await test.step("a wrong password is refused with one message, the right one signs in", async () => {
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "login");
    await fillSignIn(page, shopper.email, "not-the-password");
    await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect");
    await fillSignIn(page, shopper.email, NEW_ACCOUNT_PASSWORD);
    await expect(accountButton(page, shopper.name)).toBeVisible();
    await accountButton(page, shopper.name).click();
    await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await signOut(page, shopper.name);
  });

  await test.step("the shopper confirms the address from the mailed link (staff roles need it; issue 11)", async () => {
    const admin = await signInAs(browser, demoAdmin.email, "/admin");
    let path: string | undefined;
    await expect
      .poll(
        async () => {
          const outbox = (await (await admin.request.get("/api/v1/mail/outbox?template=email-verification&limit=100")).json()) as { data: MailSummary[] };
          const summary = outbox.data.find((m) => m.to === shopper.email);
          if (!summary) return undefined;
          const message = (await (await admin.request.get(`/api/v1/mail/outbox/${summary.id}`)).json()) as MailMessage;
          path = /https?:\/\/[^/\s]+(\/verify-email\?token=[A-Za-z0-9_-]+)/.exec(message.text)?.[1];
          return path;
        },
        { timeout: 20_000 },
      )
      .toBeTruthy();
    await admin.context().close();
    await page.goto(path!);
    await expect(page.getByTestId("verify-state")).toHaveText(/Your e-mail address is confirmed/);
  });

  await test.step("the admin promotes the new account to staff", async () => {
    await signIn(page, demoAdmin.email, DEMO_PASSWORD, demoAdmin.name);
    await accountButton(page, demoAdmin.name).click();
    await page.getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Admin console" })).toBeVisible();
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
    await page.getByRole("searchbox", { name: "Search" }).fill(shopper.email);
    await expect(page).toHaveURL(/\/admin\/users\?q=/);
    const rows = page.getByTestId("user-row");
    await expect(rows).toHaveCount(1);
    await expectNoSeriousA11yViolations(page, "admin users");
    const roleSelect = page.getByRole("combobox", { name: `Role for ${shopper.name}` });
    await expect(roleSelect).toHaveValue("customer");
    await roleSelect.selectOption("staff");
    await expect(page.getByTestId("toast").filter({ hasText: `${shopper.name} is now Staff` })).toBeVisible();
    await expect(roleSelect).toHaveValue("staff");
    await expect(roleSelect).toBeEnabled();
  });

  await test.step("the audit log shows the role change", async () => {
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("combobox", { name: "Action" }).selectOption("user.role_changed");
    await expect(page).toHaveURL(/action=user\.role_changed/);
    const entry = page.getByTestId("audit-row").filter({ hasText: shopper.email });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(demoAdmin.email);
    await expect(entry).toContainText("Role changed");
    await expect(entry.getByRole("listitem").filter({ hasText: "role:" })).toHaveText(/role:\s*customer\W+changed to\s*staff/);
    await expectNoSeriousA11yViolations(page, "admin audit");
  });
});

test("when a signed-out visitor opens /admin, then they sign in and land back on /admin", async ({ page }) => {
  await page.goto("/admin/audit?action=auth.register");
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/admin/audit?action=auth.register")}`);
  await fillSignIn(page, demoAdmin.email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/admin/audit?action=auth.register");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Action" })).toHaveValue("auth.register");
});

test("when the session ends while an admin page is open, then the next request sends the admin to sign in and back", async ({ page, context }) => {
  await signIn(page, demoAdmin.email, DEMO_PASSWORD, demoAdmin.name);
  await page.goto("/admin/users");
  await expect(page.getByTestId("user-row").first()).toBeVisible();
  await context.clearCookies(); // the session is gone (expired, or signed out elsewhere)
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("staff");
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/admin/users?role=staff")}`);
  await fillSignIn(page, demoAdmin.email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/admin/users?role=staff");
  await expect(page.getByTestId("user-row").first()).toBeVisible();
});

test("when the next parameter points at another site, then sign-in stays on this site", async ({ page }) => {
  await page.goto("/login?next=//evil.example/phish");
  await fillSignIn(page, demoShopper.email, DEMO_PASSWORD);
  await expect(accountButton(page, demoShopper.name)).toBeVisible();
  await expect(page).toHaveURL("/");
});

test("when a customer opens an admin page, then they see the 403 screen and no admin data", async ({ page }) => {
  await signIn(page, demoShopper.email, DEMO_PASSWORD, demoShopper.name);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the shop" })).toBeVisible();
  await expect(page.getByTestId("user-row")).toHaveCount(0);
});

test("when an admin deletes an account after confirming, then it leaves the list and the audit log records it", async ({ page, request }) => {
  const doomed = newAccount("delete");
  await registerAccount(request, doomed);
  await signIn(page, demoAdmin.email, DEMO_PASSWORD, demoAdmin.name);
  await page.goto(`/admin/users?q=${encodeURIComponent(doomed.email)}`);
  await expect(page.getByTestId("user-row")).toHaveCount(1);

  const deleteButton = page.getByRole("button", { name: `Delete ${doomed.name}` });
  await deleteButton.click();
  const dialog = page.getByRole("dialog", { name: `Delete ${doomed.name}'s account?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(doomed.email);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();

  await deleteButton.click();
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: `${doomed.name}'s account was deleted` })).toBeVisible();
  await expect(page.getByText("No users match these filters")).toBeVisible();

  await page.goto(`/admin/audit?action=user.deleted`);
  await expect(page.getByTestId("audit-row").filter({ hasText: doomed.email })).toHaveCount(1);
});
