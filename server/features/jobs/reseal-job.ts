import type { Logger } from "../../lib/logger";
import type { JobsService } from "./jobs.service";

/** One table's re-encryption step: reseals up to `limit` rows not under `currentPrefix`, returns how many it did. */
export type ResealBatch = (currentPrefix: string, limit: number) => Promise<number>;

export const RESEAL_JOB = "data.reencrypt";
const BATCH = 200;
/** Leaves headroom under the job's timeout; the next periodic run goes on where this one stopped. */
const TIME_BUDGET_MS = 40_000;

/** Reseals every table until none has rows left under an older key (or in clear), within a time budget. */
export async function resealAll(batches: readonly ResealBatch[], currentPrefix: string, budgetMs = Number.POSITIVE_INFINITY): Promise<number> {
  const started = Date.now();
  let total = 0;
  for (const batch of batches) {
    for (let done = BATCH; done === BATCH && Date.now() - started < budgetMs;) {
      done = await batch(currentPrefix, BATCH);
      total += done;
    }
  }
  return total;
}

/**
 * Key rotation and the first encryption of existing rows (ADR 058) as a periodic job: every 10 minutes a worker
 * reseals whatever is not under the newest key. Idempotent, so overlapping runs only share the work.
 */
export function registerResealJob(jobs: JobsService, batches: readonly ResealBatch[], cipher: { currentPrefix: string; currentKeyId: string }, logger: Logger) {
  jobs.register(
    RESEAL_JOB,
    async () => {
      const resealed = await resealAll(batches, cipher.currentPrefix, TIME_BUDGET_MS);
      if (resealed) logger.info({ resealed, keyId: cipher.currentKeyId }, "personal data re-encrypted under the current key");
    },
    { everySeconds: 600, timeoutSeconds: 60 },
  );
}
