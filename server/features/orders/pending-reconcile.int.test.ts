import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, orderEvents, orders } from "@shared/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { makeOrder, makeProduct, makeUser } from "../../test/factories";
import { waitFor } from "../../test/wait-for";
import { createCatalogStock } from "../catalog/catalog.stock";
import type { ChargeLookup, PaymentProvider } from "../payments/payment-provider";
import { createPaymentsService } from "../payments/payments.service";
import { createOrdersRepo } from "./orders.repo";
import { createPendingOrderReconciler, RECONCILE_PENDING_ORDERS } from "./orders.reconcile";
import { stockOf, transactionsOfOrders } from "../../test/orders";

/** Pending orders a crash left behind, settled by the sweep. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ PENDING_ORDER_TIMEOUT_SECONDS: "1" });
});

/** A provider whose ledger the test writes: orders it does not know are "processing", so other tests' orders are left alone. */
function providerKnowing(answers: Map<string, ChargeLookup>): PaymentProvider {
  return {
    name: "test_card",
    charge: () => Promise.reject(new Error("not used")),
    refund: async () => ({ reference: "re_x" }),
    lookup: async (orderId) => answers.get(orderId) ?? { status: "processing" },
  };
}

function reconcilerAsking(answers: Map<string, ChargeLookup>, pendingTimeoutSeconds = 0) {
  return createPendingOrderReconciler({
    repo: createOrdersRepo(t.db),
    db: t.db,
    stock: createCatalogStock(t.db),
    audit: t.services.audit,
    payments: createPaymentsService({ logger: t.ctx.logger, provider: providerKnowing(answers) }),
    events: t.ctx.events,
    logger: t.ctx.logger,
    pendingTimeoutSeconds,
  });
}

async function stalePendingOrder(quantity = 2) {
  const user = await makeUser(t.db);
  const product = await makeProduct(t.db, { stock: 10 });
  const order = await makeOrder(t.db, { userId: user.id, productId: product.id, quantity, status: "pending" });
  return { order, product };
}

const statusOf = async (orderId: string) => (await t.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]!.status;
const eventsOf = async (orderId: string) =>
  (await t.db.select({ status: orderEvents.status, actor: orderEvents.actor }).from(orderEvents).where(eq(orderEvents.orderId, orderId))).map(
    (e) => `${e.status}:${e.actor}`,
  );

describe("reconciling a pending order with the provider", () => {
  it("when the provider never received the charge, then the order is cancelled by the system and its stock comes back", async () => {
    const { order, product } = await stalePendingOrder(3);
    await reconcilerAsking(new Map([[order.id, { status: "not_found" }]])).sweep();
    expect(await statusOf(order.id)).toBe("cancelled");
    expect(await stockOf(t.db, product.id)).toBe(13);
    expect(await eventsOf(order.id)).toContain("cancelled:system");
    expect(await transactionsOfOrders(t.db, [order.id])).toEqual([]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, order.id));
    expect(audit).toContainEqual(expect.objectContaining({ action: "order.cancelled", summary: expect.objectContaining({ reason: "reconciled_no_charge" }) }));
  });

  it("when another stale order's sealed address cannot be opened, then the sweep still settles the rest", async () => {
    // E.g. a row sealed under a key since removed, or restored from another installation: the sweep reads no address.
    const unreadable = await stalePendingOrder();
    await t.db.execute(
      sql`update orders set shipping_address = to_jsonb('fpe1.gone.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAA'::text) where id = ${unreadable.order.id}`,
    );
    const { order } = await stalePendingOrder();
    await reconcilerAsking(new Map([[order.id, { status: "not_found" }]])).sweep();
    expect(await statusOf(order.id)).toBe("cancelled");
  });

  it("when the charge succeeded, then the order becomes paid with the charge recorded and keeps its stock", async () => {
    const { order, product } = await stalePendingOrder();
    await reconcilerAsking(new Map([[order.id, { status: "succeeded", reference: "ch_recorded" }]])).sweep();
    expect(await statusOf(order.id)).toBe("paid");
    expect(await stockOf(t.db, product.id)).toBe(10);
    expect(await transactionsOfOrders(t.db, [order.id])).toEqual([expect.objectContaining({ kind: "charge", status: "succeeded", reference: "ch_recorded" })]);
  });

  it("when the charge was declined, then the order is cancelled with the failed charge recorded", async () => {
    const { order, product } = await stalePendingOrder();
    await reconcilerAsking(new Map([[order.id, { status: "declined", reference: "ch_no", reason: "declined" }]])).sweep();
    expect(await statusOf(order.id)).toBe("cancelled");
    expect(await stockOf(t.db, product.id)).toBe(12);
    expect(await transactionsOfOrders(t.db, [order.id])).toEqual([expect.objectContaining({ kind: "charge", status: "failed", reference: "ch_no" })]);
  });

  it("when the charge is still under way or the order is younger than the timeout, then the order is left pending", async () => {
    const { order: processing } = await stalePendingOrder();
    await reconcilerAsking(new Map([[processing.id, { status: "processing" }]])).sweep();
    expect(await statusOf(processing.id)).toBe("pending");

    const { order: young, product } = await stalePendingOrder();
    await reconcilerAsking(new Map([[young.id, { status: "not_found" }]]), 3_600).sweep();
    expect(await statusOf(young.id)).toBe("pending");
    expect(await stockOf(t.db, product.id)).toBe(10);
  });

  it("when several sweeps race over the same orders, then each order is settled once and its stock comes back once", async () => {
    const stale = await Promise.all([1, 2, 3, 4].map(() => stalePendingOrder(2)));
    const answers = new Map<string, ChargeLookup>(stale.map(({ order }) => [order.id, { status: "not_found" }]));
    const results = await Promise.all([1, 2, 3].map(() => reconcilerAsking(answers).sweep()));
    expect(results.reduce((sum, r) => sum + r.cancelled, 0)).toBe(4);
    for (const { order, product } of stale) {
      expect(await statusOf(order.id)).toBe("cancelled");
      expect(await stockOf(t.db, product.id)).toBe(12);
      expect((await eventsOf(order.id)).filter((e) => e.startsWith("cancelled"))).toHaveLength(1);
    }
  });
});

describe("the sweep as a job", () => {
  it("when workers run and an order is pending past PENDING_ORDER_TIMEOUT_SECONDS, then the queued sweep cancels it with the app's own provider", async () => {
    const { order, product } = await stalePendingOrder(4);
    await new Promise((r) => setTimeout(r, 1_100)); // past the 1 s timeout
    await t.services.jobs.enqueue(RECONCILE_PENDING_ORDERS, {});
    t.services.jobs.start({ pollMs: 20, leaseSeconds: 2 });
    try {
      await waitFor(async () => (await statusOf(order.id)) === "cancelled", 10_000, "the sweep to cancel the order");
      expect(await stockOf(t.db, product.id)).toBe(14);
    } finally {
      await t.services.jobs.stop();
    }
  });
});
