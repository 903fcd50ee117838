import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OrderCreate } from "@shared/contracts/orders";
import { idempotencyKey } from "@shared/contracts/orders";
import { checkoutAttempt, newIdempotencyKey } from "./checkout-attempt";

const body = (overrides: Partial<OrderCreate> = {}): OrderCreate => ({
  items: [{ productId: "0b6f4a52-8a4c-4d7e-9a51-2f1d3c4b5a60", quantity: 2 }],
  shippingAddress: { name: "Shay Shopper", line1: "1 Orchard Lane", city: "Portland", postalCode: "97201", country: "US" },
  payment: { method: "test_card", cardNumber: "4242424242424242", expiry: "12/49", cvc: "123" },
  ...overrides,
});

function fakeSessionStorage() {
  const data = new Map<string, string>();
  vi.stubGlobal("sessionStorage", {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  });
  return data;
}

describe("checkoutAttempt", () => {
  let data: Map<string, string>;
  beforeEach(() => {
    data = fakeSessionStorage();
    checkoutAttempt.finish();
  });
  afterEach(() => vi.unstubAllGlobals());

  it("when the same order is placed twice (a double click or a retry), then both requests carry one key", () => {
    expect(checkoutAttempt.keyFor(body())).toBe(checkoutAttempt.keyFor(body()));
  });

  it("when the cart or the form changes, then the next press is a new attempt with a new key", () => {
    const first = checkoutAttempt.keyFor(body());
    const changedCart = checkoutAttempt.keyFor(body({ items: [{ productId: "0b6f4a52-8a4c-4d7e-9a51-2f1d3c4b5a60", quantity: 3 }] }));
    const changedCard = checkoutAttempt.keyFor(body({ payment: { method: "test_card", cardNumber: "4000000000000002", expiry: "12/49", cvc: "123" } }));
    expect(new Set([first, changedCart, changedCard]).size).toBe(3);
  });

  it("when an attempt is finished (placed, or declined), then the same body gets a new key", () => {
    const first = checkoutAttempt.keyFor(body());
    checkoutAttempt.finish();
    expect(checkoutAttempt.keyFor(body())).not.toBe(first);
  });

  it("when the tab reloads mid-attempt, then the stored attempt is reused and the card number is not stored", () => {
    const first = checkoutAttempt.keyFor(body());
    const stored = [...data.values()].join("");
    expect(stored).toContain(first);
    expect(stored).not.toContain("4242424242424242");
    expect(checkoutAttempt.keyFor(body())).toBe(first);
  });

  it("when a key is made, then the server's Idempotency-Key schema accepts it", () => {
    expect(idempotencyKey.safeParse(newIdempotencyKey()).success).toBe(true);
  });
});
