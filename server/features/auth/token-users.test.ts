import { describe, expect, it } from "vitest";
import { createEventBus } from "../../lib/events";
import { createLogger } from "../../lib/logger";
import type { UserRecord } from "../users/users.service";
import { createTokenUsers } from "./token-users";

// ADR 076: what the cache keeps, for how long, and what drops it (a fake clock; the bus is the in-process one).
describe("the cache of bearer-token users", () => {
  const setup = () => {
    let clock = 1_000_000;
    const events = createEventBus(createLogger("silent"));
    const cache = createTokenUsers(events, () => clock);
    let reads = 0;
    const user = { id: "u1", role: "customer" } as UserRecord;
    const load = async () => (reads++, user);
    return { cache, events, load, reads: () => reads, tick: (ms: number) => (clock += ms) };
  };

  it("when the same user is asked for within a second, then it is read once; after the second, again", async () => {
    const { cache, load, reads, tick } = setup();
    await cache.get("u1", load);
    tick(999);
    await cache.get("u1", load);
    expect(reads()).toBe(1);
    tick(1);
    await cache.get("u1", load);
    expect(reads()).toBe(2);
  });

  it("when a user who is not there is asked for, then nothing is cached", async () => {
    const { cache } = setup();
    let reads = 0;
    const missing = async () => (reads++, undefined);
    await cache.get("gone", missing);
    await cache.get("gone", missing);
    expect(reads).toBe(2);
  });

  it("when the user changes here, then the next ask reads again and the cut-off holds for two seconds", async () => {
    const { cache, load, reads, tick } = setup();
    await cache.get("u1", load);
    cache.changed("u1", new Date(5_000));
    await cache.get("u1", load);
    expect(reads()).toBe(2);
    expect(cache.cutOff("u1")).toBe(5_000);
    tick(2_000);
    expect(cache.cutOff("u1")).toBe(0);
  });

  it("when another replica announces a change, then the cached copy goes", async () => {
    const { cache, events, load, reads } = setup();
    await cache.get("u1", load);
    await events.publish("user.changed", { userId: "u1" });
    await new Promise((resolve) => setImmediate(resolve));
    await cache.get("u1", load);
    expect(reads()).toBe(2);
    await events.close();
  });
});
