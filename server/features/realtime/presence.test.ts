import { afterEach, describe, expect, it } from "vitest";
import type { ServerMessageOf } from "@shared/realtime";
import { createEventBus } from "../../lib/events";
import { createLogger } from "../../lib/logger";
import { waitFor } from "../../test/wait-for";
import { createHub, type HubSocket } from "./realtime.hub";
import { createPresence, type Presence } from "./presence";

class FakeSocket implements HubSocket {
  readyState = 1;
  bufferedAmount = 0;
  frames: Buffer[] = [];
  send(data: Buffer) {
    this.frames.push(data);
  }
  terminate() {
    this.readyState = 3;
  }
  /** The editors' names of the last `presence` message received. */
  lastNames(): string[] | undefined {
    const last = this.frames
      .map((f) => JSON.parse(f.toString()) as { type: string })
      .filter((m) => m.type === "presence")
      .at(-1);
    return (last as ServerMessageOf<"presence"> | undefined)?.editors.map((e) => e.name);
  }
}

const logger = createLogger("silent");
const resource = `product:${crypto.randomUUID()}`;
const admin = (name: string) => ({ id: crypto.randomUUID(), role: "admin" as const, name });

// Two "replicas" on one in-process bus: each presence has its own replica id, exactly as over Redis.
const opened: Presence[] = [];
function replica(bus: ReturnType<typeof createEventBus>, heartbeatMs = 10_000) {
  const hub = createHub();
  const presence = createPresence(hub, bus, logger, { heartbeatMs, maxPerClient: 2 });
  opened.push(presence);
  const join = (user: ReturnType<typeof admin>, on = resource) => {
    const socket = new FakeSocket();
    const client = hub.add(socket, user);
    expect(presence.enter(client, on, { userId: user.id, name: user.name })).toBe(true);
    return { socket, client };
  };
  return { hub, presence, join };
}
afterEach(() => {
  for (const presence of opened.splice(0)) presence.close();
});

describe("presence", () => {
  it("when admins on two replicas edit one product, then each sees both; when one leaves, the other sees it at once", async () => {
    const bus = createEventBus(logger);
    const a = replica(bus);
    const b = replica(bus);
    const sam = a.join(admin("Sam"));
    const kim = b.join(admin("Kim"));
    await waitFor(() => sam.socket.lastNames()?.join() === "Kim,Sam" && kim.socket.lastNames()?.join() === "Kim,Sam", 1_000, "both lists");
    b.presence.leaveAll(kim.client);
    await waitFor(() => sam.socket.lastNames()?.join() === "Sam", 1_000, "Kim gone");
  });

  it("when one user has two tabs on the product, then they are listed once and stay until both leave", async () => {
    const bus = createEventBus(logger);
    const a = replica(bus);
    const sam = admin("Sam");
    const first = a.join(sam);
    const second = a.join(sam);
    const watcher = a.join(admin("Ann"));
    expect(watcher.socket.lastNames()).toEqual(["Ann", "Sam"]);
    a.presence.leave(first.client, resource);
    expect(watcher.socket.lastNames()).toEqual(["Ann", "Sam"]);
    a.presence.leave(second.client, resource);
    expect(watcher.socket.lastNames()).toEqual(["Ann"]);
  });

  it("when a replica stops announcing (crashed), then its editors expire after three missed heartbeats", async () => {
    const bus = createEventBus(logger);
    const a = replica(bus, 20);
    const sam = a.join(admin("Sam"));
    // A replica that announces once and is never heard from again.
    await bus.publish("presence.replica", { replica: "gone", resources: { [resource]: [{ userId: "u-kim", name: "Kim" }] } });
    await waitFor(() => sam.socket.lastNames()?.join() === "Kim,Sam", 1_000, "Kim listed");
    await waitFor(() => sam.socket.lastNames()?.join() === "Sam", 1_000, "Kim expired");
  });

  it("when a socket is on its maximum of resources, then another enter is refused and leaving frees a place", () => {
    const bus = createEventBus(logger);
    const a = replica(bus);
    const sam = admin("Sam");
    const { client } = a.join(sam);
    const second = `product:${crypto.randomUUID()}`;
    const third = `product:${crypto.randomUUID()}`;
    expect(a.presence.enter(client, second, { userId: sam.id, name: sam.name })).toBe(true);
    expect(a.presence.enter(client, third, { userId: sam.id, name: sam.name })).toBe(false);
    expect(a.presence.enter(client, second, { userId: sam.id, name: sam.name })).toBe(true); // already there: not a new place
    a.presence.leave(client, second);
    expect(a.presence.enter(client, third, { userId: sam.id, name: sam.name })).toBe(true);
  });

  it("when a watcher's account is no longer an admin, then it receives no presence updates", () => {
    const bus = createEventBus(logger);
    const a = replica(bus);
    const demoted = a.join(admin("Sam"));
    const before = demoted.socket.frames.length;
    demoted.client.user = { ...demoted.client.user, role: "staff" };
    a.join(admin("Kim"));
    expect(demoted.socket.frames.length).toBe(before);
  });
});
