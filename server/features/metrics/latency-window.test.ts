import { describe, expect, it } from "vitest";
import { LatencyWindow, SERIES_LENGTH } from "./latency-window";

const exactPercentile = (sorted: number[], p: number) => sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
const withinOnePercent = (actual: number, exact: number) => expect(Math.abs(actual - exact) / exact).toBeLessThanOrEqual(0.01);

describe("latency window", () => {
  it("when known latencies are recorded, then p50/p95/p99 are within 1% of the exact values", () => {
    let t = 1_700_000_000_000;
    const window = new LatencyWindow(() => t);
    // A skewed, deterministic distribution: mostly fast, a long tail.
    const latencies = Array.from({ length: 5_000 }, (_, i) => (i % 100 < 90 ? 2 + (i % 37) * 0.25 : 40 + (i % 53) * 7.5));
    for (const ms of latencies) window.record(ms, false);
    t += 1_000;
    const now = window.current();
    const sorted = [...latencies].sort((a, b) => a - b);
    withinOnePercent(now.p50Ms, exactPercentile(sorted, 50));
    withinOnePercent(now.p95Ms, exactPercentile(sorted, 95));
    withinOnePercent(now.p99Ms, exactPercentile(sorted, 99));
    expect(now.requestsPerSecond).toBe(5_000);
  });

  it("when some requests fail, then the error rate is their share", () => {
    let t = 1_700_000_000_000;
    const window = new LatencyWindow(() => t);
    for (let i = 0; i < 40; i++) window.record(5, i < 10);
    t += 1_000;
    expect(window.current().errorRate).toBe(0.25);
  });

  it("when seconds pass idle, then the current figures drop to zero", () => {
    let t = 1_700_000_000_000;
    const window = new LatencyWindow(() => t);
    window.record(5, false);
    t += 3_000;
    expect(window.current().requestsPerSecond).toBe(0);
  });

  it("when 20 minutes pass, then the series holds 15 minutes at one point per 5 s, oldest first", () => {
    let t = 1_700_000_000_000;
    const window = new LatencyWindow(() => t);
    for (let s = 0; s < 20 * 60; s++) {
      window.record(1 + (s % 10), false);
      t += 1_000;
    }
    const series = window.series();
    expect(series).toHaveLength(SERIES_LENGTH);
    expect(series.at(-1)!.at - series[0]!.at).toBe((SERIES_LENGTH - 1) * 5_000);
    expect(series.every((p) => p.requestsPerSecond === 1)).toBe(true);
  });
});
