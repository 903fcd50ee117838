import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../server/seed/seed-data";
import { registerShopper, signInAs } from "./fixtures/accounts";
import { placeOrderViaApi } from "./fixtures/orders";

const demoStaff = DEMO_USERS.find((u) => u.role === "staff")!;

test("when a shopper writes on their order, then staff see it live with the bell ringing, and the shopper sees the reply and the read receipt", async ({
  page,
  browser,
}) => {
  const shopper = await registerShopper(page, "messages");
  const order = await placeOrderViaApi(page, shopper.name);
  const staff = await signInAs(browser, demoStaff.email, `/admin/orders/${order.id}`);
  const staffThread = staff.getByTestId("order-thread");
  await expect(staffThread).toContainText("No messages on this order yet.");

  await page.goto(`/orders/${order.id}`);
  const question = "Could you leave it with my neighbour? <b>thanks</b>";
  await page.getByLabel("Your message").fill(question);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("order-message")).toHaveText(/neighbour\? <b>thanks<\/b>.*· (Sent|Seen)/);

  // Live on the staff page (no reload), shown as text; the bell counts the customer-message notification.
  await expect(staffThread.getByTestId("order-message")).toContainText(question);
  await expect(staff.getByTestId("notification-bell")).toHaveAccessibleName(/Notifications, \d+ unread/);
  // The open thread read it: the shopper's receipt turns to "Seen" without a reload.
  await expect(page.getByTestId("read-receipt")).toHaveText(" · Seen");

  await staff.getByLabel("Reply to the customer").fill("Of course, no problem.");
  await staff.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("order-message").last()).toContainText("Of course, no problem.");
  await expect(staff.getByTestId("read-receipt").last()).toHaveText(" · Seen");

  await staff.getByTestId("notification-bell").click();
  await expect(
    staff
      .getByRole("dialog", { name: "Notifications" })
      .getByTestId("notification")
      .filter({ hasText: `about order ${order.number}` }),
  ).toBeVisible();
  await staff.context().close();
});
