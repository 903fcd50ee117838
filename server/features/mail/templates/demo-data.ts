import type { Order, OrderStatus } from "@shared/contracts/orders";

const path: Record<OrderStatus, OrderStatus[]> = {
  pending: ["pending"],
  paid: ["pending", "paid"],
  shipped: ["pending", "paid", "shipped"],
  delivered: ["pending", "paid", "shipped", "delivered"],
  cancelled: ["pending", "paid", "cancelled"],
};

/** A believable order for template previews (fixed ids and dates, so previews are stable). */
export function orderFixture(status: OrderStatus): Order {
  const at = "2026-12-01T10:00:00.000Z";
  return {
    id: "00000000-0000-4000-8000-000000000123",
    number: "FP-000123",
    guestEmail: null,
    userId: "00000000-0000-4000-8000-000000000001",
    status,
    items: [
      {
        productId: "00000000-0000-4000-8000-0000000000a1",
        variantId: null,
        sku: "apples-1kg",
        optionValues: { Pack: "1 kg" },
        name: "Honeycrisp Apples",
        unitPriceCents: 549,
        quantity: 2,
        lineTotalCents: 1098,
      },
      {
        productId: "00000000-0000-4000-8000-0000000000a2",
        variantId: null,
        sku: "heirloom-tomatoes",
        optionValues: {},
        name: "Heirloom Tomatoes",
        unitPriceCents: 1299,
        quantity: 1,
        lineTotalCents: 1299,
      },
      {
        productId: "00000000-0000-4000-8000-0000000000a3",
        variantId: null,
        sku: "wildflower-honey",
        optionValues: {},
        name: "Wildflower Honey 500 g",
        unitPriceCents: 1850,
        quantity: 1,
        lineTotalCents: 1850,
      },
    ],
    subtotalCents: 4247,
    taxCents: 340,
    shippingCents: 599,
    totalCents: 5186,
    currency: "USD",
    shippingAddress: { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" },
    events: path[status].map((s) => ({ status: s, at, actor: "system" })),
    createdAt: at,
    updatedAt: at,
  };
}
