import { z } from "zod";

/*
 * The staff dashboard's figures. Every figure is measured:
 * - http: the CLUSTER's requests (health probes and /metrics excluded) in the last completed second (a live
 *   snapshot) or in the 5-second interval ending at `at` (a series point): every replica publishes its window on the
 *   pub/sub each second and the figures merge the latency histograms of all replicas seen in the last 3 s (never an
 *   average of percentiles). With one replica (or without Redis) these are this replica's figures.
 * - ws: WebSocket connections open on all those replicas. process: THIS replica's Node process.
 * - replicas: one row per replica seen in the last 3 s (this one included), for the per-replica table.
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

/** One replica's row in the dashboard's per-replica table. */
export const replicaFigures = z.object({
  /** Host name and process id (the pod name under Kubernetes). */
  id: z.string(),
  /** True for the replica that built this snapshot. */
  self: z.boolean(),
  uptimeSeconds: nonNegative,
  requestsPerSecond: nonNegative,
  errorRate: z.number().min(0).max(1),
  p99Ms: nonNegative,
  wsConnections: count,
  rssBytes: count,
  cpuPercent: nonNegative,
  eventLoopLagMs: nonNegative,
});
export type ReplicaFigures = z.infer<typeof replicaFigures>;

/**
 * What each replica publishes once a second (pub/sub topic `metrics.window`): its last completed second and, once
 * per 5 s, its last closed series interval, each with sparse log-scale latency buckets (bucket → count) that merge
 * by addition.
 */
export const latencyWindow = z.object({
  /** Epoch ms of the window's start. */
  at: z.number(),
  lengthMs: z.number().positive(),
  count: count,
  errors: count,
  buckets: z.record(z.string(), count),
});
export type LatencyWindowJson = z.infer<typeof latencyWindow>;
export const replicaWindow = z.object({
  id: z.string().max(200),
  startedAt: z.number(),
  second: latencyWindow,
  interval: latencyWindow.optional(),
  wsConnections: count,
  process: processFigures,
});
export type ReplicaWindow = z.infer<typeof replicaWindow>;

export const snapshot = z.object({
  /** ISO-8601: when the figures were taken (the end of the measured window). */
  at: z.string(),
  http: httpFigures,
  ws: z.object({ connections: count }),
  process: processFigures,
  business: businessFigures,
  jobs: jobFigures,
  /** Per-replica breakdown (absent in series points and from servers before issue 14). */
  replicas: z.array(replicaFigures).optional(),
});
export type Snapshot = z.infer<typeof snapshot>;

/** GET /api/v1/metrics/summary: the latest snapshot and the last 15 minutes at one point per 5 s, oldest first. */
export const metricsSummary = z.object({ now: snapshot, series: z.array(snapshot) });
export type MetricsSummary = z.infer<typeof metricsSummary>;

/** Seconds between two series points. */
export const METRICS_SERIES_INTERVAL_SECONDS = 5;
