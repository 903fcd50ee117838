import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { expiryNotPast, orderCreate, paymentInput, shippingAddress } from "./orders";

const card = (overrides: Record<string, string>) => ({ method: "test_card", cardNumber: "4242424242424242", expiry: "12/30", cvc: "123", ...overrides });
const firstMessage = (input: unknown) => {
  const result = paymentInput.safeParse(input);
  return result.success ? undefined : result.error.issues[0]!.message;
};

describe("test card payment", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-12-06T12:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("when the card number is empty, then it asks for one rather than saying digits only", () => {
    expect(firstMessage(card({ cardNumber: "" }))).toBe("Enter a card number");
    expect(firstMessage(card({ cardNumber: "   " }))).toBe("Enter a card number");
    expect(firstMessage(card({ cardNumber: "4242-4242" }))).toMatch(/digits only/);
  });

  it("when the expiry is MM/YY this month or later, then it is accepted; earlier, malformed or empty it is refused", () => {
    expect(paymentInput.safeParse(card({ expiry: "12/26" })).success).toBe(true);
    expect(paymentInput.safeParse(card({ expiry: "01/27" })).success).toBe(true);
    expect(firstMessage(card({ expiry: "11/26" }))).toBe("This card has expired");
    expect(firstMessage(card({ expiry: "13/27" }))).toMatch(/MM\/YY/);
    expect(firstMessage(card({ expiry: "1227" }))).toMatch(/MM\/YY/);
    expect(firstMessage(card({ expiry: "" }))).toBe("Enter the expiry date");
  });

  it("when the CVC has 3 or 4 digits, then it is accepted; otherwise refused", () => {
    expect(paymentInput.safeParse(card({ cvc: "1234" })).success).toBe(true);
    expect(firstMessage(card({ cvc: "12" }))).toMatch(/3 or 4 digits/);
    expect(firstMessage(card({ cvc: "12a" }))).toMatch(/3 or 4 digits/);
    expect(firstMessage(card({ cvc: "" }))).toBe("Enter the security code");
  });

  it("expiryNotPast compares whole months", () => {
    const now = new Date(2026, 11, 31);
    expect(expiryNotPast("12/26", now)).toBe(true);
    expect(expiryNotPast("11/26", now)).toBe(false);
    expect(expiryNotPast("01/25", now)).toBe(false);
    expect(expiryNotPast("garbage", now)).toBe(false);
  });

  it("when an order omits expiry or CVC, then it is refused (the server validates what the form validates)", () => {
    const base = {
      items: [{ productId: "7f1c2d3e-0000-4000-8000-000000000001", quantity: 1 }],
      shippingAddress: { name: "A", line1: "B", city: "C", postalCode: "12345", country: "US" },
    };
    expect(orderCreate.safeParse({ ...base, payment: card({}) }).success).toBe(true);
    expect(orderCreate.safeParse({ ...base, payment: { method: "test_card", cardNumber: "4242424242424242" } }).success).toBe(false);
  });
});

describe("shipping country", () => {
  it("when the country is not a 2-letter code, then the message points to the list", () => {
    const result = shippingAddress.safeParse({ name: "A", line1: "B", city: "C", postalCode: "12345", country: "Germany" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/Choose a country/);
  });
});
