import { describe, expect, it } from "vitest";
import { createEventBus } from "../../lib/events";
import { createLogger } from "../../lib/logger";
import { orderFixture } from "../../test/order-fixture";
import { createHub, wireHubToEvents, type HubSocket } from "./realtime.hub";

class FakeSocket implements HubSocket {
  readyState = 1;
  bufferedAmount = 0;
  frames: Buffer[] = [];
  terminated = false;
  send(data: Buffer) {
    this.frames.push(data);
  }
  terminate() {
    this.terminated = true;
    this.readyState = 3;
  }
}

const user = (role: "customer" | "staff" | "admin" = "customer") => ({ id: crypto.randomUUID(), role });

describe("realtime hub", () => {
  it("when a broadcast goes to many sockets, then it is serialised once and the very same buffer is written to each", () => {
    const hub = createHub();
    const sockets = Array.from({ length: 5 }, () => new FakeSocket());
    for (const socket of sockets) hub.join(hub.add(socket, user()), "catalog");
    const originalStringify = JSON.stringify;
    let stringifyCalls = 0;
    JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
      stringifyCalls++;
      return originalStringify(...args);
    }) as typeof JSON.stringify;
    try {
      expect(hub.broadcast("catalog", { type: "catalog.changed", data: { entity: "product", id: "p" } })).toBe(5);
    } finally {
      JSON.stringify = originalStringify;
    }
    expect(stringifyCalls).toBe(1);
    const first = sockets[0]!.frames[0]!;
    for (const socket of sockets) expect(socket.frames[0]).toBe(first);
    expect(JSON.parse(first.toString())).toEqual({ type: "catalog.changed", data: { entity: "product", id: "p" } });
  });

  it("when a client's send buffer is over the cap, then broadcasts skip it, and it is terminated after N consecutive skips", () => {
    const hub = createHub({ backpressure: { maxBufferedBytes: 1_000, maxConsecutiveSkips: 3, maxOverCapMs: 60_000 } });
    const slow = new FakeSocket();
    const fast = new FakeSocket();
    hub.join(hub.add(slow, user()), "catalog");
    hub.join(hub.add(fast, user()), "catalog");
    slow.bufferedAmount = 5_000;
    const message = { type: "catalog.changed", data: { entity: "product", id: "p" } } as const;
    expect(hub.broadcast("catalog", message)).toBe(1);
    expect(hub.broadcast("catalog", message)).toBe(1);
    expect(slow.terminated).toBe(false);
    hub.broadcast("catalog", message);
    expect(slow.terminated).toBe(true);
    expect(slow.frames).toHaveLength(0);
    expect(fast.frames).toHaveLength(3);
  });

  it("when a client drains its buffer in time, then it is served again and its skip count starts over", () => {
    const hub = createHub({ backpressure: { maxBufferedBytes: 1_000, maxConsecutiveSkips: 2, maxOverCapMs: 60_000 } });
    const socket = new FakeSocket();
    hub.join(hub.add(socket, user()), "catalog");
    const message = { type: "catalog.changed", data: { entity: "brand", id: "b" } } as const;
    socket.bufferedAmount = 5_000;
    hub.broadcast("catalog", message);
    socket.bufferedAmount = 0;
    hub.broadcast("catalog", message);
    socket.bufferedAmount = 5_000;
    hub.broadcast("catalog", message);
    expect(socket.terminated).toBe(false);
    expect(socket.frames).toHaveLength(1);
  });

  it("when a client stays over the cap longer than allowed, then the sweep terminates it even without broadcasts", () => {
    let now = 0;
    const hub = createHub({ now: () => now, backpressure: { maxBufferedBytes: 1_000, maxConsecutiveSkips: 100, maxOverCapMs: 10_000 } });
    const socket = new FakeSocket();
    hub.add(socket, user());
    socket.bufferedAmount = 5_000;
    hub.sweep();
    now = 9_999;
    hub.sweep();
    expect(socket.terminated).toBe(false);
    now = 10_000;
    hub.sweep();
    expect(socket.terminated).toBe(true);
  });

  it("when order events arrive, then customers get only their own order's status and staff get everything", async () => {
    const events = createEventBus(createLogger("silent"));
    const hub = createHub();
    const snapshots = new Set<(s: never) => void>();
    const stop = wireHubToEvents(hub, events, { onSnapshot: (l) => (snapshots.add(l as never), () => snapshots.delete(l as never)) });
    const owner = user("customer");
    const [ownerSocket, otherSocket, staffSocket] = [new FakeSocket(), new FakeSocket(), new FakeSocket()];
    hub.join(hub.add(ownerSocket, owner), "orders");
    hub.join(hub.add(otherSocket, user("customer")), "orders");
    hub.join(hub.add(staffSocket, user("staff")), "orders");

    await events.publish("order.status_changed", { orderId: "o-1", number: "FP-000001", userId: owner.id, status: "paid", at: "2026-01-01T00:00:00.000Z" });
    const order = orderFixture({ userId: owner.id });
    await events.publish("order.created", { orderId: order.id, userId: owner.id, order });
    await new Promise((r) => setTimeout(r, 10));
    const types = (s: FakeSocket) => s.frames.map((f) => (JSON.parse(f.toString()) as { type: string }).type);
    expect(types(ownerSocket)).toEqual(["order.status"]);
    expect(types(otherSocket)).toEqual([]);
    expect(types(staffSocket)).toEqual(["order.status", "order.created"]);
    stop();
    expect(snapshots.size).toBe(0);
    await events.close();
  });
});
