import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCache } from "./cache";
import { createLogger } from "./logger";
import { createRedis } from "./redis";

const logger = createLogger("silent");

const variants = [
  { name: "in-memory", make: () => ({ a: createCache(logger), b: undefined, close: async () => {} }) },
  ...(process.env.REDIS_URL
    ? [
        {
          name: "redis (two replicas)",
          make: () => {
            const ra = createRedis(process.env.REDIS_URL!, logger, "cache-a");
            const rb = createRedis(process.env.REDIS_URL!, logger, "cache-b");
            return { a: createCache(logger, ra), b: createCache(logger, rb), close: async () => void (await Promise.all([ra.quit(), rb.quit()])) };
          },
        },
      ]
    : []),
];

describe.each(variants)("cache ($name)", ({ make }) => {
  it("when a key is read twice, then the loader runs once and the second read is a hit", async () => {
    const { a, close } = make();
    const ns = `t-${randomUUID()}`;
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await a.getOrLoad(ns, "k", load)).toEqual({ n: 1 });
    await new Promise((r) => setTimeout(r, 20)); // the Redis fill is fire-and-forget
    expect(await a.getOrLoad(ns, "k", load)).toEqual({ n: 1 });
    expect(loads).toBe(1);
    expect(a.stats().hits).toBeGreaterThanOrEqual(1);
    await close();
  });

  it("when a namespace is invalidated, then the next read (on any replica) loads fresh data", async () => {
    const { a, b, close } = make();
    const other = b ?? a;
    const ns = `t-${randomUUID()}`;
    let version = 1;
    const load = async () => ({ version });
    await other.getOrLoad(ns, "k", load);
    await new Promise((r) => setTimeout(r, 20));
    version = 2;
    await a.invalidate(ns);
    expect(await other.getOrLoad(ns, "k", load)).toEqual({ version: 2 });
    await close();
  });

  it("when a load began before an invalidation, then its stale result is not cached", async () => {
    const { a, close } = make();
    const ns = `t-${randomUUID()}`;
    let release!: () => void;
    const slowStale = a.getOrLoad(ns, "k", () => new Promise<{ v: string }>((r) => (release = () => r({ v: "stale" }))));
    await new Promise((r) => setTimeout(r, 20));
    await a.invalidate(ns);
    release();
    expect(await slowStale).toEqual({ v: "stale" });
    await new Promise((r) => setTimeout(r, 20));
    expect(await a.getOrLoad(ns, "k", async () => ({ v: "fresh" }))).toEqual({ v: "fresh" });
    await close();
  });
});

describe("cache with Redis down", () => {
  it("when Redis is unreachable, then reads fall through to the loader", async () => {
    const redis = createRedis("redis://127.0.0.1:1", logger, "down");
    const cache = createCache(logger, redis);
    const started = Date.now();
    expect(await cache.getOrLoad("ns", "k", async () => "from-db")).toBe("from-db");
    expect(Date.now() - started).toBeLessThan(2_500);
    redis.disconnect();
  });
});
