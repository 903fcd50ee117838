import { createRequire } from "node:module";
import type Int32HistogramClass from "hdr-histogram-js/dist/Int32Histogram";
import type { LatencyWindowJson } from "@shared/contracts/metrics";
import { bucketOf, type Buckets } from "./latency-buckets";

/**
 * Request latencies in a rolling window (for the staff dashboard): one HDR histogram for the
 * current second and one for the current 5-second bucket. Recording is O(1); percentiles come
 * from the histograms (3 significant digits → within 0.1 % of the exact value), never sampled.
 * Closed seconds and buckets are turned into plain figures and kept for 15 minutes.
 */
export interface HttpFigures {
  /** Epoch milliseconds of the window's start. */
  at: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errorRate: number;
}

// The one histogram class used, required directly: the package's index also loads its log codecs and a WebAssembly
// build, ~10 MB of RSS a replica never uses (ADR 077). A CommonJS module whose class is its `default` export.
const Int32Histogram = (createRequire(import.meta.url)("hdr-histogram-js/dist/Int32Histogram.js") as { default: typeof Int32HistogramClass }).default;

const newHistogram = () => {
  // Int32 counts (~94 KB per histogram, two live ones), not "packed": packed recording cost tens of µs per request
  // under load, and metrics must cost ≤ 10 µs a request (ADR 061). What hdr.build({ bitBucketSize: 32 }) returns.
  const histogram = new Int32Histogram(1, 3_600_000_000, 3);
  histogram.autoResize = true;
  return histogram;
};

class Bucket {
  histogram = newHistogram();
  /** The same durations in the log buckets replicas exchange (latency-buckets.ts). */
  buckets: Buckets = {};
  count = 0;
  errors = 0;
  constructor(
    public start: number,
    readonly lengthMs: number,
  ) {}

  record(micros: number, isError: boolean) {
    this.histogram.recordValue(Math.max(1, Math.round(micros)));
    const index = bucketOf(micros);
    this.buckets[index] = (this.buckets[index] ?? 0) + 1;
    this.count++;
    if (isError) this.errors++;
  }

  figures(): HttpFigures {
    const pct = (p: number) => (this.count === 0 ? 0 : Math.round(this.histogram.getValueAtPercentile(p)) / 1000);
    return {
      at: this.start,
      requestsPerSecond: this.count / (this.lengthMs / 1000),
      p50Ms: pct(50),
      p95Ms: pct(95),
      p99Ms: pct(99),
      errorRate: this.count === 0 ? 0 : this.errors / this.count,
    };
  }

  window(): LatencyWindowJson {
    return { at: this.start, lengthMs: this.lengthMs, count: this.count, errors: this.errors, buckets: this.buckets };
  }

  reset(start: number) {
    this.start = start;
    this.histogram.reset();
    this.buckets = {};
    this.count = 0;
    this.errors = 0;
  }
}

export const SERIES_INTERVAL_MS = 5_000;
export const SERIES_LENGTH = (15 * 60_000) / SERIES_INTERVAL_MS;

export class LatencyWindow {
  private second: Bucket;
  private interval: Bucket;
  private lastSecond: HttpFigures;
  private lastSecondWindow: LatencyWindowJson;
  private lastIntervalWindow: LatencyWindowJson | undefined;
  private readonly closedIntervals: HttpFigures[] = [];

  constructor(private readonly now: () => number = Date.now) {
    const t = now();
    this.second = new Bucket(floorTo(t, 1_000), 1_000);
    this.interval = new Bucket(floorTo(t, SERIES_INTERVAL_MS), SERIES_INTERVAL_MS);
    this.lastSecond = new Bucket(this.second.start - 1_000, 1_000).figures();
    this.lastSecondWindow = emptyWindow(this.second.start - 1_000, 1_000);
  }

  /** The last completed second as exchanged between replicas. */
  currentWindow(): LatencyWindowJson {
    this.roll();
    return this.lastSecondWindow;
  }

  /** The last closed 5-second interval as exchanged between replicas (undefined before the first closes). */
  intervalWindow(): LatencyWindowJson | undefined {
    this.roll();
    return this.lastIntervalWindow;
  }

  /** Records one finished request. `isError` means a 5xx. */
  record(durationMs: number, isError: boolean) {
    this.roll();
    this.second.record(durationMs * 1_000, isError);
    this.interval.record(durationMs * 1_000, isError);
  }

  /** Figures of the last completed second (what the dashboard shows as "now"). */
  current(): HttpFigures {
    this.roll();
    return this.lastSecond;
  }

  /** One point per 5 s for the last 15 minutes, oldest first. */
  series(): HttpFigures[] {
    this.roll();
    return [...this.closedIntervals];
  }

  private roll() {
    const t = this.now();
    const secondStart = floorTo(t, 1_000);
    if (secondStart !== this.second.start) {
      // A gap of idle seconds means the last completed second had no traffic.
      const adjacent = secondStart - this.second.start === 1_000;
      this.lastSecond = adjacent ? this.second.figures() : emptyFigures(secondStart - 1_000, 1_000);
      this.lastSecondWindow = adjacent ? this.second.window() : emptyWindow(secondStart - 1_000, 1_000);
      this.second.reset(secondStart);
    }
    const intervalStart = floorTo(t, SERIES_INTERVAL_MS);
    if (intervalStart !== this.interval.start) {
      this.pushInterval(this.interval.figures());
      this.lastIntervalWindow = this.interval.window();
      for (let s = this.interval.start + SERIES_INTERVAL_MS; s < intervalStart; s += SERIES_INTERVAL_MS) {
        this.pushInterval(emptyFigures(s, SERIES_INTERVAL_MS));
        this.lastIntervalWindow = emptyWindow(s, SERIES_INTERVAL_MS);
      }
      this.interval.reset(intervalStart);
    }
  }

  private pushInterval(figures: HttpFigures) {
    this.closedIntervals.push(figures);
    if (this.closedIntervals.length > SERIES_LENGTH) this.closedIntervals.splice(0, this.closedIntervals.length - SERIES_LENGTH);
  }
}

const floorTo = (t: number, step: number) => t - (t % step);
const emptyFigures = (at: number, _lengthMs: number): HttpFigures => ({ at, requestsPerSecond: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, errorRate: 0 });
const emptyWindow = (at: number, lengthMs: number): LatencyWindowJson => ({ at, lengthMs, count: 0, errors: 0, buckets: {} });
