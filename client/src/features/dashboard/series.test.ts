import { describe, expect, it } from "vitest";
import type { Snapshot } from "@shared/contracts/metrics";
import { appendPoint, thinRows, timeTicks, toChartRows } from "./series";

function snapshotAt(at: string, overrides: Partial<Snapshot["http"]> = {}): Snapshot {
  return {
    at,
    http: { requestsPerSecond: 4, p50Ms: 1.234, p95Ms: 8, p99Ms: 20, errorRate: 0.025, ...overrides },
    ws: { connections: 2 },
    process: { rssBytes: 150 * 1024 * 1024, heapUsedBytes: 60 * 1024 * 1024, cpuPercent: 12.34, eventLoopLagMs: 1 },
    business: { ordersToday: 3, revenueTodayCents: 12_345, registrationsToday: 1, activeUsers: 2, conversionRate: 0.5 },
    jobs: { queued: 0, running: 0, failed: 0, completedPerSecond: 0, oldestWaitingSeconds: 0 },
  };
}

const minute = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const T0 = Date.parse("2026-03-04T10:00:00.000Z");

describe("appendPoint", () => {
  it("when a newer point arrives, then it is appended and points older than the window fall off", () => {
    const series = [snapshotAt(iso(T0)), snapshotAt(iso(T0 + 5 * minute)), snapshotAt(iso(T0 + 10 * minute))];
    const next = appendPoint(series, snapshotAt(iso(T0 + 16 * minute)), 15 * minute);
    expect(next.map((s) => s.at)).toEqual([iso(T0 + 5 * minute), iso(T0 + 10 * minute), iso(T0 + 16 * minute)]);
  });

  it("when a point repeats or is older than the last one, then the same series comes back", () => {
    const series = [snapshotAt(iso(T0)), snapshotAt(iso(T0 + 1000))];
    expect(appendPoint(series, snapshotAt(iso(T0 + 1000)), 15 * minute)).toBe(series);
    expect(appendPoint(series, snapshotAt(iso(T0)), 15 * minute)).toBe(series);
  });

  it("when a second of points arrives for 20 minutes, then the series never holds more than 15 minutes of them", () => {
    let series: Snapshot[] = [];
    for (let s = 0; s < 20 * 60; s++) series = appendPoint(series, snapshotAt(iso(T0 + s * 1000)), 15 * minute);
    expect(series).toHaveLength(15 * 60 + 1);
    expect(Date.parse(series.at(-1)!.at) - Date.parse(series[0]!.at)).toBe(15 * minute);
  });
});

describe("toChartRows", () => {
  it("when a snapshot is charted, then its figures come out in the charts' units", () => {
    expect(toChartRows([snapshotAt(iso(T0))])[0]).toEqual({
      t: T0,
      requestsPerSecond: 4,
      p50Ms: 1.2,
      p95Ms: 8,
      p99Ms: 20,
      errorPercent: 2.5,
      rssMb: 150,
      heapMb: 60,
      cpuPercent: 12.3,
      ordersToday: 3,
      revenueToday: 123.45,
    });
  });
});

describe("timeTicks", () => {
  it("when the window is 15 minutes, then ticks fall on round 5-minute marks", () => {
    expect(timeTicks(T0 + 1000, T0 + 15 * minute + 1000)).toEqual([T0 + 5 * minute, T0 + 10 * minute, T0 + 15 * minute]);
  });

  it("when the window is 40 seconds, then ticks fall every 10 seconds", () => {
    expect(timeTicks(T0 + 3000, T0 + 43_000)).toEqual([T0 + 10_000, T0 + 20_000, T0 + 30_000, T0 + 40_000]);
  });
});

describe("thinRows", () => {
  const rowsOf = (n: number) => toChartRows(Array.from({ length: n }, (_, i) => snapshotAt(iso(T0 + i * 1000), { p99Ms: i === 17 ? 900 : 20 })));

  it("when there are few rows, then they are drawn as they are", () => {
    const rows = rowsOf(50);
    expect(thinRows(rows, 300)).toBe(rows);
  });

  it("when there are more rows than points, then each point holds its group's peak and the newest row is kept", () => {
    const rows = rowsOf(901);
    const thinned = thinRows(rows, 300);
    expect(thinned.length).toBeLessThanOrEqual(300);
    expect(thinned.at(-1)!.t).toBe(rows.at(-1)!.t);
    expect(Math.max(...thinned.map((r) => r.p99Ms))).toBe(900);
    expect(thinned.every((row, i) => i === 0 || row.t > thinned[i - 1]!.t)).toBe(true);
  });
});
