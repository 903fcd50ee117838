/** Longest wait between two tries, whatever the attempt number: retries for about a day stay possible. */
export const MAX_RETRY_DELAY_SECONDS = 6 * 60 * 60;

/**
 * Exponential backoff with "equal jitter": try n waits between half and all of base·2^(n-1) seconds. The random
 * half spreads retries of jobs that failed together; the fixed half keeps every delay longer than the one before.
 */
export function retryDelaySeconds(failedAttempt: number, baseSeconds: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_SECONDS, baseSeconds * 2 ** Math.max(0, failedAttempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
