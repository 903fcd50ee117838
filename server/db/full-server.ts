import type { Logger } from "../lib/logger";

/** SQLSTATE too_many_connections: the server's (or the role's) connection slots are all taken. */
const TOO_MANY_CONNECTIONS = "53300";
/** How long a pool that met a full server stays at the size it had before trying to grow again. */
export const FULL_SERVER_BACKOFF_MS = 5_000;

/** What of a pg-pool (pg's, or Neon's look-alike) this needs: its connect, its live count and its ceiling. */
interface GrowablePool {
  connect(callback?: (err: Error | undefined, client?: unknown, release?: unknown) => void): Promise<unknown> | void;
  readonly totalCount: number;
  options: { max: number };
}

/**
 * A pool that cannot open another connection because PostgreSQL is full (every slot taken by other replicas, workers
 * or tools) queues the request on the connections it already holds instead of failing it: its ceiling drops to
 * what it holds for FULL_SERVER_BACKOFF_MS, then it may try to grow again. Without this, a burst on one replica
 * while the server is full answers 503 to requests that a few milliseconds' wait would have served. A pool that
 * holds no connection at all still fails (503 with Retry-After): there is nothing to wait for.
 *
 * pg-pool's query() goes through `this.connect` with a callback, so patching the instance covers queries and
 * transactions alike.
 */
export function queueWhenServerFull(pool: GrowablePool, logger?: Logger): void {
  const ceiling = pool.options.max;
  let restoreTimer: NodeJS.Timeout | undefined;
  const connect = pool.connect.bind(pool) as () => Promise<unknown>;

  const shrinkToLive = () => {
    if (pool.options.max !== pool.totalCount) logger?.warn({ live: pool.totalCount, ceiling }, "database is full: waiting on this pool's own connections");
    pool.options.max = pool.totalCount;
    clearTimeout(restoreTimer);
    restoreTimer = setTimeout(() => {
      pool.options.max = ceiling;
    }, FULL_SERVER_BACKOFF_MS);
    restoreTimer.unref();
  };

  const attempt = (): Promise<unknown> =>
    connect().catch((err: Error & { code?: string }) => {
      if (err.code !== TOO_MANY_CONNECTIONS || pool.totalCount === 0) throw err;
      shrinkToLive();
      return attempt();
    });

  pool.connect = (callback) => {
    const checkout = attempt();
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (client as { release: unknown }).release),
      (err: Error) => callback(err),
    );
  };
}
