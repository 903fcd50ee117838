import type { Logger } from "./logger";

/**
 * Timers and other background work run outside any request: an exception there would crash the process
 * (e.g. the 1 Hz metrics sampler hitting EMFILE under a connection flood). They run through `runSafely`,
 * which logs the failure and counts it per task (exported as fp_background_task_failures_total).
 */
const failures = new Map<string, number>();

export function reportBackgroundFailure(task: string, logger: Logger, err: unknown): void {
  failures.set(task, (failures.get(task) ?? 0) + 1);
  logger.error(
    { task, err: err instanceof Error ? { message: err.message, code: (err as NodeJS.ErrnoException).code, stack: err.stack } : String(err) },
    "background task failed",
  );
}

/** Runs `work` now; a throw or a rejection is reported, never propagated. */
export function runSafely(task: string, logger: Logger, work: () => unknown): void {
  try {
    const result = work();
    if (result instanceof Promise) result.catch((err: unknown) => reportBackgroundFailure(task, logger, err));
  } catch (err) {
    reportBackgroundFailure(task, logger, err);
  }
}

/** Failures so far, by task (process-wide: timers belong to the process, not to one app instance). */
export function backgroundFailureCounts(): ReadonlyMap<string, number> {
  return failures;
}
