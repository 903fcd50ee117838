import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { closeRedis, createRedis, redisGuard, type Redis } from "./redis";

// A real Redis: what matters is the order in which Node handles a reply that arrived while the event loop was
// stalled and the budget's timer, which only a real socket shows. Runs where REDIS_URL is set (CI's main pass).
const url = process.env.REDIS_URL;
let client: Redis;

/** Blocks this process's event loop, as a GC pause or compiling a chunk loaded on demand does. */
function stall(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

describe.skipIf(!url)("Redis guard on a stalled event loop", () => {
  beforeAll(async () => {
    client = createRedis(url!, createLogger("silent"), "guard-stall-test", { budgetMs: 100 });
    await new Promise<void>((resolve) => (client.status === "ready" ? resolve() : client.once("ready", () => resolve())));
  });

  afterAll(async () => {
    await closeRedis(client);
  });

  it("when our own loop stalls past the budget while Redis's reply is already in, then the call succeeds and the breaker stays closed", async () => {
    const guard = redisGuard(client);

    const call = guard.run("ping", (r) => r.ping());
    stall(300); // the reply arrives within a millisecond; the 100 ms timer is due long before the loop is free

    await expect(call).resolves.toBe("PONG");
    expect(guard.state).toBe("healthy");
    await expect(guard.run("ping", (r) => r.ping())).resolves.toBe("PONG");
  });
});
