import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "@shared/contracts/orders";
import { runInTransaction, type TxScope } from "../../db";
import { signedInAgent } from "../../test/agents";
import { makeOrder, makeProduct, makeUser, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { startSmtpSink, type SmtpSink } from "../../test/smtp-sink";
import { waitFor } from "../../test/wait-for";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/webhook-receiver";
import { ORDER_NOTIFY, type OrderNotifyPayload } from "./order-notify";

// End to end through the real job queue: order.notify → mail.send over SMTP and webhook.deliver to a receiver.
let smtp: SmtpSink;
let receiver: WebhookReceiver;
let t: TestApp;
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
  });
  const admin = await signedInAgent(t, "admin");
  hookPath = `/orders-${uniqueSuffix()}`;
  const res = await admin.agent
    .post("/api/v1/webhooks")
    .send({ url: receiver.url(hookPath), events: ["order.created", "order.paid", "order.status_changed", "order.cancelled"] })
    .expect(201);
  secret = res.body.secret as string;
  t.services.jobs.start({ pollMs: 20, concurrency: 4 });
});
afterAll(async () => {
  await t.services.jobs.stop(1_000);
  await Promise.all([smtp.close(), receiver.close()]);
});

async function orderOf(status: "paid" | "shipped" | "cancelled" | "pending") {
  const customer = await makeUser(t.db, { name: "Mary Jackson" });
  const product = await makeProduct(t.db);
  const row = await makeOrder(t.db, { userId: customer.id, productId: product.id, quantity: 2, unitPriceCents: 2500, status, name: product.name });
  return { customer, order: (await t.services.orders.findById(row.id)) as Order };
}

const notify = (payload: OrderNotifyPayload, tx?: TxScope) =>
  t.services.jobs.enqueue(ORDER_NOTIFY, payload, { tx, dedupeKey: `order.notify:${payload.orderId}:${payload.status}` });

/** The verified webhook events the receiver got for an order, in arrival order. */
const eventsFor = (orderId: string) =>
  receiver
    .at(hookPath)
    .map(
      (r) =>
        new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
          type: string;
          data: { id: string; status: string; previousStatus?: string };
        },
    )
    .filter((e) => e.data.id === orderId);

describe("order notifications through the job queue", () => {
  it("when an order is paid (notified twice), then exactly one confirmation mail and one of each webhook event (created, paid, status changed) arrive", async () => {
    const { customer, order } = await orderOf("paid");
    await notify({ orderId: order.id, status: "paid", previousStatus: "pending" });
    await notify({ orderId: order.id, status: "paid", previousStatus: "pending" });

    await waitFor(() => smtp.to(customer.email).length === 1 && eventsFor(order.id).length === 3, 15_000, "the confirmation and three webhook events");
    await new Promise((r) => setTimeout(r, 300)); // nothing else follows
    const [mail] = smtp.to(customer.email);
    expect(smtp.to(customer.email)).toHaveLength(1);
    expect(mail!.subject).toBe(`Order ${order.number} confirmed`);
    expect(mail!.text).toMatch(/Total\s+\$50\.00/);
    expect(
      eventsFor(order.id)
        .map((e) => e.type)
        .sort(),
    ).toEqual(["order.created", "order.paid", "order.status_changed"]);
    expect(eventsFor(order.id).find((e) => e.type === "order.status_changed")!.data.previousStatus).toBe("pending");
  });

  it("when an order is created, shipped and cancelled after payment, then each gets its event and its mail", async () => {
    const created = await orderOf("pending");
    await notify({ orderId: created.order.id, status: "pending", previousStatus: null });
    const shipped = await orderOf("shipped");
    await notify({ orderId: shipped.order.id, status: "shipped", previousStatus: "paid" });
    const refunded = await orderOf("cancelled");
    await notify({ orderId: refunded.order.id, status: "cancelled", previousStatus: "paid" });

    await waitFor(
      () =>
        smtp.to(shipped.customer.email).length === 1 &&
        smtp.to(refunded.customer.email).length === 1 &&
        eventsFor(refunded.order.id).length === 2 &&
        eventsFor(created.order.id).length === 1,
      15_000,
      "mails and events",
    );
    expect(smtp.to(created.customer.email)).toHaveLength(0); // a pending order mails nobody
    expect(eventsFor(created.order.id).map((e) => e.type)).toEqual(["order.created"]);
    expect(smtp.to(shipped.customer.email)[0]!.subject).toBe(`Order ${shipped.order.number} has shipped`);
    expect(smtp.to(refunded.customer.email)[0]!.subject).toBe(`Order ${refunded.order.number} cancelled and refunded`);
    expect(smtp.to(refunded.customer.email)[0]!.text).toContain("We refunded $50.00");
    expect(
      eventsFor(refunded.order.id)
        .map((e) => e.type)
        .sort(),
    ).toEqual(["order.cancelled", "order.status_changed"]);
  });

  it("when the notification is enqueued in a transaction that rolls back, then no mail and no webhook follow", async () => {
    const { customer, order } = await orderOf("paid");
    await expect(
      runInTransaction(t.db, async (tx) => {
        await notify({ orderId: order.id, status: "paid", previousStatus: "pending" }, tx);
        throw new Error("order write failed");
      }),
    ).rejects.toThrow("order write failed");
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.to(customer.email)).toHaveLength(0);
    expect(eventsFor(order.id)).toHaveLength(0);
  });

  it("when the receiver answers 500 three times, then the queue delivers on the fourth attempt with the same webhook-id", async () => {
    const admin = await signedInAgent(t, "admin");
    const path = `/products-${uniqueSuffix()}`;
    const created = await admin.agent
      .post("/api/v1/webhooks")
      .send({ url: receiver.url(path), events: ["product.updated"] })
      .expect(201);
    receiver.answer([500, 500, 500], 200);
    await t.services.webhooks.dispatch("product.updated", { id: crypto.randomUUID() });
    const deliveries = () => admin.agent.get(`/api/v1/webhooks/${created.body.id}/deliveries`).expect(200);
    await waitFor(async () => (await deliveries()).body.data[0]?.status === "succeeded", 15_000, "the delivery to succeed");
    expect(receiver.at(path)).toHaveLength(4);
    expect((await deliveries()).body.data).toEqual([expect.objectContaining({ status: "succeeded", attempts: 4, responseStatus: 200 })]);
    expect(new Set(receiver.at(path).map((r) => r.headers["webhook-id"])).size).toBe(1);
  });
});
