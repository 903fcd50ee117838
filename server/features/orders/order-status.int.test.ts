import { and, eq } from "drizzle-orm";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, orderEvents, orders } from "@shared/schema";
import { orderStatuses, canTransition, type OrderStatus } from "@shared/contracts/orders";
import { bearerFor, signedInAgent } from "../../test/agents";
import { makeOrder, makeProduct, makeUser } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { orderBody, stockOf, transactionsOfOrders } from "../../test/orders";

let t: TestApp;
let staff: Awaited<ReturnType<typeof bearerFor>>;

beforeAll(async () => {
  t = await createTestApp();
  staff = await bearerFor(t, "staff");
});

const setStatus = (authorization: string, id: string, status: string) =>
  request(t.app).post(`/api/v1/orders/${id}/status`).set("Authorization", authorization).send({ status });
const cancel = (authorization: string, id: string) => request(t.app).post(`/api/v1/orders/${id}/cancel`).set("Authorization", authorization);
const eventCount = async (orderId: string) => (await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId))).length;

async function placePaidOrder(buyer: { authorization: string }, productId: string, quantity = 1) {
  const res = await request(t.app)
    .post("/api/v1/orders")
    .set("Authorization", buyer.authorization)
    .send(orderBody([{ productId, quantity }]));
  expect(res.status).toBe(201);
  return res.body as { id: string; totalCents: number };
}

describe("order status machine", () => {
  const pairs = orderStatuses.flatMap((from) => orderStatuses.map((to) => ({ from, to, allowed: canTransition(from, to) })));

  it("when the machine is listed, then exactly the contract's five moves are allowed", () => {
    expect(pairs.filter((p) => p.allowed).map((p) => `${p.from}→${p.to}`)).toEqual([
      "pending→paid",
      "pending→cancelled",
      "paid→shipped",
      "paid→cancelled",
      "shipped→delivered",
    ]);
  });

  it.each(pairs)(
    "when staff moves an order from $from to $to, then allowed=$allowed decides between 200 with one new event and 409",
    async ({ from, to, allowed }) => {
      const customer = await makeUser(t.db);
      const product = await makeProduct(t.db, { stock: 5 });
      const order = await makeOrder(t.db, { userId: customer.id, productId: product.id, quantity: 2, status: from as OrderStatus });
      const eventsBefore = await eventCount(order.id);

      const res = await setStatus(staff.authorization, order.id, to);
      const [stored] = await t.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
      if (allowed) {
        expect(res.status).toBe(200);
        expect(res.body.status).toBe(to);
        expect(stored!.status).toBe(to);
        expect(await eventCount(order.id)).toBe(eventsBefore + 1);
        expect(res.body.events.at(-1)).toEqual({ status: to, at: expect.any(String), actor: staff.user.id });
        // Cancelling gives the order's units back (the factory order never took them: 5 + 2).
        expect(await stockOf(t.db, product.id)).toBe(to === "cancelled" ? 7 : 5);
        const refunds = (await transactionsOfOrders(t.db, [order.id])).filter((x) => x.kind === "refund");
        expect(refunds).toHaveLength(from === "paid" && to === "cancelled" ? 1 : 0);
      } else {
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe("invalid_transition");
        expect(stored!.status).toBe(from);
        expect(await eventCount(order.id)).toBe(eventsBefore);
        expect(await stockOf(t.db, product.id)).toBe(5);
      }
    },
  );

  it("when an unknown status is sent, then it is 400", async () => {
    const customer = await makeUser(t.db);
    const order = await makeOrder(t.db, { userId: customer.id, productId: (await makeProduct(t.db)).id, status: "paid" });
    expect((await setStatus(staff.authorization, order.id, "refunded")).status).toBe(400);
  });

  it("when two cancels of one paid order race, then one wins: one refund, stock restored once, the other gets 409", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 10 });
    const order = await placePaidOrder(buyer, product.id, 3);
    expect(await stockOf(t.db, product.id)).toBe(7);

    const { port } = await t.listen();
    const cancelOnce = (authorization: string) =>
      fetch(`http://127.0.0.1:${port}/api/v1/orders/${order.id}/cancel`, { method: "POST", headers: { authorization } }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { error: { code: string } },
      }));
    const results = await Promise.all([cancelOnce(buyer.authorization), cancelOnce(staff.authorization), cancelOnce(buyer.authorization)]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === "invalid_transition")).toBe(true);
    expect(await stockOf(t.db, product.id)).toBe(10);
    const txns = await transactionsOfOrders(t.db, [order.id]);
    expect(txns.filter((x) => x.kind === "refund")).toEqual([
      expect.objectContaining({ status: "succeeded", amountCents: order.totalCents, provider: "test_card" }),
    ]);
    const events = await t.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.status, "cancelled")));
    expect(events).toHaveLength(1);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, order.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["order.cancelled", "order.created", "order.refunded", "order.status_changed"]);
  });

  it("when the owner cancels a pending or paid order, then it is cancelled; a shipped one cannot be (409)", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 10 });
    const paid = await placePaidOrder(buyer, product.id);
    const res = await cancel(buyer.authorization, paid.id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("cancelled");
    expect(res.body.events.map((e: { status: string }) => e.status)).toEqual(["pending", "paid", "cancelled"]);

    const pending = await makeOrder(t.db, { userId: buyer.user.id, productId: product.id, status: "pending" });
    expect((await cancel(buyer.authorization, pending.id)).status).toBe(200);
    const shipped = await makeOrder(t.db, { userId: buyer.user.id, productId: product.id, status: "shipped" });
    const late = await cancel(buyer.authorization, shipped.id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("invalid_transition");
  });

  it("when a cookie session cancels, then the CSRF token is required like any write", async () => {
    const { agent, user } = await signedInAgent(t, "customer");
    const order = await makeOrder(t.db, { userId: user.id, productId: (await makeProduct(t.db)).id, status: "paid" });
    const withoutToken = await agent.post(`/api/v1/orders/${order.id}/cancel`).set("X-CSRF-Token", "wrong");
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error.code).toBe("csrf_failed");
  });
});

describe("who may see and touch an order", () => {
  it("when customer B asks for customer A's order, its transactions or its cancel, then each is 404 and nothing changes", async () => {
    const a = await bearerFor(t, "customer");
    const b = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 5 });
    const order = await placePaidOrder(a, product.id);
    for (const res of [
      await request(t.app).get(`/api/v1/orders/${order.id}`).set("Authorization", b.authorization),
      await request(t.app).get(`/api/v1/orders/${order.id}/transactions`).set("Authorization", b.authorization),
      await cancel(b.authorization, order.id),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    const [stored] = await t.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(stored!.status).toBe("paid");
  });

  it("when a customer tries to move a status, then it is 403, even on their own order", async () => {
    const buyer = await bearerFor(t, "customer");
    const order = await placePaidOrder(buyer, (await makeProduct(t.db)).id);
    const res = await setStatus(buyer.authorization, order.id, "shipped");
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });

  it("when staff reads an order's transactions, then the charge is listed; the owner gets 403 for them", async () => {
    const buyer = await bearerFor(t, "customer");
    const order = await placePaidOrder(buyer, (await makeProduct(t.db)).id);
    const res = await request(t.app).get(`/api/v1/orders/${order.id}/transactions`).set("Authorization", staff.authorization);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        {
          id: expect.any(String),
          kind: "charge",
          status: "succeeded",
          amountCents: order.totalCents,
          currency: "USD",
          provider: "test_card",
          reference: expect.stringMatching(/^ch_/),
          createdAt: expect.any(String),
        },
      ],
    });
    expect((await request(t.app).get(`/api/v1/orders/${order.id}/transactions`).set("Authorization", buyer.authorization)).status).toBe(403);
  });

  it("when staff or an admin reads any order, then it is 200; an unknown id is 404", async () => {
    const buyer = await bearerFor(t, "customer");
    const admin = await bearerFor(t, "admin");
    const order = await placePaidOrder(buyer, (await makeProduct(t.db)).id);
    expect((await request(t.app).get(`/api/v1/orders/${order.id}`).set("Authorization", staff.authorization)).status).toBe(200);
    expect((await request(t.app).get(`/api/v1/orders/${order.id}`).set("Authorization", admin.authorization)).status).toBe(200);
    expect((await request(t.app).get("/api/v1/orders/6b0f3f0e-8d4c-4c1e-9a57-00000000abcd").set("Authorization", staff.authorization)).status).toBe(404);
    expect((await request(t.app).get("/api/v1/orders/not-a-uuid").set("Authorization", staff.authorization)).status).toBe(400);
  });
});
