import type { Order } from "@shared/contracts/orders";

/** A complete, valid Order body for event payloads in tests that need no database row (ws fan-out, counters). */
export function orderFixture(overrides: Partial<Order> = {}): Order {
  const at = new Date().toISOString();
  const id = overrides.id ?? crypto.randomUUID();
  return {
    id,
    number: "FP-000042",
    userId: crypto.randomUUID(),
    guestEmail: null,
    status: "paid",
    items: [
      {
        productId: crypto.randomUUID(),
        variantId: null,
        sku: "test-item",
        optionValues: {},
        name: "Test item",
        unitPriceCents: 1_000,
        quantity: 1,
        lineTotalCents: 1_000,
      },
    ],
    subtotalCents: 1_000,
    taxCents: 80,
    shippingCents: 599,
    totalCents: 1_679,
    currency: "USD",
    shippingAddress: { name: "Test Buyer", line1: "1 Test Street", city: "Testville", postalCode: "12345", country: "US" },
    events: [
      { status: "pending", at, actor: "test" },
      { status: "paid", at, actor: "test" },
    ],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
