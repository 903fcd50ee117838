import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Options } from "express-rate-limit";
import { createLogger } from "./logger";
import { FailSafeRedisStore, signInDelayMs } from "./rate-limit";
import type { Redis } from "./redis";

/** Enough of ioredis for rate-limit-redis: SCRIPT LOAD, EVALSHA (increment), DECR; can hang or fail on demand. */
class FakeRedis extends EventEmitter {
  status = "ready";
  mode: "ok" | "hang" | "fail" = "ok";
  hits = new Map<string, number>();
  scriptLoads = 0;
  async call(command: string, ...args: string[]): Promise<unknown> {
    if (this.mode === "hang") return new Promise(() => undefined);
    if (this.mode === "fail") throw new Error("connection lost");
    if (command === "SCRIPT") return `sha-${++this.scriptLoads}`;
    if (command === "EVALSHA") {
      const key = args[2]!;
      this.hits.set(key, (this.hits.get(key) ?? 0) + 1);
      return [this.hits.get(key)!, 60_000];
    }
    if (command === "DECR") this.hits.set(args[0]!, (this.hits.get(args[0]!) ?? 1) - 1);
    return "OK";
  }
}

const options = { windowMs: 60_000 } as Options;
const logger = createLogger("silent");

function storeWith(redis: FakeRedis) {
  const store = new FailSafeRedisStore(redis as unknown as Redis, "test:", logger);
  store.init(options);
  return store;
}

afterEach(() => vi.restoreAllMocks());

describe("fail-safe Redis rate-limit store", () => {
  it("when Redis answers, then the counts live in Redis", async () => {
    const redis = new FakeRedis();
    const store = storeWith(redis);
    expect((await store.increment("k")).totalHits).toBe(1);
    expect((await store.increment("k")).totalHits).toBe(2);
    expect(redis.hits.get("test:k")).toBe(2);
  });

  it("when Redis hangs, then the call falls back to memory within a second and later calls skip Redis at once", async () => {
    const redis = new FakeRedis();
    const store = storeWith(redis);
    await store.increment("k");
    redis.mode = "hang";
    let started = Date.now();
    expect((await store.increment("k")).totalHits).toBe(1); // counted in memory: never unlimited
    expect(Date.now() - started).toBeLessThan(1_000);
    started = Date.now();
    expect((await store.increment("k")).totalHits).toBe(2);
    expect(Date.now() - started).toBeLessThan(50);
  });

  it("when Redis fails and later recovers, then the store goes back to Redis and reloads its scripts", async () => {
    const redis = new FakeRedis();
    const store = storeWith(redis);
    await store.increment("k");
    redis.mode = "fail";
    expect((await store.increment("k")).totalHits).toBe(1);
    redis.mode = "ok";
    const loadsBefore = redis.scriptLoads;
    const realNow = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(realNow + 6_000); // past the retry pause
    expect((await store.increment("k")).totalHits).toBe(2);
    expect(redis.scriptLoads).toBeGreaterThan(loadsBefore);
  });

  it("when Redis is still connecting, then the store waits for it briefly instead of splitting the count", async () => {
    const redis = new FakeRedis();
    redis.status = "connecting";
    const store = storeWith(redis);
    setTimeout(() => {
      redis.status = "ready";
      redis.emit("ready");
    }, 50);
    await store.increment("k");
    expect(redis.hits.get("test:k")).toBe(1);
  });
});

describe("signInDelayMs", () => {
  it("when an account has up to the free number of failures, then there is no delay; beyond, it doubles from 0.5 s to at most 10 s", () => {
    expect([0, 5].map((n) => signInDelayMs(n, 5))).toEqual([0, 0]);
    expect([6, 7, 8, 9, 10, 11, 50].map((n) => signInDelayMs(n, 5))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
