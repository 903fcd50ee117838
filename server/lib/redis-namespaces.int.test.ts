import request from "supertest";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness";
import { accessTokenFor } from "../test/agents";
import { makeProduct, makeUser, uniqueSuffix } from "../test/factories";
import { orderFixture } from "../test/order-fixture";
import { privateRedis } from "../test/private-redis";
import type { EventMap } from "./events";

/** Issue 14 scope 3: two deployments on one Redis server share nothing (a private Redis, so every key counts). */
const redis = privateRedis(5381);

const received = (t: TestApp) => {
  const seen: Array<{ topic: string; payload: unknown }> = [];
  for (const topic of ["order.created", "catalog.changed"] as const) t.ctx.events.subscribe(topic, (payload) => void seen.push({ topic, payload }));
  return seen;
};

describe("deployment namespaces in Redis (REDIS_PREFIX)", () => {
  let alpha: TestApp;
  let beta: TestApp;
  const prefixes = { alpha: `fp:alpha-${uniqueSuffix()}`, beta: `fp:beta-${uniqueSuffix()}` };
  let inspector: Redis;
  beforeAll(async () => {
    await redis.start();
    // TRUST_PROXY: each test speaks as its own client address (X-Forwarded-For), so rate limits stay per test.
    const env = { REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: "3", CACHE_TTL_SECONDS: "60", TRUST_PROXY: "true" };
    alpha = await createTestApp({ ...env, REDIS_PREFIX: prefixes.alpha });
    beta = await createTestApp({ ...env, REDIS_PREFIX: prefixes.beta });
    inspector = new Redis(redis.url);
    // Both buses subscribe while connecting: wait until Redis has them (on a busy machine that takes a moment).
    const subscribers = async () => {
      const counts = (await inspector.pubsub("NUMSUB", `${prefixes.alpha}:events:order.created`, `${prefixes.beta}:events:order.created`)) as Array<
        string | number
      >;
      return [Number(counts[1]), Number(counts[3])];
    };
    const deadline = Date.now() + 10_000;
    while ((await subscribers()).some((n) => n < 1) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    inspector.disconnect();
    await redis.kill();
  });

  it("when one deployment publishes events, then only its own replicas receive them", async () => {
    const seenByAlpha = received(alpha);
    const seenByBeta = received(beta);
    const order = orderFixture();
    await alpha.ctx.events.publish("order.created", { orderId: order.id, userId: order.userId, order } satisfies EventMap["order.created"]);
    await beta.ctx.events.publish("catalog.changed", { entity: "product", id: "beta-only" });
    await new Promise((r) => setTimeout(r, 500));
    expect(seenByAlpha.map((e) => e.topic)).toEqual(["order.created"]);
    expect(seenByBeta.map((e) => e.topic)).toEqual(["catalog.changed"]);
  });

  it("when one deployment spends a client's rate limit, then the other's counter for that client is untouched", async () => {
    const statuses = async (t: TestApp) => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) out.push((await request(t.app).get("/api/v1/sectors").set("X-Forwarded-For", "203.0.113.7")).status);
      return out;
    };
    expect(await statuses(alpha)).toEqual([200, 200, 200, 429]);
    expect(await statuses(beta)).toEqual([200, 200, 200, 429]);
  });

  it("when both deployments cache, count active users and subscribe, then every key and channel in Redis carries one of the two prefixes", async () => {
    const product = await makeProduct(alpha.db);
    const user = await makeUser(alpha.db);
    for (const t of [alpha, beta]) {
      await request(t.app).get(`/api/v1/products/${product.slug}`).set("X-Forwarded-For", "203.0.113.8").set("Authorization", accessTokenFor(t, user.id));
    }
    await new Promise((r) => setTimeout(r, 300)); // activity writes are fire-and-forget
    const keys = await inspector.keys("*");
    const channels = (await inspector.pubsub("CHANNELS", "*")) as string[];
    const owner = (name: string) => (name.startsWith(`${prefixes.alpha}:`) ? "alpha" : name.startsWith(`${prefixes.beta}:`) ? "beta" : "none");
    console.log(`namespaces: ${keys.length} keys, ${channels.length} channels`);
    expect(keys.filter((k) => owner(k) === "none")).toEqual([]);
    expect(channels.filter((c) => owner(c) === "none")).toEqual([]);
    for (const prefix of [prefixes.alpha, prefixes.beta]) {
      for (const kind of ["rl:api:", "cache:", "active-users", "events:"]) {
        expect(
          [...keys, ...channels].some((name) => name.startsWith(`${prefix}:${kind}`)),
          `${prefix}:${kind}`,
        ).toBe(true);
      }
    }
  });
});
