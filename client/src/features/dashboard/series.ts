import type { Snapshot } from "@shared/contracts/metrics";

/** The charts show the last 15 minutes (the summary endpoint's history; the live points join it). */
export const SERIES_WINDOW_MS = 15 * 60_000;

const MB = 1024 * 1024;

/**
 * `series` plus `point`, oldest first, holding only the last `windowMs` before the newest point. A point that is not
 * newer than the last one (a repeat, or one that overtook it) is ignored; the same array comes back then.
 */
export function appendPoint(series: readonly Snapshot[], point: Snapshot, windowMs: number): Snapshot[] {
  const at = Date.parse(point.at);
  const last = series[series.length - 1];
  if (Number.isNaN(at) || (last && Date.parse(last.at) >= at)) return series as Snapshot[];
  const from = at - windowMs;
  let start = 0;
  while (start < series.length && Date.parse(series[start]!.at) < from) start++;
  return [...series.slice(start), point];
}

/** One chart row per snapshot, in the units the charts show. */
export interface ChartRow {
  /** Epoch ms: the time axis. */
  t: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errorPercent: number;
  rssMb: number;
  heapMb: number;
  cpuPercent: number;
  ordersToday: number;
  /** Major units (dollars), for the revenue axis. */
  revenueToday: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function toChartRows(series: readonly Snapshot[]): ChartRow[] {
  return series.map((s) => ({
    t: Date.parse(s.at),
    requestsPerSecond: round(s.http.requestsPerSecond, 2),
    p50Ms: round(s.http.p50Ms, 1),
    p95Ms: round(s.http.p95Ms, 1),
    p99Ms: round(s.http.p99Ms, 1),
    errorPercent: round(s.http.errorRate * 100, 2),
    rssMb: round(s.process.rssBytes / MB, 1),
    heapMb: round(s.process.heapUsedBytes / MB, 1),
    cpuPercent: round(s.process.cpuPercent, 1),
    ordersToday: s.business.ordersToday,
    revenueToday: s.business.revenueTodayCents / 100,
  }));
}

/** The most points a chart draws: beyond it SVG paths get costly to redraw every second, and a pixel holds several anyway. */
export const MAX_CHART_POINTS = 300;

/**
 * At most `maxPoints` rows: consecutive rows are grouped and each group becomes one row at its last time holding the
 * HIGHEST value of each figure, so spikes (latency, errors) stay visible and running totals keep their latest value.
 */
export function thinRows(rows: readonly ChartRow[], maxPoints = MAX_CHART_POINTS): readonly ChartRow[] {
  if (rows.length <= maxPoints) return rows;
  const size = Math.ceil(rows.length / maxPoints);
  const thinned: ChartRow[] = [];
  // Groups end at the newest row, so the latest point is always drawn as it is.
  for (let end = rows.length; end > 0; end -= size) {
    const group = rows.slice(Math.max(0, end - size), end);
    const last = group[group.length - 1]!;
    const row = { ...last };
    for (const key of Object.keys(row) as (keyof ChartRow)[]) {
      if (key !== "t") row[key] = Math.max(...group.map((r) => r[key]));
    }
    thinned.push(row);
  }
  return thinned.reverse();
}

const TICK_STEPS_MS = [5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000];

/** Time-axis ticks on round clock times (every 10 s, 1 min, 5 min…), at most `maxTicks` of them across [from, to]. */
export function timeTicks(from: number, to: number, maxTicks = 5): number[] {
  if (!(to > from)) return Number.isFinite(from) ? [from] : [];
  const span = to - from;
  const step = TICK_STEPS_MS.find((s) => span / s <= maxTicks) ?? TICK_STEPS_MS[TICK_STEPS_MS.length - 1]!;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
