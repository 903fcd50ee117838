import type { LatencyWindowJson, ReplicaFigures, ReplicaWindow, Snapshot } from "@shared/contracts/metrics";
import { mergeWindows, percentileMs } from "./latency-buckets";

/** A replica whose last window is older than this has left the cluster view (stopped, or cut off from Redis). */
export const REPLICA_STALE_MS = 3_000;
const KEPT_INTERVALS = 3;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Dashboard figures of a (merged) window: the rate per second, the error share, percentiles of the merged buckets. */
export function httpOfWindow(window: LatencyWindowJson): Snapshot["http"] {
  return {
    requestsPerSecond: round(window.count / (window.lengthMs / 1_000), 3),
    p50Ms: percentileMs(window.buckets, 50),
    p95Ms: percentileMs(window.buckets, 95),
    p99Ms: percentileMs(window.buckets, 99),
    errorRate: window.count === 0 ? 0 : round(window.errors / window.count, 4),
  };
}

interface Seen {
  window: ReplicaWindow;
  receivedAt: number;
  /** Closed series intervals by start (epoch ms), the last few. */
  intervals: Map<number, LatencyWindowJson>;
}

/**
 * What this replica knows of the others (ADR 049): the latest per-second window each one published on the
 * pub/sub. Live figures add this replica's window to the others' latest; series points add the intervals that
 * start at the same instant. Without Redis nothing arrives and every figure is this replica's alone.
 */
export class ClusterView {
  private readonly others = new Map<string, Seen>();

  constructor(
    private readonly selfId: string,
    private readonly now: () => number,
  ) {}

  /** A window from the pub/sub; this replica's own (looped back by Redis) is ignored. */
  receive(window: ReplicaWindow): void {
    if (window.id === this.selfId) return;
    const seen = this.others.get(window.id) ?? { window, receivedAt: 0, intervals: new Map() };
    seen.window = window;
    seen.receivedAt = this.now();
    if (window.interval) {
      seen.intervals.set(window.interval.at, window.interval);
      for (const at of [...seen.intervals.keys()].sort((a, b) => a - b).slice(0, -KEPT_INTERVALS)) seen.intervals.delete(at);
    }
    this.others.set(window.id, seen);
  }

  /** Other replicas heard from in the last REPLICA_STALE_MS (older ones are forgotten). */
  private fresh(): Seen[] {
    const cutoff = this.now() - REPLICA_STALE_MS;
    for (const [id, seen] of this.others) if (seen.receivedAt < cutoff) this.others.delete(id);
    return [...this.others.values()];
  }

  /**
   * The cluster's live figures given this replica's window (and its exact HDR figures, used for its own row and
   * when it is alone). `http` is undefined when no other replica is fresh: the caller keeps its own figures.
   */
  live(self: ReplicaWindow, selfHttp: Snapshot["http"]): { http?: Snapshot["http"]; wsConnections: number; replicas: ReplicaFigures[] } {
    const others = this.fresh();
    const row = (w: ReplicaWindow, isSelf: boolean, http: Snapshot["http"]): ReplicaFigures => ({
      id: w.id,
      self: isSelf,
      uptimeSeconds: Math.max(0, Math.round((this.now() - w.startedAt) / 1_000)),
      requestsPerSecond: http.requestsPerSecond,
      errorRate: http.errorRate,
      p99Ms: http.p99Ms,
      wsConnections: w.wsConnections,
      rssBytes: w.process.rssBytes,
      cpuPercent: w.process.cpuPercent,
      eventLoopLagMs: w.process.eventLoopLagMs,
    });
    const replicas = [row(self, true, selfHttp), ...others.map((s) => row(s.window, false, httpOfWindow(s.window.second)))].sort((a, b) =>
      a.id.localeCompare(b.id),
    );
    const wsConnections = self.wsConnections + others.reduce((sum, s) => sum + s.window.wsConnections, 0);
    if (others.length === 0) return { wsConnections, replicas };
    const merged = mergeWindows([self.second, ...others.map((s) => s.window.second)], self.second.at, self.second.lengthMs);
    return { http: httpOfWindow(merged), wsConnections, replicas };
  }

  /** A series interval merged with the other fresh replicas' intervals that start at the same instant; undefined when alone. */
  interval(self: LatencyWindowJson): Snapshot["http"] | undefined {
    const matching = this.fresh()
      .map((s) => s.intervals.get(self.at))
      .filter((w): w is LatencyWindowJson => w !== undefined);
    if (matching.length === 0) return undefined;
    return httpOfWindow(mergeWindows([self, ...matching], self.at, self.lengthMs));
  }
}
