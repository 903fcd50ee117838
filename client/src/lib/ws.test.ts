import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ServerMessage } from "@shared/realtime";
import { backoffDelay, DEFAULT_BACKOFF, RealtimeClient, type SocketLike } from "./ws";

/** A WebSocket stand-in the test opens, feeds and closes by hand. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closedWith: { code?: number; reason?: string } | undefined;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number, reason?: string) {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }
  // ---- driven by the test ----
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: typeof message === "string" ? message : JSON.stringify(message) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function setup(options: { random?: () => number; online?: { value: boolean }; keepaliveMs?: number } = {}) {
  const sockets: FakeSocket[] = [];
  const online = options.online ?? { value: true };
  let onlineListener: (() => void) | undefined;
  const client = new RealtimeClient({
    url: () => "ws://shop.test/ws",
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    random: options.random ?? (() => 0.5),
    now: () => Date.now(),
    isOnline: () => online.value,
    // The fake sockets never hear from a server by themselves: keep the keepalive out of tests not about it.
    keepaliveMs: options.keepaliveMs ?? 3_600_000,
    watchOnline: (listener) => {
      onlineListener = listener;
      return () => (onlineListener = undefined);
    },
  });
  const last = () => sockets[sockets.length - 1]!;
  const setOnline = (value: boolean) => {
    online.value = value;
    onlineListener?.();
  };
  return { client, sockets, last, setOnline };
}

const metricsFrame = {
  type: "metrics",
  data: {
    at: "2026-03-04T10:00:00.000Z",
    http: { requestsPerSecond: 3, p50Ms: 2, p95Ms: 9, p99Ms: 14, errorRate: 0 },
    ws: { connections: 1 },
    process: { rssBytes: 1, heapUsedBytes: 1, cpuPercent: 1, eventLoopLagMs: 0 },
    business: { ordersToday: 0, revenueTodayCents: 0, registrationsToday: 0, activeUsers: 1, conversionRate: 0 },
    jobs: { queued: 0, running: 0, failed: 0, completedPerSecond: 0, oldestWaitingSeconds: 0 },
  },
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("backoffDelay", () => {
  it("when failures grow, then the jitter window doubles from 0.5 s up to the 30 s cap", () => {
    const top = () => 0.999999;
    expect(backoffDelay(1, DEFAULT_BACKOFF, top)).toBe(499);
    expect(backoffDelay(2, DEFAULT_BACKOFF, top)).toBe(999);
    expect(backoffDelay(4, DEFAULT_BACKOFF, top)).toBe(3_999);
    expect(backoffDelay(20, DEFAULT_BACKOFF, top)).toBe(29_999);
    expect(backoffDelay(20, DEFAULT_BACKOFF, () => 0)).toBe(0); // full jitter: anywhere from zero
  });
});

describe("RealtimeClient", () => {
  it("when started, then it connects once and reads live after the socket opens", () => {
    const { client, sockets, last } = setup();
    expect(client.getSnapshot().status).toBe("idle");
    client.start("user-1");
    client.start("user-1"); // a repeat (React re-running the effect) keeps the one connection
    expect(sockets).toHaveLength(1);
    expect(last().url).toBe("ws://shop.test/ws");
    expect(client.getSnapshot().status).toBe("connecting");
    last().open();
    expect(client.getSnapshot()).toMatchObject({ status: "live", opens: 1, failures: 0 });
  });

  it("when channels are wanted by several components, then the server hears one subscribe and one unsubscribe after the last release", () => {
    const { client, last } = setup();
    client.start("user-1");
    last().open();
    const releaseA = client.subscribe("metrics");
    const releaseB = client.subscribe("metrics");
    expect(last().sent).toEqual([{ type: "subscribe", channel: "metrics" }]);
    releaseA();
    vi.advanceTimersByTime(5_000);
    expect(last().sent).toHaveLength(1);
    releaseB();
    expect(last().sent).toHaveLength(1); // unsubscribing waits a moment, in case a remount wants it back
    vi.advanceTimersByTime(1_000);
    expect(last().sent).toEqual([
      { type: "subscribe", channel: "metrics" },
      { type: "unsubscribe", channel: "metrics" },
    ]);
  });

  it("when a channel is released and wanted again at once (a remount), then nothing is sent", () => {
    const { client, last } = setup();
    client.start("user-1");
    last().open();
    client.subscribe("orders")();
    client.subscribe("orders");
    vi.advanceTimersByTime(2_000);
    expect(last().sent).toEqual([{ type: "subscribe", channel: "orders" }]);
    expect(client.wantedChannels()).toEqual(["orders"]);
  });

  it("when channels were asked for before the socket opened, then they are subscribed on open", () => {
    const { client, last } = setup();
    client.subscribe("orders");
    client.subscribe("catalog");
    client.start("user-1");
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent).toEqual([
      { type: "subscribe", channel: "orders" },
      { type: "subscribe", channel: "catalog" },
    ]);
  });

  it("when the connection drops, then it reconnects after a jittered backoff and resubscribes every wanted channel", () => {
    const { client, sockets, last } = setup({ random: () => 0.5 });
    client.start("user-1");
    client.subscribe("orders");
    client.subscribe("metrics");
    last().open();
    last().drop(1006);
    expect(client.getSnapshot()).toMatchObject({ status: "reconnecting", failures: 1 });
    vi.advanceTimersByTime(249); // 0.5 × the first 500 ms window
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().drop(1006); // never opened: the window doubles
    expect(client.getSnapshot().failures).toBe(2);
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    last().open();
    expect(last().sent).toEqual([
      { type: "subscribe", channel: "orders" },
      { type: "subscribe", channel: "metrics" },
    ]);
    expect(client.getSnapshot()).toMatchObject({ status: "live", opens: 2, failures: 2 });
  });

  it("when a connection stays up for a minute, then the failure count resets (a flapping one keeps backing off)", () => {
    const { client, last } = setup();
    client.start("user-1");
    last().drop(1006);
    vi.advanceTimersByTime(1_000);
    last().drop(1006);
    vi.advanceTimersByTime(1_000);
    last().open();
    expect(client.getSnapshot().failures).toBe(2);
    vi.advanceTimersByTime(59_000);
    expect(client.getSnapshot().failures).toBe(2);
    vi.advanceTimersByTime(1_000);
    expect(client.getSnapshot().failures).toBe(0);
  });

  it("when reconnecting keeps failing for 30 s, then the status reads offline while it keeps retrying", () => {
    const { client, sockets, last } = setup({ random: () => 0.99 });
    client.start("user-1");
    last().open();
    last().drop(1006);
    const statuses: string[] = [];
    while (sockets.length < 7) {
      vi.advanceTimersToNextTimer(); // the next attempt, after its backoff
      last().drop(1006);
      statuses.push(client.getSnapshot().status);
    }
    // Waits of ~0.5, 1, 2, 4, 8 and 16 s: the sixth failed attempt comes after the 30 s mark.
    expect(statuses).toEqual(["reconnecting", "reconnecting", "reconnecting", "reconnecting", "reconnecting", "offline"]);
    vi.advanceTimersToNextTimer();
    last().open();
    expect(client.getSnapshot().status).toBe("live");
  });

  it("when the server shuts down with 1001, then the first retry comes within the short window", () => {
    const { client, sockets, last } = setup({ random: () => 0.99 });
    client.start("user-1");
    last().open();
    vi.advanceTimersByTime(120_000); // long-lived connection: failures reset
    last().drop(1001);
    vi.advanceTimersByTime(DEFAULT_BACKOFF.goingAwayWindowMs);
    expect(sockets).toHaveLength(2);
  });

  it("when the server closes with 1008 (policy violation), then it waits at least half the cap before trying again", () => {
    const { client, sockets, last } = setup({ random: () => 0 });
    client.start("user-1");
    last().open();
    last().drop(1008);
    vi.advanceTimersByTime(DEFAULT_BACKOFF.capMs / 2 - 1);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
  });

  it("when messages arrive, then only valid ones reach listeners", () => {
    const invalid: unknown[] = [];
    const sockets: FakeSocket[] = [];
    const client = new RealtimeClient({
      url: () => "ws://x/ws",
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      isOnline: () => true,
      watchOnline: () => () => {},
      onInvalidMessage: (raw) => invalid.push(raw),
    });
    const received: ServerMessage[] = [];
    client.onMessage((m) => received.push(m));
    client.start("user-1");
    const socket = sockets[0]!;
    socket.open();
    socket.receive(metricsFrame);
    socket.receive("not json");
    socket.receive({ type: "metrics", data: { at: "now" } });
    socket.receive({ type: "order.status", data: { orderId: "o1", number: "FP-000001", status: "teleported", at: "x" } });
    socket.receive({ type: "subscribed", channel: "orders" });
    expect(received.map((m) => m.type)).toEqual(["metrics", "subscribed"]);
    expect(invalid).toHaveLength(3);
  });

  it("when stopped (sign-out), then the socket closes normally, the state is idle and nothing reconnects", () => {
    const { client, sockets, last } = setup();
    client.start("user-1");
    last().open();
    client.stop();
    vi.advanceTimersByTime(0);
    expect(last().closedWith).toEqual({ code: 1000, reason: "Signed out" });
    expect(client.getSnapshot()).toMatchObject({ status: "idle", opens: 0 });
    vi.advanceTimersByTime(120_000);
    expect(sockets).toHaveLength(1);
  });

  it("when stop is followed at once by start for the same user (a React remount), then the connection is kept", () => {
    const { client, sockets, last } = setup();
    client.start("user-1");
    last().open();
    client.stop();
    client.start("user-1");
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(1);
    expect(last().closedWith).toBeUndefined();
    expect(client.getSnapshot().status).toBe("live");
  });

  it("when another user starts, then the old connection closes and a new one opens", () => {
    const { client, sockets } = setup();
    client.start("user-1");
    sockets[0]!.open();
    client.start("user-2");
    expect(sockets[0]!.closedWith?.code).toBe(1000);
    expect(sockets).toHaveLength(2);
  });

  it("when the browser is offline, then it shows offline without trying, and connects as soon as it is back", () => {
    const { client, sockets, setOnline } = setup({ online: { value: false } });
    client.start("user-1");
    expect(client.getSnapshot().status).toBe("offline");
    expect(sockets).toHaveLength(0);
    setOnline(true);
    expect(sockets).toHaveLength(1);
    expect(client.getSnapshot().status).toBe("connecting");
  });

  it("when nothing is heard for two keepalive periods, then the silent socket is dropped and a new one opens", () => {
    const { client, sockets, last } = setup({ random: () => 0, keepaliveMs: 25_000 });
    client.start("user-1");
    last().open();
    vi.advanceTimersByTime(25_000);
    expect(last().sent).toEqual([{ type: "ping" }]);
    last().receive({ type: "pong" });
    vi.advanceTimersByTime(25_000);
    expect(sockets).toHaveLength(1); // the pong kept it alive
    vi.advanceTimersByTime(50_000);
    expect(sockets[0]!.closedWith?.code).toBe(4000);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
  });
});
