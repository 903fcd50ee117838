import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { defaultRedisPrefix, parseEnv } from "../env";
import { RedisGuard, RedisUnavailableError, type Redis } from "./redis";

/** What the guard reads of an ioredis client: its status and its `ready` event. */
class FakeClient extends EventEmitter {
  status = "ready";
}

const guardOf = (client: FakeClient, budgetMs = 50) => new RedisGuard(client as unknown as Redis, { budgetMs, coolDownMs: 200 });
const hang = () => new Promise<never>(() => undefined);

describe("Redis guard: budget and breaker", () => {
  it("when a call outlasts the budget, then it fails at the budget and the next calls are skipped at once", async () => {
    const client = new FakeClient();
    client.emit("ready");
    const guard = guardOf(client);
    let started = performance.now();
    await expect(guard.run("slow", hang)).rejects.toThrow(/longer than 50 ms/);
    expect(performance.now() - started).toBeLessThan(1_000); // 50 ms budget; generous for a busy machine
    started = performance.now();
    await expect(guard.run("next", async () => "never called")).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(performance.now() - started).toBeLessThan(50);
    expect(guard.state).toBe("degraded");
    expect(guard.stats).toEqual({ ok: 0, failed: 1, skipped: 1 });
  });

  it("when the cool-down has passed and the trial call succeeds, then calls go to Redis again", async () => {
    const client = new FakeClient();
    client.emit("ready");
    const guard = guardOf(client);
    await expect(guard.run("fail", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await new Promise((r) => setTimeout(r, 250));
    expect(await guard.run("trial", async () => "PONG")).toBe("PONG");
    expect(guard.state).toBe("healthy");
  });

  it("when the connection dropped after having been up, then calls are skipped without waiting for the budget", async () => {
    const client = new FakeClient();
    const guard = guardOf(client, 5_000);
    client.status = "reconnecting";
    const started = performance.now();
    await expect(guard.run("down", hang)).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("when the first connection is still being made at boot, then a call may wait for it within the budget", async () => {
    const client = new FakeClient();
    client.status = "connecting";
    expect(await guardOf(client).run("boot", async () => "OK")).toBe("OK");
  });
});

describe("REDIS_PREFIX", () => {
  it("when it is not set, then it is derived from the database name (or 'embedded' on PGlite)", () => {
    expect(defaultRedisPrefix("postgres://u:p@db.example:5432/shop_eu")).toBe("fp:shop_eu");
    expect(defaultRedisPrefix("postgres://u@db.example/")).toBe("fp:postgres");
    expect(defaultRedisPrefix(undefined)).toBe("fp:embedded");
    expect(parseEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/staging" }).REDIS_PREFIX).toBe("fp:staging");
    expect(parseEnv({ REDIS_PREFIX: "acme:prod" }).REDIS_PREFIX).toBe("acme:prod");
  });

  it("when it holds characters a key should not, then the environment is refused", () => {
    expect(() => parseEnv({ REDIS_PREFIX: "a b*" })).toThrow(/REDIS_PREFIX/);
  });
});
