/** What withTimeout rejects with when the work did not settle in time. */
export class TimeoutError extends Error {
  constructor(
    what: string,
    readonly ms: number,
  ) {
    super(`${what} timed out after ${ms} ms`);
    this.name = "TimeoutError";
  }
}

/**
 * Settles like `work`, or rejects with a TimeoutError after `ms`. A `work` function gets an AbortSignal that
 * fires on timeout so it can stop (the timeout rejects first: callers see TimeoutError, not the work's abort
 * error). The timer is cleared once settled and never keeps the process alive on its own.
 */
export async function withTimeout<T>(work: Promise<T> | ((signal: AbortSignal) => Promise<T>), ms: number, what: string): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new TimeoutError(what, ms));
      controller.abort();
    }, ms);
    timer.unref();
  });
  try {
    return await Promise.race([typeof work === "function" ? work(controller.signal) : work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
