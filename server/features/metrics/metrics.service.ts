import { hostname } from "node:os";
import { isStaff, type Role } from "@shared/contracts/auth";
import { replicaWindow, type MetricsSummary, type ReplicaFigures, type ReplicaWindow, type Snapshot } from "@shared/contracts/metrics";
import type { AppContext } from "../../context";
import type { ActingUser } from "../../lib/acting-user";
import { AppError } from "../../lib/app-error";
import { runSafely } from "../../lib/background";
import { redisGuard } from "../../lib/redis";
import { createMemoryActivityTracker, createRedisActivityTracker, utcMidnight, type ActivityCounts, type ActivityTracker } from "./activity-tracker";
import { LatencyWindow, SERIES_INTERVAL_MS, SERIES_LENGTH, type HttpFigures } from "./latency-window";
import { ProcessSampler } from "./process-figures";
import { createPromMetrics } from "./prometheus";
import { ClusterView } from "./cluster-view";
import type { QueueFigures } from "../jobs/jobs.service";

/**
 * The metrics collector of one app instance: every request's duration goes into the Prometheus
 * histogram and the rolling latency window; once a second ONE timer turns the window, the process figures,
 * the WebSocket count and the (cached) business figures into a Snapshot for the dashboard's channel; every
 * 5 s a full snapshot is kept for the 15-minute series. The same timer publishes this replica's window on the
 * pub/sub and merges the other replicas' windows into the snapshot's http and ws figures (ADR 049).
 */

/** What the orders feature tells the dashboard (ordersService.businessFiguresToday()). */
export interface BusinessFiguresSource {
  businessFiguresToday(): Promise<{ ordersToday: number; revenueTodayCents: number; customersWhoOrderedToday: number }>;
}
/** What the users feature tells the dashboard. */
export interface RegistrationsSource {
  countRegisteredSince(since: Date): Promise<number>;
}

export interface MetricsServiceDeps {
  ctx: Pick<AppContext, "logger" | "redis" | "events">;
  registrations: RegistrationsSource;
  business: BusinessFiguresSource;
  cacheStats?: () => { hits: number; misses: number; errors: number };
  /** The job queue's figures (depth, oldest waiting job, per-kind totals) for /metrics. */
  jobFigures?: () => Promise<QueueFigures>;
  activity?: ActivityTracker;
  /** Namespace of the shared activity keys in Redis (REDIS_PREFIX). */
  redisPrefix?: string;
  now?: () => number;
  /** Database figures are refreshed at most this often (default 5 s), never per snapshot. */
  businessRefreshMs?: number;
  /** This replica's id on the dashboard (default: host name and process id). */
  replicaId?: string;
  /** Process figures for each snapshot (a stand-in in tests that make sampling fail). */
  sampler?: Pick<ProcessSampler, "start" | "stop" | "sample">;
}

export interface RequestRecord {
  method: string;
  route: string;
  status: number;
  durationMs: number;
  user?: { id: string; role: Role };
}

/** Routes outside the dashboard's request figures: probes and scrapes would drown real traffic. */
const EXCLUDED_FROM_WINDOW = /^\/(api\/health\/|metrics$)/;

const SNAPSHOT_INTERVAL_MS = 1_000;
let collectorsInProcess = 0;
/** The pod name under Kubernetes; a suffix tells apart several apps in one process (tests). */
const defaultReplicaId = () => `${hostname()}:${process.pid}${collectorsInProcess++ === 0 ? "" : `#${collectorsInProcess}`}`;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function httpPart(figures: HttpFigures): Snapshot["http"] {
  return {
    requestsPerSecond: round(figures.requestsPerSecond, 3),
    p50Ms: figures.p50Ms,
    p95Ms: figures.p95Ms,
    p99Ms: figures.p99Ms,
    errorRate: round(figures.errorRate, 4),
  };
}

const NO_JOBS: Snapshot["jobs"] = { queued: 0, running: 0, failed: 0, completedPerSecond: 0, oldestWaitingSeconds: 0 };

/** The dashboard's queue card from the queue's figures (depth per kind and state summed over kinds). */
export function jobsPart(figures: QueueFigures): Snapshot["jobs"] {
  const total = (state: string) => figures.depth.filter((row) => row.state === state).reduce((sum, row) => sum + row.count, 0);
  return {
    queued: total("queued"),
    running: total("running"),
    failed: total("dead"),
    completedPerSecond: round(figures.completedPerSecond, 2),
    oldestWaitingSeconds: Math.round(figures.oldestWaitingSeconds),
  };
}

interface DatabaseFigures {
  ordersToday: number;
  revenueTodayCents: number;
  customersWhoOrderedToday: number;
  registrationsToday: number;
  fetchedAt: number;
}

export function createMetricsService(deps: MetricsServiceDeps) {
  const { logger } = deps.ctx;
  const now = deps.now ?? Date.now;
  const businessRefreshMs = deps.businessRefreshMs ?? 5_000;
  const window = new LatencyWindow(now);
  /** prom-client children of the request histogram by "method status route" (labels bounded by the route templates). */
  const durationByLabels = new Map<string, { observe(seconds: number): void }>();
  const replicaId = deps.replicaId ?? defaultReplicaId();
  const startedAt = now();
  const cluster = new ClusterView(replicaId, now);
  deps.ctx.events.subscribe("metrics.window", (payload) => {
    const parsed = replicaWindow.safeParse(payload);
    if (parsed.success) cluster.receive(parsed.data);
  });
  /** Only through Redis (no one else to tell without it), and not while it is down: no warning every second. */
  const publishWindow = (own: ReplicaWindow) => {
    const redis = deps.ctx.redis;
    if (redis && redisGuard(redis).available) void deps.ctx.events.publish("metrics.window", own);
  };
  const sampler = deps.sampler ?? new ProcessSampler();
  const activity = deps.activity ?? (deps.ctx.redis ? createRedisActivityTracker(deps.ctx.redis, logger, deps.redisPrefix) : createMemoryActivityTracker());

  const webSocketCounters = new Set<() => number>();
  const webSocketConnections = () => {
    let total = 0;
    for (const count of webSocketCounters) total += count();
    return total;
  };

  let database: DatabaseFigures | undefined;
  let activityCounts: ActivityCounts = { activeUsers: 0, activeCustomersToday: 0 };
  // Refreshed with the business figures (every businessRefreshMs); a failed read keeps the last values.
  let jobs: Snapshot["jobs"] = NO_JOBS;
  const business = (): Snapshot["business"] | undefined => {
    if (!database) return undefined;
    // Ordering needs a signed-in request, so a customer who ordered today was active today: the tracked
    // count can only fall short of it (e.g. after a restart without Redis), never the other way round.
    const activeCustomers = Math.max(activityCounts.activeCustomersToday, database.customersWhoOrderedToday);
    return {
      ordersToday: database.ordersToday,
      revenueTodayCents: database.revenueTodayCents,
      registrationsToday: database.registrationsToday,
      activeUsers: activityCounts.activeUsers,
      conversionRate: activeCustomers === 0 ? 0 : round(database.customersWhoOrderedToday / activeCustomers, 4),
    };
  };

  const redis = deps.ctx.redis;
  const prom = createPromMetrics({
    webSocketConnections,
    business,
    cache: deps.cacheStats,
    jobs: deps.jobFigures,
    redis: redis ? () => redisGuard(redis).stats : undefined,
  });

  // Counted on the replica that created the order only: every replica receives every event.
  deps.ctx.events.subscribe("order.created", (_payload, meta) => {
    if (meta.local) prom.ordersCreated.inc();
  });
  deps.ctx.events.subscribe("user.registered", (_payload, meta) => {
    if (meta.local) prom.registrations.inc();
  });

  let refreshing: Promise<void> | undefined;
  /** Database figures (at most every businessRefreshMs) and activity counts; failures keep the last values. */
  const refresh = (force = false): Promise<void> => {
    refreshing ??= (async () => {
      const t = now();
      const reads: Array<Promise<unknown>> = [
        activity.counts(t).then((counts) => {
          activityCounts = counts;
        }),
      ];
      if (force || !database || t - database.fetchedAt >= businessRefreshMs) {
        reads.push(
          Promise.all([deps.business.businessFiguresToday(), deps.registrations.countRegisteredSince(utcMidnight(t))]).then(([orders, registrationsToday]) => {
            database = { ...orders, registrationsToday, fetchedAt: t };
          }),
        );
        if (deps.jobFigures) {
          reads.push(
            deps.jobFigures().then((figures) => {
              jobs = jobsPart(figures);
            }),
          );
        }
      }
      const failed = (await Promise.allSettled(reads)).filter((r): r is PromiseRejectedResult => r.status === "rejected");
      for (const failure of failed) logger.warn({ err: (failure.reason as Error)?.message }, "dashboard figures could not be refreshed");
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };

  const listeners = new Set<(snapshot: Snapshot) => void>();
  const series: Snapshot[] = [];
  let latest: Snapshot | undefined;
  let lastSeriesStart: number | undefined;
  let processFigures: Snapshot["process"] | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  const build = (at: number, http: Snapshot["http"], wsConnections = webSocketConnections(), replicas?: ReplicaFigures[]): Snapshot | undefined => {
    const figures = business();
    if (!figures) return undefined;
    processFigures ??= sampler.sample();
    return {
      at: new Date(at).toISOString(),
      http,
      ws: { connections: wsConnections },
      process: processFigures,
      business: figures,
      jobs,
      ...(replicas ? { replicas } : {}),
    };
  };

  /** A closed interval waits one tick before it joins the series, so the other replicas' intervals have arrived. */
  let pendingPoint: { point: Snapshot; interval: NonNullable<ReturnType<LatencyWindow["intervalWindow"]>> } | undefined;

  const tick = () => {
    const t = now();
    processFigures = sampler.sample();
    const ownHttp = httpPart(window.current());
    const own: ReplicaWindow = {
      id: replicaId,
      startedAt,
      second: window.currentWindow(),
      interval: window.intervalWindow(),
      wsConnections: webSocketConnections(),
      process: processFigures,
    };
    publishWindow(own);
    const merged = cluster.live(own, ownHttp);
    const snapshot = build(t, merged.http ?? ownHttp, merged.wsConnections, merged.replicas);
    void refresh(); // for the next tick: a snapshot never waits for the database
    if (!snapshot) return;
    latest = snapshot;
    if (pendingPoint) {
      series.push({ ...pendingPoint.point, http: cluster.interval(pendingPoint.interval) ?? pendingPoint.point.http });
      if (series.length > SERIES_LENGTH) series.splice(0, series.length - SERIES_LENGTH);
      pendingPoint = undefined;
    }
    const closed = window.series().at(-1);
    const closedWindow = window.intervalWindow();
    if (closed && closedWindow && closed.at !== lastSeriesStart) {
      lastSeriesStart = closed.at;
      const { replicas: _perReplica, ...point } = snapshot; // series points carry cluster figures only
      pendingPoint = { point: { ...point, at: new Date(closed.at + SERIES_INTERVAL_MS).toISOString(), http: httpPart(closed) }, interval: closedWindow };
    }
    for (const listener of listeners) {
      try {
        listener(snapshot);
      } catch (err) {
        logger.error({ err }, "snapshot listener failed");
      }
    }
  };

  /** Runs just after each second boundary, so the window's "last completed second" is the one that just ended. */
  const schedule = () => {
    if (!running) return;
    const delay = SNAPSHOT_INTERVAL_MS - (now() % SNAPSHOT_INTERVAL_MS) + 5;
    timer = setTimeout(() => {
      // A failing tick (EMFILE while sampling, a listener's bug) is logged and counted; the next one still runs.
      runSafely("metrics-snapshot", logger, tick);
      schedule();
    }, delay);
    timer.unref();
  };

  const current = async (): Promise<Snapshot> => {
    if (latest && now() - Date.parse(latest.at) < 2 * SNAPSHOT_INTERVAL_MS) return latest;
    await refresh();
    if (!database) await refresh(true);
    processFigures = undefined; // a fresh process sample when computed on demand
    const snapshot = build(now(), httpPart(window.current()));
    if (!snapshot) throw new Error("the dashboard's database figures are unavailable");
    return snapshot;
  };

  return {
    prom,

    /** Called once per finished request by the metrics middleware. */
    recordRequest(record: RequestRecord): void {
      // The labelled child is looked up once per (method, status, route): prom-client otherwise hashes the label
      // object on every observation (ADR 061: metrics cost ≤ 10 µs a request).
      const key = `${record.method} ${record.status} ${record.route}`;
      let child = durationByLabels.get(key);
      if (!child) {
        child = prom.httpRequestDuration.labels({ method: record.method, route: record.route, status_code: String(record.status) });
        durationByLabels.set(key, child);
      }
      child.observe(record.durationMs / 1_000);
      if (!EXCLUDED_FROM_WINDOW.test(record.route)) window.record(record.durationMs, record.status >= 500);
      if (record.user) activity.record(record.user.id, record.user.role, now());
    },

    /** The realtime server reports its open connections here; returns the way to stop reporting. */
    trackWebSocketConnections(count: () => number): () => void {
      webSocketCounters.add(count);
      return () => webSocketCounters.delete(count);
    },

    /** Listeners receive every snapshot (about once a second) while the collector runs. */
    onSnapshot(listener: (snapshot: Snapshot) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Starts the one snapshot timer (unref'd). Idempotent. */
    start(): void {
      if (running) return;
      running = true;
      sampler.start();
      void refresh(true);
      schedule();
    },

    stop(): void {
      running = false;
      clearTimeout(timer);
      sampler.stop();
    },

    /** The latest snapshot; computed on demand when the timer is not running (or has not ticked yet). */
    now: current,

    /** GET /api/v1/metrics/summary (staff and admins). */
    async summary(viewer: Pick<ActingUser, "role"> | undefined): Promise<MetricsSummary> {
      if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
      if (!isStaff(viewer.role)) throw new AppError("forbidden", "Only staff can see the dashboard's metrics.");
      const snapshot = await current();
      return { now: snapshot, series: [...series] };
    },
  };
}
export type MetricsService = ReturnType<typeof createMetricsService>;
