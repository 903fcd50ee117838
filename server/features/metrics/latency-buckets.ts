import type { LatencyWindowJson } from "@shared/contracts/metrics";

/**
 * Log-scale latency buckets that replicas exchange (the HDR histograms stay local: their compressed encoding costs
 * ~10 ms to write and ~25 ms to read back, too much once a second per replica). 32 buckets per doubling: a bucket
 * spans 2.2 %, so a percentile read from its geometric middle is within 1.1 % of the exact value. Sparse
 * ({ index: count }), merged by adding counts: cluster percentiles come from the merged histogram, never from an
 * average of percentiles.
 */
const PER_DOUBLING = 32;

export type Buckets = Record<string, number>;

/** The bucket of a duration in microseconds (values below 1 µs share bucket 0). */
export const bucketOf = (micros: number): number => Math.max(0, Math.floor(Math.log2(Math.max(1, micros)) * PER_DOUBLING));

const middleMs = (index: number) => 2 ** ((index + 0.5) / PER_DOUBLING) / 1_000;

export function addInto(target: Buckets, source: Buckets): Buckets {
  for (const [index, n] of Object.entries(source)) target[index] = (target[index] ?? 0) + n;
  return target;
}

/** The p-th percentile (0–100) in ms, 3 significant digits; 0 for an empty histogram. */
export function percentileMs(buckets: Buckets, p: number): number {
  const entries = Object.entries(buckets)
    .map(([index, n]) => [Number(index), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [index, n] of entries) {
    seen += n;
    if (seen >= rank) return Number(middleMs(index).toPrecision(3));
  }
  return Number(middleMs(entries.at(-1)![0]).toPrecision(3));
}

/** Sums windows of the same length (one per replica) into one. */
export function mergeWindows(windows: LatencyWindowJson[], at: number, lengthMs: number): LatencyWindowJson {
  const merged: LatencyWindowJson = { at, lengthMs, count: 0, errors: 0, buckets: {} };
  for (const w of windows) {
    merged.count += w.count;
    merged.errors += w.errors;
    addInto(merged.buckets, w.buckets);
  }
  return merged;
}
