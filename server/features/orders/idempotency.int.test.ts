import { and, eq, sql, type SQL } from "drizzle-orm";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { idempotencyKeys } from "@shared/schema";
import { TEST_CARD_DECLINE } from "@shared/contracts/orders";
import { bearerFor } from "../../test/agents";
import { makeProduct, makeUser, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { createCatalogStock } from "../catalog/catalog.stock";
import { checkoutKey, orderBody, ordersOfUser, ordersServiceWith, stockOf, transactionsOfOrders } from "../../test/orders";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

const post = (authorization: string, key: string | undefined, body: unknown) => {
  const req = request(t.app).post("/api/v1/orders").set("Authorization", authorization);
  return (key === undefined ? req : req.set("Idempotency-Key", key)).send(body as object);
};
const newKey = () => `checkout-${uniqueSuffix()}-${uniqueSuffix()}`;

describe("Idempotency-Key on POST /api/v1/orders", () => {
  it("when a successful request is replayed with the same key, then the same order comes back marked as a replay, with no second order or charge", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 10 });
    const key = newKey();
    const body = orderBody([{ productId: product.id, quantity: 2 }]);
    const first = await post(buyer.authorization, key, body);
    expect(first.status).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const replay = await post(buyer.authorization, key, body);
    expect(replay.status).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.body).toEqual(first.body);

    expect(await ordersOfUser(t.db, buyer.user.id)).toHaveLength(1);
    expect(await transactionsOfOrders(t.db, [first.body.id])).toHaveLength(1);
    expect(await stockOf(t.db, product.id)).toBe(8);
  });

  it("when the same body arrives with its keys in another order, then it is still the same request", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db);
    const key = newKey();
    const body = orderBody([{ productId: product.id }]);
    const first = await post(buyer.authorization, key, body);
    const reordered = { payment: body.payment, shippingAddress: Object.fromEntries(Object.entries(body.shippingAddress!).reverse()), items: body.items };
    const replay = await post(buyer.authorization, key, reordered);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
  });

  it("when 20 requests with one key arrive at once, then exactly one order is created and the others are told it is in progress or get the replay", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 100 });
    const key = newKey();
    const body = orderBody([{ productId: product.id }]);
    const { port } = await t.listen();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`http://127.0.0.1:${port}/api/v1/orders`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: buyer.authorization, "idempotency-key": key },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id?: string; error?: { code: string } } })),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    const inProgress = responses.filter((r) => r.status === 409);
    expect(created.length + inProgress.length).toBe(20);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(inProgress.every((r) => r.body.error?.code === "idempotency_in_progress")).toBe(true);

    const orders = await ordersOfUser(t.db, buyer.user.id);
    expect(orders).toHaveLength(1);
    expect(await transactionsOfOrders(t.db, [orders[0]!.id])).toHaveLength(1);
    expect(await stockOf(t.db, product.id)).toBe(99);
  });

  it("when the same key comes with a different body, then it is 422 idempotency_key_reused and nothing new is ordered", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 10 });
    const key = newKey();
    await post(buyer.authorization, key, orderBody([{ productId: product.id }])).expect(201);
    const reused = await post(buyer.authorization, key, orderBody([{ productId: product.id, quantity: 2 }]));
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("idempotency_key_reused");
    expect(await ordersOfUser(t.db, buyer.user.id)).toHaveLength(1);
    expect(await stockOf(t.db, product.id)).toBe(9);
  });

  it("when two users send the same key, then each gets an order of their own (keys are scoped to the user)", async () => {
    const first = await bearerFor(t, "customer");
    const second = await bearerFor(t, "customer");
    const product = await makeProduct(t.db);
    const key = newKey();
    const a = await post(first.authorization, key, orderBody([{ productId: product.id }]));
    const b = await post(second.authorization, key, orderBody([{ productId: product.id }]));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it("when a declined payment is retried with the same key, then the stored 402 is replayed without a second charge attempt", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 5 });
    const key = newKey();
    const body = orderBody([{ productId: product.id }], TEST_CARD_DECLINE);
    const first = await post(buyer.authorization, key, body);
    expect(first.status).toBe(402);
    const replay = await post(buyer.authorization, key, body);
    expect(replay.status).toBe(402);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.body.error).toMatchObject({ code: "payment_declined", message: first.body.error.message });
    const orders = await ordersOfUser(t.db, buyer.user.id);
    expect(orders).toHaveLength(1);
    expect(await transactionsOfOrders(t.db, [orders[0]!.id])).toHaveLength(1);
  });

  it("when an out-of-stock answer is replayed after a restock, then the stored 409 comes back (the key remembers its answer)", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 0 });
    const key = newKey();
    const body = orderBody([{ productId: product.id }]);
    expect((await post(buyer.authorization, key, body)).status).toBe(409);
    await t.db.execute(sql`update products set stock = 5 where id = ${product.id}`);
    await t.db.execute(sql`update product_variants set stock = 5 where product_id = ${product.id}`);
    const replay = await post(buyer.authorization, key, body);
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe("out_of_stock");
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    // A new key is a new attempt.
    expect((await post(buyer.authorization, newKey(), body)).status).toBe(201);
  });

  it("when the key is malformed, then it is 400 naming the header", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db);
    for (const key of ["short", "x".repeat(256), "has spaces inside"]) {
      const res = await post(buyer.authorization, key, orderBody([{ productId: product.id }]));
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe("Idempotency-Key");
    }
    expect(await ordersOfUser(t.db, buyer.user.id)).toHaveLength(0);
  });

  it("when a key has expired, then it may be used again, even for a different body, and the user's other expired keys are purged", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 10 });
    const key = newKey();
    const other = newKey();
    await post(buyer.authorization, key, orderBody([{ productId: product.id }])).expect(201);
    await post(buyer.authorization, other, orderBody([{ productId: product.id }])).expect(201);
    await t.db
      .update(idempotencyKeys)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(idempotencyKeys.userId, buyer.user.id));

    const fresh = await post(buyer.authorization, key, orderBody([{ productId: product.id, quantity: 3 }]));
    expect(fresh.status).toBe(201);
    expect(fresh.headers["idempotent-replayed"]).toBeUndefined();
    expect(await ordersOfUser(t.db, buyer.user.id)).toHaveLength(3);
    const keys = await t.db
      .select({ key: idempotencyKeys.key, expiresAt: idempotencyKeys.expiresAt })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.userId, buyer.user.id));
    expect(keys.map((k) => k.key)).toEqual([key]);
    // Kept for 24 hours from the new use.
    expect(keys[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
  });

  it("when a request fails with a server error before the order exists, then the key is released and a retry succeeds", async () => {
    const realStock = createCatalogStock(t.db);
    let failures = 1;
    // The placing statement fails inside the database (after its claim of the key, which the failure rolls back).
    const flakyStock = {
      ...realStock,
      checkoutSql: {
        ...realStock.checkoutSql,
        lockCtes: (requested: SQL, lockWhen: SQL) => realStock.checkoutSql.lockCtes(requested, failures-- > 0 ? sql`(1 / 0 = 1)` : lockWhen),
      },
    };
    const orders = ordersServiceWith(t, { stock: flakyStock, fingerprintKey: Buffer.alloc(32, 1) });
    const user = await makeUser(t.db);
    const product = await makeProduct(t.db, { stock: 3 });
    const key = newKey();
    const body = orderBody([{ productId: product.id }]);
    await expect(orders.create(user, body, checkoutKey(key), {})).rejects.toThrow(/Failed query/);
    const left = await t.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, user.id), eq(idempotencyKeys.key, key)));
    expect(left).toEqual([]);
    const retried = await orders.create(user, body, checkoutKey(key), {});
    expect(retried).toMatchObject({ outcome: "placed", replayed: false, order: { status: "paid" } });
    expect(await stockOf(t.db, product.id)).toBe(2);
  });

  it("when no key is sent, then every request is a new order", async () => {
    const buyer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 10 });
    const body = orderBody([{ productId: product.id }]);
    await post(buyer.authorization, undefined, body).expect(201);
    await post(buyer.authorization, undefined, body).expect(201);
    expect(await ordersOfUser(t.db, buyer.user.id)).toHaveLength(2);
  });
});
