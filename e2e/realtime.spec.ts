import { expect, test, type Page } from "@playwright/test";
import type { Order } from "../shared/contracts/orders";
import { DEMO_USERS } from "../server/seed/seed-data";
import { registerShopper, signInAs } from "./fixtures/accounts";
import { placeOrderViaApi } from "./fixtures/orders";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";

const demoStaff = DEMO_USERS.find((u) => u.role === "staff")!;

const numberIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).getByTestId("kpi-value").textContent())?.replace(/[^\d.]/g, ""));

test("when staff ship an order, then the shopper's open order page shows it shipped without a reload, and the live dashboard moves and lists the new order", async ({
  page,
  browser,
}) => {
  const staff = await signInAs(browser, demoStaff.email, "/dashboard");
  let order: Order;
  let ordersBefore = 0;

  await test.step("the dashboard loads, goes live and its charts advance every second", async () => {
    await expect(staff.getByRole("heading", { level: 1, name: "Live dashboard" })).toBeVisible();
    await expect(staff.getByTestId("connection-status")).toHaveText(/Live/);
    const chart = staff.getByTestId("chart-requests");
    await expect(chart).toHaveAttribute("data-last-at", /\d+/);
    const firstAt = Number(await chart.getAttribute("data-last-at"));
    // A snapshot a second: within a few seconds the newest point has moved on (no reload, no refetch).
    await expect.poll(async () => Number(await chart.getAttribute("data-last-at")), { timeout: 10_000 }).toBeGreaterThan(firstAt);
    await expect(chart.getByRole("application", { name: "Request rate" })).toBeVisible();
    ordersBefore = await numberIn(staff, "kpi-orders");
    // One server in this run: the per-replica table (ADR 049) has its header row and one row for it.
    const servers = staff.getByTestId("replicas-table");
    await expect(servers.getByRole("row")).toHaveCount(2);
    await expect(servers.getByRole("rowheader")).toContainText("this page's server");
  });

  await test.step("a shopper places an order and keeps its page open", async () => {
    const shopper = await registerShopper(page, "realtime");
    order = await placeOrderViaApi(page, shopper.name);
    expect(order.status).toBe("paid");
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${order.number}`);
    await expect(page.getByRole("main").getByTestId("order-status").first()).toHaveText("Paid");
    // Survives only if the page is never reloaded or navigated away from.
    await page.evaluate(() => Object.assign(window, { __realtimeMarker: "still here" }));
  });

  await test.step("the dashboard's feed shows the new order and the orders figure rises", async () => {
    const feedItem = staff.getByTestId("latest-order").filter({ hasText: order.number });
    await expect(feedItem).toBeVisible();
    await expect(feedItem).toContainText(order.shippingAddress.name);
    await expect(feedItem).toContainText("$");
    await expect.poll(() => numberIn(staff, "kpi-orders"), { timeout: 10_000 }).toBeGreaterThan(ordersBefore);
    await expectNoSeriousA11yViolations(staff, "dashboard");
  });

  await test.step("staff open the order from the feed and mark it shipped", async () => {
    await staff.getByTestId("latest-order").filter({ hasText: order.number }).getByRole("link", { name: order.number }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText(order.number);
    await staff.getByRole("button", { name: "Mark as shipped" }).click();
    await expect(staff.getByTestId("toast").filter({ hasText: `${order.number} is now shipped` })).toBeVisible();
  });

  await test.step("the shopper's page shows shipped at once: badge, timeline and a toast, with no reload", async () => {
    await expect(page.getByRole("main").getByTestId("order-status").first()).toHaveText("Shipped");
    await expect(page.getByTestId("timeline-event").last()).toHaveAttribute("data-status", "shipped");
    await expect(page.getByTestId("toast").filter({ hasText: `Order ${order.number} is now shipped` })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __realtimeMarker?: string }).__realtimeMarker)).toBe("still here");
    expect(new URL(page.url()).pathname).toBe(`/orders/${order.id}`);
  });

  await staff.context().close();
});
