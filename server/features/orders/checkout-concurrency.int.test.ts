import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orderItems, orders } from "@shared/schema";
import { accessTokenFor } from "../../test/agents";
import { makeProduct, makeUsers } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { orderBody, stockOf } from "../../test/orders";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

describe("checkout under concurrency", () => {
  it("when 200 different shoppers order the last 50 units at once, then exactly 50 succeed, 150 get out_of_stock, none fail, and nothing is oversold", async () => {
    const product = await makeProduct(t.db, { stock: 50, priceCents: 1_500 });
    const buyers = await makeUsers(t.db, 200);
    const { port } = await t.listen();
    const body = JSON.stringify(orderBody([{ productId: product.id }]));

    // Every request is in flight before any answer is awaited; fetch keeps connections alive.
    const statuses = await Promise.all(
      buyers.map((buyer, i) =>
        fetch(`http://127.0.0.1:${port}/api/v1/orders`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: accessTokenFor(t, buyer.id), "idempotency-key": `bulk-${i}-${buyer.id}` },
          body,
        }).then(async (res) => ({ status: res.status, code: res.status === 201 ? undefined : ((await res.json()) as { error: { code: string } }).error.code })),
      ),
    );

    // The whole tally at once, so a failure shows what the other answers were (a 503, a 402...).
    const tally: Record<string, number> = {};
    for (const { status, code } of statuses) {
      const answer = code ? `${status} ${code}` : String(status);
      tally[answer] = (tally[answer] ?? 0) + 1;
    }
    expect(tally).toEqual({ "201": 50, "409 out_of_stock": 150 });

    expect(await stockOf(t.db, product.id)).toBe(0);
    const buyerIds = buyers.map((b) => b.id);
    const [sold] = await t.db
      .select({ quantity: sql<number>`coalesce(sum(${orderItems.quantity}), 0)::int`, orders: sql<number>`count(distinct ${orders.id})::int` })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(and(eq(orderItems.productId, product.id), eq(orders.status, "paid"), inArray(orders.userId, buyerIds)));
    expect(sold).toEqual({ quantity: 50, orders: 50 });
    // A 409 leaves nothing behind: no pending or cancelled orders from the losers.
    const [all] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(inArray(orders.userId, buyerIds));
    expect(all!.n).toBe(50);
  });
});
