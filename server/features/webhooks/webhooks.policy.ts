import type { Env } from "../../env";

/** How deliveries are retried and when an endpoint is switched off (WEBHOOK_* variables). */
export interface DeliveryPolicy {
  /** Attempts per delivery, the first included. */
  maxAttempts: number;
  /** Delay before the first retry; each later one is four times longer. */
  retryBaseSeconds: number;
  /** Failed attempts in a row after which the endpoint is disabled; 0 = never. */
  disableAfterFailures: number;
  allowPrivateTargets: boolean;
}

export const policyFromEnv = (env: Env): DeliveryPolicy => ({
  maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
  retryBaseSeconds: env.WEBHOOK_RETRY_BASE_SECONDS,
  disableAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES,
  allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
});

const MAX_DELAY_SECONDS = 12 * 3600;

/**
 * Delay before the attempt after `attemptsMade`: base·4^(n-1), capped at 12 h, ±20 % jitter so endpoints that
 * failed together do not retry together. With the defaults (30 s, 8 attempts) the retries come after
 * 30 s, 2 min, 8 min, 32 min, 2.1 h, 8.5 h and 12 h: about a day in all.
 */
export function retryDelaySeconds(attemptsMade: number, baseSeconds: number, random: () => number = Math.random): number {
  const raw = Math.min(baseSeconds * 4 ** Math.max(0, attemptsMade - 1), MAX_DELAY_SECONDS);
  return Math.round(raw * (0.8 + 0.4 * random()));
}
