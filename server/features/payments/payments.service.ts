import type { Logger } from "../../lib/logger";
import { CircuitBreaker, CircuitOpenError } from "../../lib/circuit-breaker";
import { TimeoutError, withTimeout } from "../../lib/timeout";
import type { ChargeLookup, ChargeRequest, PaymentProvider, RefundRequest } from "./payment-provider";

/**
 * Calls to the payment provider, each bounded by a timeout and guarded by a circuit breaker, so a slow or
 * failing provider costs a checkout at most `timeoutMs` and, once it keeps failing, nothing at all.
 *
 * Outcomes are values, not exceptions: "declined" is the shopper's card saying no; "unavailable" is the
 * provider failing (error, timeout or open circuit). Only "unavailable" counts against the breaker.
 */
export type ChargeOutcome =
  | { outcome: "succeeded"; reference: string }
  | { outcome: "declined"; reference: string; reason: string }
  | { outcome: "unavailable"; reference: string; reason: string };

/** A lookup that could not be answered is "unavailable": the caller asks again later rather than guessing. */
export type LookupOutcome = ChargeLookup | { status: "unavailable"; reason: string };

export type RefundOutcome = { outcome: "succeeded"; reference: string } | { outcome: "unavailable"; reason: string };

export interface PaymentsOptions {
  provider: PaymentProvider;
  timeoutMs?: number;
  breaker?: CircuitBreaker;
  logger: Logger;
}

export const DEFAULT_PAYMENT_TIMEOUT_MS = 5_000;

export function createPaymentsService(options: PaymentsOptions) {
  const { provider, logger } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PAYMENT_TIMEOUT_MS;
  const breaker = options.breaker ?? new CircuitBreaker({ failureThreshold: 5, coolDownMs: 30_000 });

  const reasonOf = (err: unknown) => (err instanceof CircuitOpenError ? "circuit_open" : err instanceof TimeoutError ? "timeout" : "provider_error");

  return {
    providerName: provider.name,
    get circuitState() {
      return breaker.state;
    },

    async charge(request: Omit<ChargeRequest, "signal">): Promise<ChargeOutcome> {
      try {
        const result = await breaker.execute(() => withTimeout((signal) => provider.charge({ ...request, signal }), timeoutMs, "payment charge"));
        return result.status === "succeeded"
          ? { outcome: "succeeded", reference: result.reference }
          : { outcome: "declined", reference: result.reference, reason: result.reason };
      } catch (err) {
        const reason = reasonOf(err);
        // Never the request: it holds the card number.
        logger.warn({ provider: provider.name, orderId: request.orderId, reason, err: (err as Error)?.message }, "payment charge failed");
        return { outcome: "unavailable", reference: `unavailable:${reason}`, reason };
      }
    },

    async refund(request: Omit<RefundRequest, "signal">): Promise<RefundOutcome> {
      try {
        const result = await breaker.execute(() => withTimeout((signal) => provider.refund({ ...request, signal }), timeoutMs, "payment refund"));
        return { outcome: "succeeded", reference: result.reference };
      } catch (err) {
        const reason = reasonOf(err);
        logger.warn({ provider: provider.name, orderId: request.orderId, reason, err: (err as Error)?.message }, "payment refund failed");
        return { outcome: "unavailable", reason };
      }
    },

    async lookup(orderId: string): Promise<LookupOutcome> {
      try {
        return await breaker.execute(() => withTimeout((signal) => provider.lookup(orderId, signal), timeoutMs, "payment lookup"));
      } catch (err) {
        const reason = reasonOf(err);
        logger?.warn({ provider: provider.name, orderId, reason, err: (err as Error)?.message }, "payment lookup failed");
        return { status: "unavailable", reason };
      }
    },
  };
}
export type PaymentsService = ReturnType<typeof createPaymentsService>;
