import { formatOrderNumber, type Order, type Transaction } from "@shared/contracts/orders";
import type { EventRow, ItemRow, OrderRow, TransactionRow } from "./orders.repo";

/** Row → JSON for orders and their payment transactions: the shapes of shared/contracts/orders.ts, field by field. */

type Item = Omit<ItemRow, "orderId">;

/** Items by name, then product id, then SKU: every answer lists an order's lines in the same order. */
const keyOf = (i: Item) => [i.name, i.productId, i.sku];
const byName = (a: Item, b: Item) => {
  const [x, y] = [keyOf(a), keyOf(b)];
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! < y[k]! ? -1 : 1;
  return 0;
};

export function toOrderJson(row: OrderRow, items: readonly Item[], events: readonly EventRow[]): Order {
  return {
    id: row.id,
    number: formatOrderNumber(row.number),
    userId: row.userId,
    guestEmail: row.guestEmail,
    status: row.status,
    items: [...items].sort(byName).map((i) => ({
      productId: i.productId,
      variantId: i.variantId,
      sku: i.sku,
      optionValues: i.optionValues,
      name: i.name,
      unitPriceCents: i.unitPriceCents,
      quantity: i.quantity,
      lineTotalCents: i.lineTotalCents,
    })),
    subtotalCents: row.subtotalCents,
    taxCents: row.taxCents,
    shippingCents: row.shippingCents,
    totalCents: row.totalCents,
    currency: row.currency,
    shippingAddress: row.shippingAddress,
    events: events.map((e) => ({ status: e.status, at: e.at.toISOString(), actor: e.actor })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTransactionJson(t: TransactionRow): Transaction {
  return {
    id: t.id,
    kind: t.kind,
    status: t.status,
    amountCents: t.amountCents,
    currency: t.currency,
    provider: t.provider,
    reference: t.reference,
    createdAt: t.createdAt.toISOString(),
  };
}
