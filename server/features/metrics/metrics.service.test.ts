import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { metricsSummary, snapshot as snapshotSchema, type Snapshot } from "@shared/contracts/metrics";
import { createEventBus } from "../../lib/events";
import { createLogger } from "../../lib/logger";
import { orderFixture } from "../../test/order-fixture";
import { createMemoryActivityTracker } from "./activity-tracker";
import { createMetricsService } from "./metrics.service";

const START = Date.parse("2026-03-02T10:00:00.000Z");

function collector(figures = { ordersToday: 7, revenueTodayCents: 12_345, customersWhoOrderedToday: 2 }) {
  const calls = { business: 0, registrations: 0 };
  const events = createEventBus(createLogger("silent"));
  const metrics = createMetricsService({
    ctx: { logger: createLogger("silent"), events, redis: undefined },
    business: {
      businessFiguresToday: async () => {
        calls.business++;
        return figures;
      },
    },
    registrations: {
      countRegisteredSince: async (since) => {
        calls.registrations++;
        expect(since.toISOString()).toBe("2026-03-02T00:00:00.000Z");
        return 3;
      },
    },
    activity: createMemoryActivityTracker(),
  });
  const snapshots: Snapshot[] = [];
  metrics.onSnapshot((s) => snapshots.push(s));
  return { metrics, snapshots, calls, events };
}

describe("metrics collector", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("when it runs, then one snapshot per second goes to listeners, each valid and carrying the last second's requests", async () => {
    const { metrics, snapshots } = collector();
    metrics.start();
    await vi.advanceTimersByTimeAsync(100);
    for (let i = 0; i < 10; i++) metrics.recordRequest({ method: "GET", route: "/api/v1/products", status: i < 2 ? 500 : 200, durationMs: 10 + i });
    await vi.advanceTimersByTimeAsync(3_000);
    metrics.stop();
    expect(snapshots).toHaveLength(3);
    for (const s of snapshots) expect(snapshotSchema.parse(s)).toEqual(s);
    expect(snapshots[0]!.at).toBe("2026-03-02T10:00:01.005Z");
    expect(snapshots[0]!.http).toMatchObject({ requestsPerSecond: 10, errorRate: 0.2 });
    expect(snapshots[0]!.http.p50Ms).toBeCloseTo(14, 1); // HDR histogram: 3 significant digits
    expect(snapshots[1]!.http.requestsPerSecond).toBe(0);
    // Without Redis the cluster is this replica alone (ADR 049).
    expect(snapshots[0]!.replicas).toEqual([expect.objectContaining({ self: true, requestsPerSecond: 10, errorRate: 0.2 })]);
    expect(snapshots[0]!.business).toEqual({ ordersToday: 7, revenueTodayCents: 12_345, registrationsToday: 3, activeUsers: 0, conversionRate: 1 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(snapshots).toHaveLength(3); // stopped
  });

  it("when health probes and scrapes are recorded, then they stay out of the dashboard's request figures", async () => {
    const { metrics, snapshots } = collector();
    metrics.start();
    await vi.advanceTimersByTimeAsync(100);
    metrics.recordRequest({ method: "GET", route: "/api/health/readiness", status: 200, durationMs: 1 });
    metrics.recordRequest({ method: "GET", route: "/metrics", status: 200, durationMs: 1 });
    metrics.recordRequest({ method: "GET", route: "/api/v1/sectors", status: 200, durationMs: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    metrics.stop();
    expect(snapshots[0]!.http.requestsPerSecond).toBe(1);
  });

  it("when signed-in customers make requests, then active users and the conversion rate follow them", async () => {
    const { metrics, snapshots } = collector({ ordersToday: 1, revenueTodayCents: 500, customersWhoOrderedToday: 1 });
    metrics.start();
    await vi.advanceTimersByTimeAsync(100);
    for (const id of ["c1", "c2", "c3", "c4"])
      metrics.recordRequest({ method: "GET", route: "/api/v1/orders", status: 200, durationMs: 3, user: { id, role: "customer" } });
    metrics.recordRequest({ method: "GET", route: "/api/v1/orders", status: 200, durationMs: 3, user: { id: "s1", role: "staff" } });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(snapshots.at(-1)!.business).toMatchObject({ activeUsers: 5, conversionRate: 0.25 });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    metrics.stop();
    // Gone from "active in the last 5 minutes", still counted as active today.
    expect(snapshots.at(-1)!.business).toMatchObject({ activeUsers: 0, conversionRate: 0.25 });
  });

  it("when the collector runs for 12 s, then the database is asked at most every 5 s and the series gains one full snapshot per 5 s", async () => {
    const { metrics, calls } = collector();
    metrics.start();
    for (let s = 0; s < 12; s++) {
      metrics.recordRequest({ method: "POST", route: "/api/v1/orders", status: 201, durationMs: 20 });
      await vi.advanceTimersByTimeAsync(1_000);
    }
    metrics.stop();
    expect(calls.business).toBeLessThanOrEqual(3);
    expect(calls.business).toBeGreaterThanOrEqual(2);
    const summary = await metrics.summary({ role: "staff" });
    expect(metricsSummary.parse(summary)).toEqual(summary);
    expect(summary.series.map((p) => p.at)).toEqual(["2026-03-02T10:00:05.000Z", "2026-03-02T10:00:10.000Z"]);
    expect(summary.series[1]!.http.requestsPerSecond).toBe(1);
    expect(summary.series[1]!.http.p99Ms).toBeCloseTo(20, 1);
  });

  it("when a customer or nobody asks for the summary, then it is refused", async () => {
    const { metrics } = collector();
    await expect(metrics.summary({ role: "customer" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(metrics.summary(undefined)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(metrics.summary({ role: "admin" })).resolves.toMatchObject({ series: [] });
  });

  it("when orders are created, then only the replica that created them counts them", async () => {
    const { metrics, events } = collector();
    const order = orderFixture();
    await events.publish("order.created", { orderId: order.id, userId: order.userId, order });
    await vi.advanceTimersByTimeAsync(0);
    const { body } = await metrics.prom.render();
    expect(body).toMatch(/^fp_orders_created_total 1$/m);
    await events.close();
  });
});

describe("metrics collector under fault", () => {
  afterEach(() => vi.useRealTimers());

  it("when sampling the process throws (EMFILE), then the failure is counted and logged, and the next ticks still run", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
    vi.setSystemTime(START);
    const lines: string[] = [];
    const logger = createLogger("error", { write: (line: string) => void lines.push(line) });
    let calls = 0;
    const emfile = Object.assign(new Error("EMFILE: too many open files, uv_resident_set_memory"), { code: "EMFILE" });
    const sampler = {
      start: () => undefined,
      stop: () => undefined,
      sample: () => {
        calls++;
        if (calls <= 2) throw emfile;
        return { rssBytes: 1, heapUsedBytes: 1, cpuPercent: 0, eventLoopLagMs: 0 };
      },
    };
    const metrics = createMetricsService({
      ctx: { logger, events: createEventBus(logger), redis: undefined },
      business: { businessFiguresToday: async () => ({ ordersToday: 0, revenueTodayCents: 0, customersWhoOrderedToday: 0 }) },
      registrations: { countRegisteredSince: async () => 0 },
      activity: createMemoryActivityTracker(),
      sampler,
    });
    const snapshots: Snapshot[] = [];
    metrics.onSnapshot((s) => snapshots.push(s));
    metrics.start();
    await vi.advanceTimersByTimeAsync(3_500);
    metrics.stop();
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(snapshots.length).toBeGreaterThan(0); // the timer survived its failing ticks
    expect(lines.filter((l) => l.includes('"background task failed"') && l.includes("EMFILE"))).toHaveLength(2);
    const exposition = (await metrics.prom.render()).body;
    expect(Number(/fp_background_task_failures_total\{task="metrics-snapshot"\} (\d+)/.exec(exposition)?.[1])).toBeGreaterThanOrEqual(2);
  });
});
