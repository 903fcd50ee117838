import { z } from "zod";

/*
 * The staff dashboard's figures. Every figure is measured:
 * - http: the replica's own requests (health probes and /metrics excluded) in the last completed second
 *   (a live snapshot) or in the 5-second interval ending at `at` (a series point); percentiles from HDR histograms.
 * - ws: WebSocket connections open on this replica. process: this replica's Node process.
 * - business: from the database and the activity tracker, the same on every replica.
 * - jobs: the job queue, from the database (every worker's jobs), the same on every replica.
 */
const nonNegative = z.number().min(0);
const count = z.number().int().min(0);

export const httpFigures = z.object({
  requestsPerSecond: nonNegative,
  p50Ms: nonNegative,
  p95Ms: nonNegative,
  p99Ms: nonNegative,
  /** Share of responses with a 5xx status, 0–1. */
  errorRate: z.number().min(0).max(1),
});

export const processFigures = z.object({
  rssBytes: count,
  heapUsedBytes: count,
  /** CPU time (user + system) over wall time, as a percentage of one core (may exceed 100 on several cores). */
  cpuPercent: nonNegative,
  /** p99 of the event loop's delay beyond its 10 ms sampling timer over the last second. */
  eventLoopLagMs: nonNegative,
});

export const businessFigures = z.object({
  /** Paid, shipped or delivered orders created since 00:00 UTC. */
  ordersToday: count,
  revenueTodayCents: count,
  /** Accounts created since 00:00 UTC. */
  registrationsToday: count,
  /** Distinct signed-in users with a request in the last 5 minutes (all replicas when Redis is configured). */
  activeUsers: count,
  /** Customers who ordered today ÷ customers active today, 0–1 (0 when no customer was active). */
  conversionRate: z.number().min(0).max(1),
});

export const jobFigures = z.object({
  /** Jobs waiting for a worker or for their retry time. */
  queued: count,
  running: count,
  /** Dead-lettered jobs waiting for an admin (/admin/jobs). */
  failed: count,
  /** Completed per second over the last minute. */
  completedPerSecond: nonNegative,
  /** How long the longest-waiting due job has waited (0 when the workers keep up). */
  oldestWaitingSeconds: nonNegative,
});

export const snapshot = z.object({
  /** ISO-8601: when the figures were taken (the end of the measured window). */
  at: z.string(),
  http: httpFigures,
  ws: z.object({ connections: count }),
  process: processFigures,
  business: businessFigures,
  jobs: jobFigures,
});
export type Snapshot = z.infer<typeof snapshot>;

/** GET /api/v1/metrics/summary: the latest snapshot and the last 15 minutes at one point per 5 s, oldest first. */
export const metricsSummary = z.object({ now: snapshot, series: z.array(snapshot) });
export type MetricsSummary = z.infer<typeof metricsSummary>;

/** Seconds between two series points. */
export const METRICS_SERIES_INTERVAL_SECONDS = 5;
