import { describe, expect, it } from "vitest";
import { TEST_CARD_DECLINE, TEST_CARD_SLOW, TEST_CARD_SUCCESS } from "@shared/contracts/orders";
import { CircuitBreaker } from "../../lib/circuit-breaker";
import type { PaymentProvider } from "./payment-provider";
import { createLogger } from "../../lib/logger";
import { createPaymentsService } from "./payments.service";
import { createTestCardProvider } from "./test-card-provider";

const silentLogger = createLogger("silent");

const charge = (cardNumber: string) => ({ orderId: "order-1", amountCents: 1_000, currency: "USD", cardNumber });

/** A provider that never answers but notices when the caller gives up. */
function hangingProvider() {
  const aborted: boolean[] = [];
  const provider: PaymentProvider = {
    name: "hanging",
    charge: ({ signal }) => new Promise((_, reject) => signal.addEventListener("abort", () => (aborted.push(true), reject(new Error("aborted"))))),
    refund: ({ signal }) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")))),
    lookup: (_orderId, signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")))),
  };
  return { provider, aborted };
}

describe("payments service", () => {
  it("when the test cards are charged, then 4242… succeeds, 4000…0002 and any other number are declined", async () => {
    const payments = createPaymentsService({ logger: silentLogger, provider: createTestCardProvider() });
    expect(await payments.charge(charge(TEST_CARD_SUCCESS))).toEqual({ outcome: "succeeded", reference: expect.stringMatching(/^ch_[0-9a-f]{24}$/) });
    expect(await payments.charge(charge(TEST_CARD_DECLINE))).toMatchObject({ outcome: "declined", reason: "The card was declined." });
    expect(await payments.charge(charge("5555555555554444"))).toMatchObject({ outcome: "declined" });
  });

  it("when the slow test card is charged, then it succeeds after 3 s and a lookup tells processing, then the charge", async () => {
    const payments = createPaymentsService({ logger: silentLogger, provider: createTestCardProvider() });
    expect(await payments.lookup("order-slow")).toEqual({ status: "not_found" });
    const started = Date.now();
    const charging = payments.charge({ ...charge(TEST_CARD_SLOW), orderId: "order-slow" });
    expect(await payments.lookup("order-slow")).toEqual({ status: "processing" });
    const result = await charging;
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    expect(result).toMatchObject({ outcome: "succeeded" });
    const { reference } = result as { reference: string };
    expect(await payments.lookup("order-slow")).toEqual({ status: "succeeded", reference });
  });

  it("when a reference is made, then it never contains the card number", async () => {
    const payments = createPaymentsService({ logger: silentLogger, provider: createTestCardProvider() });
    const result = await payments.charge(charge(TEST_CARD_SUCCESS));
    expect(JSON.stringify(result)).not.toContain(TEST_CARD_SUCCESS);
    expect(JSON.stringify(result)).not.toContain("4242");
  });

  it("when the provider does not answer in time, then the call ends unavailable after the timeout and the provider is told to stop", async () => {
    const { provider, aborted } = hangingProvider();
    const payments = createPaymentsService({ logger: silentLogger, provider, timeoutMs: 50 });
    const started = Date.now();
    expect(await payments.charge(charge(TEST_CARD_SUCCESS))).toEqual({ outcome: "unavailable", reference: "unavailable:timeout", reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(aborted).toEqual([true]);
  });

  it("when the provider keeps failing, then the circuit opens and later charges fail fast without reaching it", async () => {
    let calls = 0;
    const provider: PaymentProvider = {
      name: "broken",
      charge: async () => {
        calls += 1;
        throw new Error("503 from provider");
      },
      refund: async () => ({ reference: "re_1" }),
      lookup: async () => ({ status: "not_found" }),
    };
    const payments = createPaymentsService({ logger: silentLogger, provider, breaker: new CircuitBreaker({ failureThreshold: 2, coolDownMs: 60_000 }) });
    expect(await payments.charge(charge(TEST_CARD_SUCCESS))).toMatchObject({ outcome: "unavailable", reason: "provider_error" });
    expect(await payments.charge(charge(TEST_CARD_SUCCESS))).toMatchObject({ outcome: "unavailable", reason: "provider_error" });
    expect(payments.circuitState).toBe("open");
    expect(await payments.charge(charge(TEST_CARD_SUCCESS))).toMatchObject({ outcome: "unavailable", reason: "circuit_open" });
    expect(calls).toBe(2);
  });

  it("when cards are declined many times, then the circuit stays closed (a decline is an answer, not an outage)", async () => {
    const payments = createPaymentsService({ logger: silentLogger, provider: createTestCardProvider(), breaker: new CircuitBreaker({ failureThreshold: 2 }) });
    for (let i = 0; i < 5; i++) expect((await payments.charge(charge(TEST_CARD_DECLINE))).outcome).toBe("declined");
    expect(payments.circuitState).toBe("closed");
  });
});
