import { describe, expect, it } from "vitest";
import { createEventBus, type EventMap } from "./events";
import { createLogger } from "./logger";
import { createRedis } from "./redis";

const logger = createLogger("silent");
const nextEvent = <T extends keyof EventMap>(bus: ReturnType<typeof createEventBus>, topic: T) =>
  new Promise<EventMap[T]>((resolve) => {
    const off = bus.subscribe(topic, (payload) => {
      off();
      resolve(payload);
    });
  });

describe("event bus", () => {
  it("when an event is published without Redis, then local subscribers receive it", async () => {
    const bus = createEventBus(logger);
    const received = nextEvent(bus, "catalog.changed");
    await bus.publish("catalog.changed", { entity: "product", id: "p-1" });
    await expect(received).resolves.toEqual({ entity: "product", id: "p-1" });
    await bus.close();
  });

  it("when a subscriber throws, then other subscribers still receive the event", async () => {
    const bus = createEventBus(logger);
    bus.subscribe("catalog.changed", () => {
      throw new Error("boom");
    });
    const received = nextEvent(bus, "catalog.changed");
    await bus.publish("catalog.changed", { entity: "brand", id: "b-1" });
    await expect(received).resolves.toEqual({ entity: "brand", id: "b-1" });
    await bus.close();
  });

  describe.runIf(process.env.REDIS_URL)("across replicas through Redis", () => {
    it("when replica A publishes, then replica B's subscribers receive it once", async () => {
      const redisA = createRedis(process.env.REDIS_URL!, logger, "a");
      const redisB = createRedis(process.env.REDIS_URL!, logger, "b");
      const busA = createEventBus(logger, redisA);
      const busB = createEventBus(logger, redisB);
      await new Promise((r) => setTimeout(r, 200)); // let both subscriptions reach Redis
      const seenByB: unknown[] = [];
      busB.subscribe("order.status_changed", (p) => void seenByB.push(p));
      const payload = { orderId: crypto.randomUUID(), number: "FP-000001", userId: "u", status: "shipped", at: new Date().toISOString() };
      const receivedByB = nextEvent(busB, "order.status_changed");
      await busA.publish("order.status_changed", payload);
      await expect(receivedByB).resolves.toEqual(payload);
      await new Promise((r) => setTimeout(r, 100));
      expect(seenByB.filter((p) => (p as { orderId: string }).orderId === payload.orderId)).toHaveLength(1);
      await Promise.all([busA.close(), busB.close()]);
      await Promise.all([redisA.quit(), redisB.quit()]);
    });
  });
});
