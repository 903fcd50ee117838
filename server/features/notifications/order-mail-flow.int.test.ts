import request from "supertest";
import { eq, sql, type SQL } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_CARD_DECLINE, type Order } from "@shared/contracts/orders";
import { jobs } from "@shared/schema";
import { bearerFor } from "../../test/agents";
import { makeProduct, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { orderBody, ordersOfUser, ordersServiceWith } from "../../test/orders";
import { startSmtpSink, type SmtpSink } from "../../test/smtp-sink";
import { waitFor } from "../../test/wait-for";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/webhook-receiver";
import { createCatalogStock } from "../catalog/catalog.stock";
import { enqueueOrderNotify } from "./order-notify";

/**
 * The whole path a shopper and a receiving system see: real checkouts and status changes over HTTP, the job
 * queue's workers, a real SMTP server (mails parsed with mailparser) and a real HTTP receiver that checks every
 * webhook signature with the standardwebhooks verifier.
 */
let smtp: SmtpSink;
let receiver: WebhookReceiver;
let t: TestApp;
let staff: Awaited<ReturnType<typeof bearerFor>>;
let secret: string;
let hookPath: string;

beforeAll(async () => {
  smtp = await startSmtpSink();
  receiver = await startWebhookReceiver();
  t = await createTestApp({
    SMTP_URL: smtp.url,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    WEBHOOK_RETRY_BASE_SECONDS: "0",
    PUBLIC_BASE_URL: "https://shop.example.test",
    TAX_RATE_BPS: "800",
    SHIPPING_FLAT_CENTS: "599",
    FREE_SHIPPING_THRESHOLD_CENTS: "5000",
  });
  staff = await bearerFor(t, "staff");
  const admin = await bearerFor(t, "admin");
  hookPath = `/flow-${uniqueSuffix()}`;
  const res = await request(t.app)
    .post("/api/v1/webhooks")
    .set("Authorization", admin.authorization)
    .send({ url: receiver.url(hookPath), events: ["order.created", "order.paid", "order.status_changed", "order.cancelled"] })
    .expect(201);
  secret = res.body.secret as string;
  t.services.jobs.start({ pollMs: 20, concurrency: 4 });
});
afterAll(async () => {
  await t.services.jobs.stop(1_000);
  await Promise.all([smtp.close(), receiver.close()]);
});

type OrderEvent = { type: string; data: { id: string; status: string; previousStatus?: string } };

/** Verified webhook events about one order (verify() throws on a bad signature), in arrival order. */
const eventsFor = (orderId: string) =>
  receiver
    .at(hookPath)
    .map((r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as OrderEvent)
    .filter((e) => e.data.id === orderId);
const typesFor = (orderId: string) => eventsFor(orderId).map((e) => e.type);

const checkout = (authorization: string, productId: string, card?: string) =>
  request(t.app)
    .post("/api/v1/orders")
    .set("Authorization", authorization)
    .send(orderBody([{ productId, quantity: 2 }], card));
const setStatus = (id: string, status: string) =>
  request(t.app).post(`/api/v1/orders/${id}/status`).set("Authorization", staff.authorization).send({ status }).expect(200);

/** Lets any mail or event that should not exist arrive before asserting it did not. */
const settle = () => new Promise((r) => setTimeout(r, 500));

describe("order e-mails and webhooks from real checkouts", () => {
  it("when an order is paid and then shipped and delivered, then exactly one mail of each kind arrives with the order's number and totals", async () => {
    const buyer = await bearerFor(t, "customer", { name: "Ada Buyer" });
    const product = await makeProduct(t.db, { name: `Medlar ${uniqueSuffix()}`, priceCents: 2_500, stock: 10 });
    const res = await checkout(buyer.authorization, product.id).expect(201);
    const order = res.body as Order;
    expect(order).toMatchObject({ status: "paid", subtotalCents: 5_000, taxCents: 400, shippingCents: 0, totalCents: 5_400 });

    await waitFor(() => smtp.to(buyer.user.email).length === 1, 15_000, "the confirmation mail");
    const [confirmation] = smtp.to(buyer.user.email);
    expect(confirmation!.subject).toBe(`Order ${order.number} confirmed`);
    expect(confirmation!.text).toContain(product.name);
    expect(confirmation!.text).toMatch(/Subtotal\s+\$50\.00/);
    expect(confirmation!.text).toMatch(/Tax\s+\$4\.00/);
    expect(confirmation!.text).toMatch(/Total\s+\$54\.00/);
    expect(confirmation!.text).toContain(`https://shop.example.test/orders/${order.id}`);
    await waitFor(() => eventsFor(order.id).length === 3, 15_000, "created, paid, status_changed");
    expect(typesFor(order.id).sort()).toEqual(["order.created", "order.paid", "order.status_changed"]);

    await setStatus(order.id, "shipped");
    await waitFor(() => smtp.to(buyer.user.email).length === 2, 15_000, "the shipped mail");
    expect(smtp.to(buyer.user.email)[1]!.subject).toBe(`Order ${order.number} has shipped`);
    await setStatus(order.id, "delivered");
    await waitFor(() => smtp.to(buyer.user.email).length === 3, 15_000, "the delivered mail");
    expect(smtp.to(buyer.user.email)[2]!.subject).toBe(`Order ${order.number} was delivered`);

    await waitFor(() => eventsFor(order.id).length === 5, 15_000, "two more status_changed events");
    await settle();
    expect(smtp.to(buyer.user.email).map((m) => m.subject)).toEqual([
      `Order ${order.number} confirmed`,
      `Order ${order.number} has shipped`,
      `Order ${order.number} was delivered`,
    ]);
    const changes = eventsFor(order.id).filter((e) => e.type === "order.status_changed");
    expect(changes.map((e) => `${e.data.previousStatus}->${e.data.status}`)).toEqual(["pending->paid", "paid->shipped", "shipped->delivered"]);
  });

  it("when the card is declined, then no mail is sent and the order's created and cancelled events still go out", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { priceCents: 1_000, stock: 10 });
    await checkout(buyer.authorization, product.id, TEST_CARD_DECLINE).expect(402);
    const [order] = await ordersOfUser(t.db, buyer.user.id);
    expect(order!.status).toBe("cancelled");

    await waitFor(() => eventsFor(order!.id).length === 3, 15_000, "created, cancelled, status_changed");
    await settle();
    expect(typesFor(order!.id).sort()).toEqual(["order.cancelled", "order.created", "order.status_changed"]);
    expect(smtp.to(buyer.user.email)).toHaveLength(0);
  });

  it("when staff cancel a paid order, then the shopper gets one confirmation and one cancelled-and-refunded mail", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { priceCents: 3_000, stock: 10 });
    const order = (await checkout(buyer.authorization, product.id).expect(201)).body as Order;
    await setStatus(order.id, "cancelled");

    await waitFor(() => smtp.to(buyer.user.email).length === 2, 15_000, "two mails");
    await settle();
    const subjects = smtp.to(buyer.user.email).map((m) => m.subject);
    expect(subjects.sort()).toEqual([`Order ${order.number} cancelled and refunded`, `Order ${order.number} confirmed`].sort());
    const refund = smtp.to(buyer.user.email).find((m) => m.subject!.includes("refunded"))!;
    expect(refund.text).toContain(`We refunded $${(order.totalCents / 100).toFixed(2)}`);
    await waitFor(() => typesFor(order.id).includes("order.cancelled"), 15_000, "order.cancelled");
  });

  it("when the order's transaction rolls back, then no order, no job, no mail and no event exist", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { priceCents: 2_000, stock: 10 });
    const realStock = createCatalogStock(t.db);
    // The placing statement fails in the database once it has decided to write (ADR 075: one statement, so all of it rolls back).
    const failingStock = {
      ...realStock,
      checkoutSql: { ...realStock.checkoutSql, takeCtes: (takeWhen: SQL) => realStock.checkoutSql.takeCtes(sql`(${takeWhen} and 1 / 0 = 1)`) },
    };
    const orders = ordersServiceWith(t, {
      stock: failingStock,
      fingerprintKey: Buffer.alloc(32, 7),
      notify: (change, tx) => enqueueOrderNotify(t.services.jobs, change, tx),
    });
    const notifyJobs = async () => (await t.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.kind, "order.notify"))).length;
    const jobsBefore = await notifyJobs();
    await expect(
      orders.create({ id: buyer.user.id, email: buyer.user.email, role: "customer" }, orderBody([{ productId: product.id }]), undefined, {}),
    ).rejects.toThrow(/Failed query/);

    await settle();
    expect(await ordersOfUser(t.db, buyer.user.id)).toEqual([]);
    expect(smtp.to(buyer.user.email)).toHaveLength(0);
    expect(await notifyJobs()).toBe(jobsBefore);
  });
});
