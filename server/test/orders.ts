import { eq, inArray } from "drizzle-orm";
import { orders, products, transactions } from "@shared/schema";
import { TEST_CARD_SUCCESS, type OrderCreate } from "@shared/contracts/orders";
import type { Db } from "../db";
import { createCatalogStock, type CatalogStock } from "../features/catalog/catalog.stock";
import type { IdempotentRequest } from "../features/orders/orders.idempotency";
import type { NotifyStatusChange } from "../features/orders/orders.deps";
import { createOrdersRepo } from "../features/orders/orders.repo";
import { createOrdersService } from "../features/orders/orders.service";
import { createPaymentsService, type PaymentsService } from "../features/payments/payments.service";
import { createTestCardProvider } from "../features/payments/test-card-provider";
import type { TestApp } from "./harness";

/** Helpers shared by the orders integration tests. */

/** A test card expiry far enough ahead that the suite never ages into "expired". */
export const TEST_CARD_EXPIRY = "12/49";
export const ADDRESS = { name: "Ada Buyer", line1: "1 Orchard Lane", city: "Springfield", postalCode: "12345", country: "US" } as const;

/**
 * An orders service over the test app's database with a part swapped in (a stock API that stages a race, a
 * payment provider that fails); the rest is the real thing, priced at 8% tax and $5.99 shipping, free from $50.
 */
export function ordersServiceWith(
  t: TestApp,
  parts: { stock?: CatalogStock; payments?: PaymentsService; fingerprintKey: Buffer; notify?: NotifyStatusChange },
) {
  return createOrdersService({
    repo: createOrdersRepo(t.db),
    db: t.db,
    stock: parts.stock ?? createCatalogStock(t.db),
    audit: t.services.audit,
    payments: parts.payments ?? createPaymentsService({ provider: createTestCardProvider(), logger: t.ctx.logger }),
    events: t.ctx.events,
    logger: t.ctx.logger,
    pricing: { taxRateBps: 800, shippingFlatCents: 599, freeShippingThresholdCents: 5_000 },
    fingerprintKey: parts.fingerprintKey,
    notify: parts.notify,
    guestAccessKey: parts.fingerprintKey,
  });
}

/** An Idempotency-Key as the POST /api/v1/orders route hands it to the service. */
export const checkoutKey = (key: string): IdempotentRequest => ({ key, method: "POST", path: "/api/v1/orders" });

export function orderBody(items: Array<{ productId: string; variantId?: string; quantity?: number }>, cardNumber: string = TEST_CARD_SUCCESS): OrderCreate {
  return {
    items: items.map((i) => ({ productId: i.productId, ...(i.variantId ? { variantId: i.variantId } : {}), quantity: i.quantity ?? 1 })),
    shippingAddress: { ...ADDRESS },
    payment: { method: "test_card", cardNumber, expiry: TEST_CARD_EXPIRY, cvc: "123" },
  };
}

export async function stockOf(db: Db, productId: string): Promise<number> {
  const [row] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, productId));
  return row!.stock;
}

export async function ordersOfUser(db: Db, userId: string) {
  return db.select().from(orders).where(eq(orders.userId, userId));
}

export async function transactionsOfOrders(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db.select().from(transactions).where(inArray(transactions.orderId, orderIds));
}
