import { randomBytes } from "node:crypto";
import { TEST_CARD_DECLINE, TEST_CARD_SUCCESS } from "@shared/contracts/orders";
import type { PaymentProvider } from "./payment-provider";

const reference = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/**
 * The built-in `test_card` provider: 4242424242424242 succeeds, 4000000000000002 is
 * declined, and so is any other number (a shop in test mode must never pretend an unknown card was charged).
 * Refunds always succeed. Answers in-process, so it never times out.
 */
export function createTestCardProvider(): PaymentProvider {
  return {
    name: "test_card",
    async charge({ cardNumber }) {
      if (cardNumber === TEST_CARD_SUCCESS) return { status: "succeeded", reference: reference("ch") };
      const reason = cardNumber === TEST_CARD_DECLINE ? "The card was declined." : "The card was declined: only the documented test cards are accepted.";
      return { status: "declined", reference: reference("ch"), reason };
    },
    async refund() {
      return { reference: reference("re") };
    },
  };
}
