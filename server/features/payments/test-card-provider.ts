import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { TEST_CARD_DECLINE, TEST_CARD_SLOW, TEST_CARD_SLOW_DELAY_MS, TEST_CARD_SUCCESS } from "@shared/contracts/orders";
import type { ChargeLookup, ChargeResult, PaymentProvider } from "./payment-provider";

const reference = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/**
 * The built-in `test_card` provider: 4242424242424242 succeeds, 4000000000003063 succeeds
 * after 3 s, 4000000000000002 is declined, and so is any other number (a shop in test mode must never pretend
 * an unknown card was charged). Refunds always succeed.
 *
 * It keeps a ledger of charges by order id, so lookup() tells what became of an order's charge. The ledger lives
 * in this process's memory: a restarted server has forgotten every charge — which is what a crash test wants,
 * the charge was never recorded.
 */
export function createTestCardProvider(): PaymentProvider {
  const ledger = new Map<string, ChargeResult>();
  const inFlight = new Map<string, Promise<ChargeResult>>();

  async function decide(cardNumber: string, signal: AbortSignal): Promise<ChargeResult> {
    if (cardNumber === TEST_CARD_SLOW) await sleep(TEST_CARD_SLOW_DELAY_MS, undefined, { signal });
    if (cardNumber === TEST_CARD_SUCCESS || cardNumber === TEST_CARD_SLOW) return { status: "succeeded", reference: reference("ch") };
    const reason = cardNumber === TEST_CARD_DECLINE ? "The card was declined." : "The card was declined: only the documented test cards are accepted.";
    return { status: "declined", reference: reference("ch"), reason };
  }

  return {
    name: "test_card",
    async charge({ orderId, cardNumber, signal }) {
      const pending = decide(cardNumber, signal);
      inFlight.set(orderId, pending);
      try {
        const result = await pending;
        ledger.set(orderId, result);
        return result;
      } finally {
        inFlight.delete(orderId);
      }
    },
    async refund() {
      return { reference: reference("re") };
    },
    async lookup(orderId): Promise<ChargeLookup> {
      if (inFlight.has(orderId)) return { status: "processing" };
      return ledger.get(orderId) ?? { status: "not_found" };
    },
  };
}
