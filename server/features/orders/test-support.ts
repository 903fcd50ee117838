import { eq, inArray } from "drizzle-orm";
import { orders, products, transactions } from "@shared/schema";
import { TEST_CARD_SUCCESS, type OrderCreate } from "@shared/contracts/orders";
import type { Db } from "../../db";

/** Helpers shared by the orders integration tests (not a test file itself). */

export const ADDRESS = { name: "Ada Buyer", line1: "1 Orchard Lane", city: "Springfield", postalCode: "12345", country: "US" } as const;

export function orderBody(items: Array<{ productId: string; quantity?: number }>, cardNumber: string = TEST_CARD_SUCCESS): OrderCreate {
  return {
    items: items.map((i) => ({ productId: i.productId, quantity: i.quantity ?? 1 })),
    shippingAddress: { ...ADDRESS },
    payment: { method: "test_card", cardNumber },
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
