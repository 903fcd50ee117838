import { describe, expect, it } from "vitest";
import type { ReplicaWindow } from "@shared/contracts/metrics";
import { ClusterView, REPLICA_STALE_MS } from "./cluster-view";
import { bucketOf, percentileMs } from "./latency-buckets";

const AT = Date.parse("2026-03-02T10:00:00.000Z");

/** A replica's window with `count` requests of `ms` each. */
function windowOf(id: string, count: number, ms: number, extra: Partial<ReplicaWindow> = {}): ReplicaWindow {
  const buckets = count === 0 ? {} : { [bucketOf(ms * 1_000)]: count };
  return {
    id,
    startedAt: AT - 60_000,
    second: { at: AT, lengthMs: 1_000, count, errors: 0, buckets },
    wsConnections: 2,
    process: { rssBytes: 100, heapUsedBytes: 50, cpuPercent: 10, eventLoopLagMs: 1 },
    ...extra,
  };
}

describe("cluster view of the dashboard", () => {
  it("when percentiles are read from the log buckets, then they are within 1.1 % of the recorded value", () => {
    for (const ms of [0.5, 3, 14, 250, 9_000]) {
      expect(Math.abs(percentileMs({ [bucketOf(ms * 1_000)]: 1 }, 50) - ms) / ms).toBeLessThan(0.012);
    }
  });

  it("when two replicas report, then rates and sockets add up and percentiles come from the merged histogram, not an average", () => {
    let now = AT + 1_005;
    const view = new ClusterView("a", () => now);
    view.receive(windowOf("b", 100, 100));
    const self = windowOf("a", 100, 10);
    const live = view.live(self, { requestsPerSecond: 100, p50Ms: 10, p95Ms: 10, p99Ms: 10, errorRate: 0 });
    expect(live.http?.requestsPerSecond).toBe(200);
    expect(live.wsConnections).toBe(4);
    expect(live.http!.p99Ms).toBeCloseTo(100, -1); // an average of the two p99s would say 55
    expect(live.http!.p50Ms).toBeCloseTo(10, 0);
    expect(live.replicas.map((r) => [r.id, r.self, r.requestsPerSecond, r.uptimeSeconds])).toEqual([
      ["a", true, 100, 61],
      ["b", false, 100, 61],
    ]);

    now += REPLICA_STALE_MS + 1;
    const alone = view.live(self, { requestsPerSecond: 100, p50Ms: 10, p95Ms: 10, p99Ms: 10, errorRate: 0 });
    expect(alone.http).toBeUndefined(); // the caller keeps its own exact figures
    expect(alone.replicas).toHaveLength(1);
  });

  it("when its own window loops back through Redis, then it is not counted twice", () => {
    const view = new ClusterView("a", () => AT + 1_005);
    view.receive(windowOf("a", 100, 10));
    expect(view.live(windowOf("a", 100, 10), { requestsPerSecond: 100, p50Ms: 10, p95Ms: 10, p99Ms: 10, errorRate: 0 }).replicas).toHaveLength(1);
  });

  it("when series intervals start at the same instant, then they merge; others are left out", () => {
    const view = new ClusterView("a", () => AT + 5_005);
    const interval = (count: number, at = AT) => ({ at, lengthMs: 5_000, count, errors: 1, buckets: { [bucketOf(20_000)]: count } });
    view.receive(windowOf("b", 0, 0, { interval: interval(10) }));
    view.receive(windowOf("c", 0, 0, { interval: interval(40, AT - 5_000) }));
    expect(view.interval(interval(15))).toMatchObject({ requestsPerSecond: 5, errorRate: 0.08 });
  });
});
