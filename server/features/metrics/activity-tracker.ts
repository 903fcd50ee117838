import type { Role } from "@shared/contracts/auth";
import type { Logger } from "../../lib/logger";
import { redisGuard, type Redis } from "../../lib/redis";

/**
 * Who is signed in and active, for the dashboard's "active users" (distinct signed-in users with a request
 * in the last 5 minutes) and the conversion rate's denominator (distinct customers with a request since
 * 00:00 UTC). Without Redis the figures are this replica's; with Redis they are shared by every replica.
 */
export interface ActivityCounts {
  activeUsers: number;
  activeCustomersToday: number;
}

export interface ActivityTracker {
  /** Called for every signed-in request; never waits and never throws. */
  record(userId: string, role: Role, now: number): void;
  counts(now: number): Promise<ActivityCounts>;
}

export const ACTIVE_WINDOW_MS = 5 * 60_000;
/** With Redis, a replica writes a given user at most this often (keeps Redis traffic per request at zero). */
export const REDIS_WRITE_INTERVAL_MS = 10_000;
/** Redis keys, in the deployment's namespace (REDIS_PREFIX; tests pass their own to stay apart from other tests). */
export const activeUsersKey = (prefix = "fp") => `${prefix}:active-users`;
export const activeCustomersKey = (now: number, prefix = "fp") => `${prefix}:active-customers:${utcDay(now)}`;
const DAY_KEY_TTL_SECONDS = 2 * 24 * 3600;

export const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);
export const utcMidnight = (now: number) => new Date(`${utcDay(now)}T00:00:00.000Z`);

/** Map in least-recently-seen order (delete + set moves a key to the end), so pruning stops at the first fresh entry. */
function touch(map: Map<string, number>, key: string, now: number) {
  map.delete(key);
  map.set(key, now);
}
function pruneOlderThan(map: Map<string, number>, cutoff: number) {
  for (const [key, seen] of map) {
    if (seen >= cutoff) break;
    map.delete(key);
  }
}

export function createMemoryActivityTracker(): ActivityTracker {
  const lastSeen = new Map<string, number>();
  let day = "";
  let customersToday = new Set<string>();
  const rollDay = (now: number) => {
    const today = utcDay(now);
    if (today !== day) {
      day = today;
      customersToday = new Set();
    }
  };
  return {
    record(userId, role, now) {
      touch(lastSeen, userId, now);
      if (role === "customer") {
        rollDay(now);
        customersToday.add(userId);
      }
    },
    async counts(now) {
      pruneOlderThan(lastSeen, now - ACTIVE_WINDOW_MS);
      rollDay(now);
      return { activeUsers: lastSeen.size, activeCustomersToday: customersToday.size };
    },
  };
}

/**
 * Shared through Redis: a sorted set of user ids scored by their last request (trimmed to 5 minutes when
 * counted) and a set of today's active customers per UTC day (expires after 2 days).
 */
export function createRedisActivityTracker(redis: Redis, logger: Logger, keyPrefix = "fp"): ActivityTracker {
  const ACTIVE_USERS_KEY = activeUsersKey(keyPrefix);
  const customersKey = (now: number) => activeCustomersKey(now, keyPrefix);
  const lastWrite = new Map<string, number>();
  const guard = redisGuard(redis);
  let lastError = "";
  const warnOnce = (err: unknown) => {
    const message = (err as Error).message;
    if (message !== lastError) logger.warn({ err: message }, "activity tracker could not reach Redis");
    lastError = message;
  };
  return {
    record(userId, role, now) {
      const previous = lastWrite.get(userId);
      if (previous !== undefined && now - previous < REDIS_WRITE_INTERVAL_MS) return;
      touch(lastWrite, userId, now);
      // Skipped, not queued, while Redis is down: the figure is best effort and must cost requests nothing.
      guard
        .run("activity record", (r) => {
          const pipeline = r.multi().zadd(ACTIVE_USERS_KEY, now, userId);
          if (role === "customer") pipeline.sadd(customersKey(now), userId).expire(customersKey(now), DAY_KEY_TTL_SECONDS);
          return pipeline.exec();
        })
        .catch(warnOnce);
    },
    async counts(now) {
      pruneOlderThan(lastWrite, now - REDIS_WRITE_INTERVAL_MS);
      const results = await guard.run("activity counts", (r) =>
        r
          .multi()
          .zremrangebyscore(ACTIVE_USERS_KEY, "-inf", `(${now - ACTIVE_WINDOW_MS}`)
          .zcard(ACTIVE_USERS_KEY)
          .scard(customersKey(now))
          .exec(),
      );
      if (!results) throw new Error("the activity transaction was discarded");
      const [, [zcardErr, activeUsers], [scardErr, activeCustomersToday]] = results as [unknown, [Error | null, number], [Error | null, number]];
      if (zcardErr || scardErr) throw zcardErr ?? scardErr;
      lastError = "";
      return { activeUsers, activeCustomersToday };
    },
  };
}
