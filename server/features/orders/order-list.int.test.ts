import { eq, sql } from "drizzle-orm";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { orders } from "@shared/schema";
import type { Order } from "@shared/contracts/orders";
import { bearerFor } from "../../test/agents";
import { makeOrder, makeProduct, makeUser } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";

let t: TestApp;
let staff: Awaited<ReturnType<typeof bearerFor>>;

beforeAll(async () => {
  t = await createTestApp();
  staff = await bearerFor(t, "staff");
});

const list = (authorization: string, query: Record<string, string | number> = {}) =>
  request(t.app).get("/api/v1/orders").set("Authorization", authorization).query(query);

async function walk(authorization: string, query: Record<string, string | number>): Promise<Order[]> {
  const all: Order[] = [];
  let cursor: string | undefined;
  do {
    const res = await list(authorization, { ...query, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    all.push(...(res.body.data as Order[]));
    cursor = res.body.pagination.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

describe("GET /api/v1/orders", () => {
  it("when a customer lists, then only their own orders come back, newest first, with items and history", async () => {
    const me = await bearerFor(t, "customer");
    const someoneElse = await makeUser(t.db);
    const product = await makeProduct(t.db, { name: "Plum jar" });
    const older = await makeOrder(t.db, { userId: me.user.id, productId: product.id, status: "paid", name: "Plum jar" });
    const newer = await makeOrder(t.db, { userId: me.user.id, productId: product.id, status: "shipped" });
    await makeOrder(t.db, { userId: someoneElse.id, productId: product.id });

    const res = await list(me.authorization);
    expect(res.status).toBe(200);
    expect(res.body.data.map((o: Order) => o.id)).toEqual([newer.id, older.id]);
    expect(res.body.pagination).toEqual({ nextCursor: null, hasMore: false });
    const paid = res.body.data[1] as Order;
    expect(paid.items).toEqual([
      {
        productId: product.id,
        variantId: expect.any(String),
        sku: product.slug,
        optionValues: {},
        name: "Plum jar",
        unitPriceCents: 1000,
        quantity: 1,
        lineTotalCents: 1000,
      },
    ]);
    expect(paid.events.map((e) => e.status)).toEqual(["pending", "paid"]);
  });

  it("when a card was declined, then the cancelled-before-payment order is not in the shopper's list but staff still see it", async () => {
    const me = await bearerFor(t, "customer");
    const product = await makeProduct(t.db);
    const declined = await makeOrder(t.db, { userId: me.user.id, productId: product.id, status: "cancelled" });
    const paidThenCancelled = await makeOrder(t.db, { userId: me.user.id, productId: product.id, status: "paid" });
    await t.db.update(orders).set({ status: "cancelled" }).where(eq(orders.id, paidThenCancelled.id));

    const mine = await list(me.authorization);
    expect(mine.body.data.map((o: Order) => o.id)).toEqual([paidThenCancelled.id]);
    const forStaff = await list(staff.authorization, { userId: me.user.id });
    expect(forStaff.body.data.map((o: Order) => o.id)).toEqual([paidThenCancelled.id, declined.id]);
  });

  it("when a customer names another user's id, then it is 403; their own id is fine", async () => {
    const me = await bearerFor(t, "customer");
    const other = await makeUser(t.db);
    const res = await list(me.authorization, { userId: other.id });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect((await list(me.authorization, { userId: me.user.id })).status).toBe(200);
  });

  it("when staff filters by user and status, then exactly the matching orders come back", async () => {
    const buyer = await makeUser(t.db);
    const product = await makeProduct(t.db);
    const paid = await makeOrder(t.db, { userId: buyer.id, productId: product.id, status: "paid" });
    await makeOrder(t.db, { userId: buyer.id, productId: product.id, status: "cancelled" });
    const res = await list(staff.authorization, { userId: buyer.id, status: "paid" });
    expect(res.body.data.map((o: Order) => o.id)).toEqual([paid.id]);
    expect((await list(staff.authorization, { userId: buyer.id })).body.data).toHaveLength(2);
  });

  it("when staff searches by order number or email, then the order is found either way", async () => {
    const buyer = await makeUser(t.db, { email: `findme-${Date.now()}@example.test` });
    const order = await makeOrder(t.db, { userId: buyer.id, productId: (await makeProduct(t.db)).id });
    const number = `FP-${String(order.number).padStart(6, "0")}`;
    for (const q of [number, number.toLowerCase(), String(order.number)]) {
      const res = await list(staff.authorization, { q });
      expect(res.status).toBe(200);
      expect(res.body.data.map((o: Order) => o.id)).toContain(order.id);
      expect(res.body.data.find((o: Order) => o.id === order.id).number).toBe(number);
    }
    const byEmail = await list(staff.authorization, { q: buyer.email.slice(0, 20).toUpperCase() });
    expect(byEmail.body.data.map((o: Order) => o.id)).toEqual([order.id]);
    const like = await list(staff.authorization, { q: "%" });
    expect(like.status).toBe(200);
    expect(like.body.data).toEqual([]);
  });

  it("when a customer searches by number, then only their own order can match", async () => {
    const me = await bearerFor(t, "customer");
    const other = await makeUser(t.db);
    const product = await makeProduct(t.db);
    const mine = await makeOrder(t.db, { userId: me.user.id, productId: product.id });
    const theirs = await makeOrder(t.db, { userId: other.id, productId: product.id });
    expect((await list(me.authorization, { q: String(mine.number) })).body.data.map((o: Order) => o.id)).toEqual([mine.id]);
    expect((await list(me.authorization, { q: String(theirs.number) })).body.data).toEqual([]);
    expect((await list(me.authorization, { q: other.email })).body.data).toEqual([]);
  });

  it("when orders share a creation time, then paging returns each exactly once in (created_at, id) order", async () => {
    const buyer = await makeUser(t.db);
    const product = await makeProduct(t.db);
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await makeOrder(t.db, { userId: buyer.id, productId: product.id }));
    // Same timestamp for four of them (microsecond-exact ties), the rest apart.
    await t.db.execute(
      sql`update orders set created_at = '2025-01-02T03:04:05.123456Z' where id in (${sql.join(
        made.slice(0, 4).map((o) => sql`${o.id}::uuid`),
        sql`, `,
      )})`,
    );
    const paged = await walk(staff.authorization, { userId: buyer.id, limit: 2 });
    const all = await t.db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.userId, buyer.id))
      .orderBy(sql`created_at desc, id desc`);
    expect(paged.map((o) => o.id)).toEqual(all.map((o) => o.id));
    expect(new Set(paged.map((o) => o.id)).size).toBe(7);
  });

  it("when the cursor or a filter is malformed, then it is 400", async () => {
    expect((await list(staff.authorization, { cursor: "bogus" })).status).toBe(400);
    expect((await list(staff.authorization, { status: "lost" })).status).toBe(400);
    expect((await list(staff.authorization, { userId: "nope" })).status).toBe(400);
    expect((await list(staff.authorization, { limit: 101 })).status).toBe(400);
  });

  it("when nobody is signed in, then it is 401", async () => {
    expect((await request(t.app).get("/api/v1/orders")).status).toBe(401);
  });
});
