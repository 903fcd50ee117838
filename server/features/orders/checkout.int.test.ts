import { and, eq, sql } from "drizzle-orm";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, idempotencyKeys, orderItems } from "@shared/schema";
import { TEST_CARD_DECLINE, TEST_CARD_SUCCESS, type Order } from "@shared/contracts/orders";
import type { EventMap } from "../../lib/events";
import { bearerFor } from "../../test/agents";
import { makeBrand, makeProduct, makeUser } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { waitFor } from "../../test/wait-for";
import { createPaymentsService } from "../payments/payments.service";
import type { PaymentProvider } from "../payments/payment-provider";
import { ADDRESS, checkoutKey, orderBody, ordersOfUser, ordersServiceWith, stockOf, transactionsOfOrders } from "../../test/orders";

let t: TestApp;
let buyer: Awaited<ReturnType<typeof bearerFor>>;

beforeAll(async () => {
  t = await createTestApp();
  buyer = await bearerFor(t, "customer");
});

const post = (authorization: string, body: unknown) =>
  request(t.app)
    .post("/api/v1/orders")
    .set("Authorization", authorization)
    .send(body as object);

describe("checkout: POST /api/v1/orders", () => {
  it("when a shopper orders with the success card, then the order is paid with server-side totals, stock taken and a charge recorded", async () => {
    const cheap = await makeProduct(t.db, { priceCents: 1_250, stock: 10, name: "Apple crate" });
    const dear = await makeProduct(t.db, { priceCents: 999, stock: 5, name: "Banana box" });
    const res = await post(buyer.authorization, orderBody([{ productId: cheap.id, quantity: 2 }, { productId: dear.id }]));
    expect(res.status).toBe(201);
    const order = res.body as Order;
    expect(order).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^FP-\d{6,}$/),
      userId: buyer.user.id,
      guestEmail: null,
      status: "paid",
      items: [
        {
          productId: cheap.id,
          variantId: expect.any(String),
          sku: cheap.slug,
          optionValues: {},
          name: "Apple crate",
          unitPriceCents: 1_250,
          quantity: 2,
          lineTotalCents: 2_500,
        },
        {
          productId: dear.id,
          variantId: expect.any(String),
          sku: dear.slug,
          optionValues: {},
          name: "Banana box",
          unitPriceCents: 999,
          quantity: 1,
          lineTotalCents: 999,
        },
      ],
      subtotalCents: 3_499,
      taxCents: 280, // 279.92 rounded half up
      shippingCents: 599, // under the 5 000 free-shipping threshold
      totalCents: 4_378,
      currency: "USD",
      shippingAddress: ADDRESS,
      events: [
        { status: "pending", at: expect.any(String), actor: buyer.user.id },
        { status: "paid", at: expect.any(String), actor: "system" },
      ],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(Date.parse(order.events[1]!.at)).toBeGreaterThanOrEqual(Date.parse(order.events[0]!.at));
    expect(await stockOf(t.db, cheap.id)).toBe(8);
    expect(await stockOf(t.db, dear.id)).toBe(4);

    const txns = await transactionsOfOrders(t.db, [order.id]);
    expect(txns).toEqual([expect.objectContaining({ kind: "charge", status: "succeeded", amountCents: 4_378, currency: "USD", provider: "test_card" })]);
    expect(txns[0]!.reference).not.toContain("4242");

    // The stored order reads back exactly as it was answered.
    const again = await request(t.app).get(`/api/v1/orders/${order.id}`).set("Authorization", buyer.authorization);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(order);
  });

  it("when the subtotal reaches the free-shipping threshold, then shipping is free", async () => {
    const product = await makeProduct(t.db, { priceCents: 2_500, stock: 5 });
    const res = await post(buyer.authorization, orderBody([{ productId: product.id, quantity: 2 }]));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subtotalCents: 5_000, taxCents: 400, shippingCents: 0, totalCents: 5_400 });
  });

  it("when the body carries prices or totals, then the strict schema rejects it with 400 and nothing is ordered", async () => {
    const user = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { priceCents: 5_000, stock: 5 });
    const tamperedLine = { ...orderBody([{ productId: product.id }]), items: [{ productId: product.id, quantity: 1, unitPriceCents: 1 }] };
    const tamperedTotal = { ...orderBody([{ productId: product.id }]), totalCents: 1 };
    for (const body of [tamperedLine, tamperedTotal]) {
      const res = await post(user.authorization, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect(await ordersOfUser(t.db, user.user.id)).toEqual([]);
    expect(await stockOf(t.db, product.id)).toBe(5);
  });

  it("when a line is invalid (quantity 0, duplicate product, bad card format), then it is 400 with the line named", async () => {
    const product = await makeProduct(t.db);
    const zero = await post(buyer.authorization, orderBody([{ productId: product.id, quantity: 0 }]));
    expect(zero.status).toBe(400);
    expect(zero.body.error.details).toEqual([{ path: "items.0.quantity", message: "Must be at least 1" }]);
    const duplicate = await post(buyer.authorization, orderBody([{ productId: product.id }, { productId: product.id }]));
    expect(duplicate.status).toBe(400);
    const card = await post(buyer.authorization, orderBody([{ productId: product.id }], "4242-4242"));
    expect(card.status).toBe(400);
    expect(card.body.error.details[0].path).toBe("payment.cardNumber");
  });

  it("when a product is unknown, archived or of an archived brand, then it is 400 naming items.N.productId and no stock moves", async () => {
    const good = await makeProduct(t.db, { stock: 5 });
    const archived = await makeProduct(t.db, { status: "archived" });
    const hiddenBrand = await makeBrand(t.db, { status: "archived" });
    const ofHiddenBrand = await makeProduct(t.db, { brandId: hiddenBrand.id });
    const unknown = "6b0f3f0e-8d4c-4c1e-9a57-00000000abcd";
    const res = await post(
      buyer.authorization,
      orderBody([{ productId: good.id }, { productId: unknown }, { productId: archived.id }, { productId: ofHiddenBrand.id }]),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(["items.1.productId", "items.2.productId", "items.3.productId"]);
    expect(await stockOf(t.db, good.id)).toBe(5);
  });

  it("when one line lacks stock, then it is 409 out_of_stock naming that line and no line's stock changes", async () => {
    const user = await bearerFor(t, "customer");
    const plenty = await makeProduct(t.db, { stock: 10 });
    const scarce = await makeProduct(t.db, { stock: 2, name: "Rare fig" });
    const res = await post(
      user.authorization,
      orderBody([
        { productId: plenty.id, quantity: 3 },
        { productId: scarce.id, quantity: 3 },
      ]),
    );
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: "out_of_stock",
      message: "Not enough stock for Rare fig.",
      details: [{ path: "items.1.quantity", message: "Only 2 left" }],
    });
    expect(await stockOf(t.db, plenty.id)).toBe(10);
    expect(await stockOf(t.db, scarce.id)).toBe(2);
    expect(await ordersOfUser(t.db, user.user.id)).toEqual([]);
  });

  it("when the card is declined, then it is 402 payment_declined, the order is cancelled with a failed charge, and stock is unchanged", async () => {
    const user = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 7 });
    const res = await post(user.authorization, orderBody([{ productId: product.id, quantity: 3 }], TEST_CARD_DECLINE));
    expect(res.status).toBe(402);
    expect(res.body.error.code).toBe("payment_declined");
    expect(res.body.error.message).toContain("you have not been charged");
    expect(await stockOf(t.db, product.id)).toBe(7);

    const [order] = await ordersOfUser(t.db, user.user.id);
    expect(order!.status).toBe("cancelled");
    const read = await request(t.app).get(`/api/v1/orders/${order!.id}`).set("Authorization", user.authorization);
    expect(read.body.events.map((e: { status: string; actor: string }) => [e.status, e.actor])).toEqual([
      ["pending", user.user.id],
      ["cancelled", "system"],
    ]);
    expect(await transactionsOfOrders(t.db, [order!.id])).toEqual([
      expect.objectContaining({ kind: "charge", status: "failed", amountCents: order!.totalCents }),
    ]);
  });

  it("when the card number is not a test card, then it is declined too", async () => {
    const product = await makeProduct(t.db, { stock: 3 });
    const res = await post(buyer.authorization, orderBody([{ productId: product.id }], "5555555555554444"));
    expect(res.status).toBe(402);
    expect(await stockOf(t.db, product.id)).toBe(3);
  });

  it("when an order is placed, then the card number is stored nowhere: not in orders, transactions, idempotency keys or the audit log", async () => {
    const user = await bearerFor(t, "customer");
    const product = await makeProduct(t.db);
    const res = await post(user.authorization, orderBody([{ productId: product.id }])).set("Idempotency-Key", "card-never-stored-1");
    expect(res.status).toBe(201);
    const stored = JSON.stringify([
      await ordersOfUser(t.db, user.user.id),
      await transactionsOfOrders(t.db, [res.body.id]),
      await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, user.user.id)),
      await t.db.select().from(auditLog).where(eq(auditLog.targetId, res.body.id)),
    ]);
    expect(stored).not.toContain(TEST_CARD_SUCCESS);
  });

  it("when an order is paid, then the audit log has its creation and status change, and both events are published", async () => {
    const user = await bearerFor(t, "customer");
    const product = await makeProduct(t.db);
    const created: Array<EventMap["order.created"]> = [];
    const changed: Array<EventMap["order.status_changed"]> = [];
    const offCreated = t.ctx.events.subscribe("order.created", (p) => void created.push(p));
    const offChanged = t.ctx.events.subscribe("order.status_changed", (p) => void changed.push(p));
    try {
      const res = await post(user.authorization, orderBody([{ productId: product.id }]));
      expect(res.status).toBe(201);
      const id = res.body.id as string;
      await expect.poll(() => changed.filter((e) => e.orderId === id).length).toBe(1);
      expect(created.find((e) => e.orderId === id)).toMatchObject({ userId: user.user.id, order: { id, number: res.body.number, status: "pending" } });
      expect(changed.find((e) => e.orderId === id)).toEqual({
        orderId: id,
        number: res.body.number,
        userId: user.user.id,
        status: "paid",
        at: res.body.events[1].at,
      });
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetType, "order"), eq(auditLog.targetId, id)));
      expect(audit.map((a) => a.action).sort()).toEqual(["order.created", "order.status_changed"]);
      expect(audit.every((a) => a.actorId === user.user.id)).toBe(true);
    } finally {
      offCreated();
      offChanged();
    }
  });

  it("when an order takes the last units or a cancellation brings them back, then the catalog hears of the product (its cached lists change)", async () => {
    const user = await bearerFor(t, "customer");
    const lastUnits = await makeProduct(t.db, { stock: 2 });
    const plenty = await makeProduct(t.db, { stock: 50 });
    const heard: string[] = [];
    const off = t.ctx.events.subscribe("catalog.changed", (p) => void heard.push(p.id));
    try {
      const res = await post(user.authorization, orderBody([{ productId: lastUnits.id, quantity: 2 }, { productId: plenty.id }]));
      expect(res.status).toBe(201);
      await expect.poll(() => heard.filter((id) => id === lastUnits.id).length).toBe(1);
      const declined = await post(user.authorization, orderBody([{ productId: plenty.id }], TEST_CARD_DECLINE));
      expect(declined.status).toBe(402);
      await request(t.app).post(`/api/v1/orders/${res.body.id}/cancel`).set("Authorization", user.authorization).expect(200);
      await expect.poll(() => heard.filter((id) => id === lastUnits.id).length).toBe(2);
      // Stock that never crossed zero is not announced.
      expect(heard).not.toContain(plenty.id);
    } finally {
      off();
    }
  });

  it("when nobody is signed in and no e-mail is given, then it is 400 (guest checkout needs one; issue 11)", async () => {
    const res = await request(t.app)
      .post("/api/v1/orders")
      .send(orderBody([{ productId: "6b0f3f0e-8d4c-4c1e-9a57-00000000abcd" }]));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe("email");
  });
});

describe("checkout when the payment provider fails", () => {
  function serviceWith(provider: PaymentProvider, timeoutMs: number) {
    return ordersServiceWith(t, { payments: createPaymentsService({ provider, timeoutMs, logger: t.ctx.logger }), fingerprintKey: Buffer.alloc(32, 7) });
  }

  it("when the provider does not answer in time, then it is 402 'not charged', the order is cancelled with a failed charge and stock is back", async () => {
    const hanging: PaymentProvider = {
      name: "test_card",
      charge: ({ signal }) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")))),
      refund: async () => ({ reference: "re_x" }),
      lookup: async () => ({ status: "not_found" }),
    };
    const orders = serviceWith(hanging, 100);
    const user = await makeUser(t.db);
    const product = await makeProduct(t.db, { stock: 4 });
    const attempt = orders.create(user, orderBody([{ productId: product.id, quantity: 2 }]), undefined, {});
    await expect(attempt).rejects.toMatchObject({
      code: "payment_declined",
      message: "The payment could not be processed; you have not been charged. Please try again in a few minutes.",
    });
    expect(await stockOf(t.db, product.id)).toBe(4);
    const [order] = await ordersOfUser(t.db, user.id);
    expect(order!.status).toBe("cancelled");
    expect(await transactionsOfOrders(t.db, [order!.id])).toEqual([
      expect.objectContaining({ kind: "charge", status: "failed", reference: "unavailable:timeout" }),
    ]);
  });

  it("when the provider throws, then the same happens: cancelled, failed charge, stock back", async () => {
    const broken: PaymentProvider = {
      name: "test_card",
      charge: async () => Promise.reject(new Error("connection reset")),
      refund: async () => ({ reference: "re_x" }),
      lookup: async () => ({ status: "not_found" }),
    };
    const orders = serviceWith(broken, 1_000);
    const user = await makeUser(t.db);
    const product = await makeProduct(t.db, { stock: 1 });
    await expect(orders.create(user, orderBody([{ productId: product.id }]), checkoutKey("provider-broken-1"), {})).rejects.toMatchObject({
      code: "payment_declined",
    });
    expect(await stockOf(t.db, product.id)).toBe(1);
    const items = await t.db.select().from(orderItems).where(eq(orderItems.productId, product.id));
    expect(items).toHaveLength(1);
    expect(await transactionsOfOrders(t.db, [items[0]!.orderId])).toEqual([
      expect.objectContaining({ status: "failed", reference: "unavailable:provider_error" }),
    ]);
  });
});

// Two connections at once: PostgreSQL only (PGlite runs one statement at a time).
describe.skipIf(!process.env.DATABASE_URL)("the stock check under the row lock", () => {
  it("when another transaction takes the last units while the checkout waits for their row lock, then the checkout sees them gone: 409 with nothing written", async () => {
    const user = await makeUser(t.db);
    const product = await makeProduct(t.db, { stock: 2, name: "Last mango" });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let taken!: () => void;
    const isTaken = new Promise<void>((resolve) => (taken = resolve));
    // Committed after the checkout's statement has started (its snapshot still shows 2 units): only the recheck
    // of the locked rows' latest versions can see that none are left.
    const other = t.db.transaction(async (tx) => {
      await tx.execute(sql`update products set stock = stock - 2 where id = ${product.id}`);
      await tx.execute(sql`update product_variants set stock = stock - 2 where product_id = ${product.id}`);
      taken();
      await held;
    });
    await isTaken;
    const checkout = t.services.orders.create(user, orderBody([{ productId: product.id, quantity: 2 }]), undefined, {}).catch((err: unknown) => err);
    const waiting = async () =>
      (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`))
        .rows[0]!.n > 0;
    await waitFor(waiting, 5_000, "the checkout to wait for the row lock");
    release();
    await other;
    expect(await checkout).toMatchObject({ code: "out_of_stock", details: [{ path: "items.0.quantity", message: "Out of stock" }] });
    expect(await stockOf(t.db, product.id)).toBe(0);
    expect(await ordersOfUser(t.db, user.id)).toEqual([]);
  });
});

describe("business figures for the dashboard", () => {
  it("when orders are paid, shipped, declined or cancelled today, then only paid, shipped and delivered ones count", async () => {
    const staff = await bearerFor(t, "staff");
    const before = await t.services.orders.businessFiguresToday();
    const first = await bearerFor(t, "customer");
    const second = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { priceCents: 1_000, stock: 20 });
    const a = await post(first.authorization, orderBody([{ productId: product.id }])).expect(201);
    const b = await post(first.authorization, orderBody([{ productId: product.id, quantity: 2 }])).expect(201);
    const c = await post(second.authorization, orderBody([{ productId: product.id }])).expect(201);
    await post(second.authorization, orderBody([{ productId: product.id }], TEST_CARD_DECLINE)).expect(402);
    await request(t.app).post(`/api/v1/orders/${b.body.id}/status`).set("Authorization", staff.authorization).send({ status: "shipped" }).expect(200);
    await request(t.app).post(`/api/v1/orders/${c.body.id}/cancel`).set("Authorization", second.authorization).expect(200);

    const after = await t.services.orders.businessFiguresToday();
    expect(after.ordersToday - before.ordersToday).toBe(2);
    expect(after.revenueTodayCents - before.revenueTodayCents).toBe(a.body.totalCents + b.body.totalCents);
    expect(after.customersWhoOrderedToday - before.customersWhoOrderedToday).toBe(1);
  });
});
