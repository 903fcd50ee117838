import { describe, expect, it } from "vitest";
import { createLogger } from "../../lib/logger";
import { createRedis } from "../../lib/redis";
import { activeCustomersKey, activeUsersKey, createMemoryActivityTracker, createRedisActivityTracker } from "./activity-tracker";

const T0 = Date.parse("2026-03-02T10:00:00.000Z");
const BEFORE_MIDNIGHT = Date.parse("2026-03-02T23:58:00.000Z");

describe("activity tracker (in memory)", () => {
  it("when users make requests, then each counts once while active in the last 5 minutes", async () => {
    const tracker = createMemoryActivityTracker();
    tracker.record("a", "customer", T0);
    tracker.record("a", "customer", T0 + 1_000);
    tracker.record("b", "staff", T0 + 2_000);
    expect(await tracker.counts(T0 + 3_000)).toEqual({ activeUsers: 2, activeCustomersToday: 1 });
    tracker.record("b", "staff", T0 + 4 * 60_000);
    expect(await tracker.counts(T0 + 5 * 60_000 + 1_500)).toEqual({ activeUsers: 1, activeCustomersToday: 1 });
  });

  it("when the UTC day changes, then today's active customers start from zero", async () => {
    const tracker = createMemoryActivityTracker();
    tracker.record("a", "customer", BEFORE_MIDNIGHT);
    expect(await tracker.counts(BEFORE_MIDNIGHT)).toEqual({ activeUsers: 1, activeCustomersToday: 1 });
    expect(await tracker.counts(BEFORE_MIDNIGHT + 3 * 60_000)).toEqual({ activeUsers: 1, activeCustomersToday: 0 });
  });
});

describe.runIf(process.env.REDIS_URL)("activity tracker (Redis, shared by replicas)", () => {
  it("when two replicas record users, then both count the union, and a user is written at most once per 10 s per replica", async () => {
    const logger = createLogger("silent");
    const redisA = createRedis(process.env.REDIS_URL!, logger, "activity-a");
    const redisB = createRedis(process.env.REDIS_URL!, logger, "activity-b");
    const prefix = `fp-test-${crypto.randomUUID()}`; // other tests share this Redis
    const ACTIVE_USERS_KEY = activeUsersKey(prefix);
    const a = createRedisActivityTracker(redisA, logger, prefix);
    const b = createRedisActivityTracker(redisB, logger, prefix);
    const now = Date.now();
    const [u1, u2, u3] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    a.record(u1, "customer", now);
    b.record(u2, "customer", now);
    b.record(u3, "admin", now);
    // Each connection runs its commands in order: counting through both flushes both replicas' writes.
    await Promise.all([a.counts(now), b.counts(now)]);
    expect(await a.counts(now)).toEqual({ activeUsers: 3, activeCustomersToday: 2 });
    expect(await b.counts(now)).toEqual({ activeUsers: 3, activeCustomersToday: 2 });
    expect(await redisA.zscore(ACTIVE_USERS_KEY, u1)).toBe(String(now));
    expect(await redisA.sismember(activeCustomersKey(now, prefix), u3)).toBe(0);
    expect(await redisA.ttl(activeCustomersKey(now, prefix))).toBeGreaterThan(24 * 3600);

    a.record(u1, "customer", now + 5_000); // within 10 s: no write
    await a.counts(now + 5_000);
    expect(await redisA.zscore(ACTIVE_USERS_KEY, u1)).toBe(String(now));
    a.record(u1, "customer", now + 10_000);
    await a.counts(now + 10_000);
    expect(await redisA.zscore(ACTIVE_USERS_KEY, u1)).toBe(String(now + 10_000));

    // Counting trims entries older than 5 minutes.
    expect((await a.counts(now + 5 * 60_000 + 5_000)).activeUsers).toBe(1);
    expect(await redisA.zscore(ACTIVE_USERS_KEY, u2)).toBeNull();
    await redisA.del(ACTIVE_USERS_KEY, activeCustomersKey(now, prefix));
    await Promise.all([redisA.quit(), redisB.quit()]);
  });
});
