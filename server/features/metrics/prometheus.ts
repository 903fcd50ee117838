import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { registerJobMetrics } from "../jobs/jobs.metrics";
import type { QueueFigures } from "../jobs/jobs.service";
import { backgroundFailureCounts } from "../../lib/background";
import type { RedisCallStats } from "../../lib/redis";

/**
 * Prometheus instruments of one app instance. Each app has its own Registry (tests run
 * several apps in one process); the process-wide default metrics (CPU, memory, GC, event loop, handles) live
 * in one registry per process, merged in at scrape time.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Seconds; from a fast cached read to a slow CSV import. */
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface GaugeSources {
  webSocketConnections: () => number;
  business: () => { ordersToday: number; revenueTodayCents: number; registrationsToday: number; activeUsers: number; conversionRate: number } | undefined;
  cache?: () => { hits: number; misses: number; errors: number };
  jobs?: () => Promise<QueueFigures>;
  /** Redis calls through the guard: answered, failed (error or over budget), skipped (down or breaker open). */
  redis?: () => RedisCallStats;
}

export function createPromMetrics(sources: GaugeSources) {
  const registry = new Registry();
  const registers = [registry];

  const httpRequestDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by Express route template (`unmatched`, `static`, `spa` or `middleware` when no route answered).",
    labelNames: ["method", "route", "status_code"] as const,
    buckets: HTTP_BUCKETS,
    registers,
  });

  new Gauge({
    name: "fp_websocket_connections",
    help: "Open WebSocket connections on this replica.",
    registers,
    collect() {
      this.set(sources.webSocketConnections());
    },
  });
  const webSocketMessagesSent = new Counter({ name: "fp_websocket_messages_sent_total", help: "Messages sent to WebSocket clients.", registers });
  const webSocketMessagesDropped = new Counter({
    name: "fp_websocket_messages_dropped_total",
    help: "Broadcasts skipped for a client whose send buffer was over the cap (backpressure).",
    registers,
  });
  const webSocketRejected = new Counter({
    name: "fp_websocket_upgrades_rejected_total",
    help: "WebSocket upgrades refused before the handshake, by reason.",
    labelNames: ["reason"] as const,
    registers,
  });
  const webSocketClosedByServer = new Counter({
    name: "fp_websocket_closed_by_server_total",
    help: "WebSocket connections the server closed or terminated, by reason.",
    labelNames: ["reason"] as const,
    registers,
  });

  const ordersCreated = new Counter({ name: "fp_orders_created_total", help: "Orders created through this replica.", registers });
  const registrations = new Counter({ name: "fp_user_registrations_total", help: "Accounts registered through this replica.", registers });

  const businessGauge = (name: string, help: string, pick: (b: NonNullable<ReturnType<GaugeSources["business"]>>) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        const figures = sources.business();
        if (figures) this.set(pick(figures));
      },
    });
  businessGauge("fp_orders_today", "Paid, shipped or delivered orders since 00:00 UTC (the same on every replica).", (b) => b.ordersToday);
  businessGauge("fp_revenue_today_cents", "Revenue of today's orders in cents (the same on every replica).", (b) => b.revenueTodayCents);
  businessGauge("fp_registrations_today", "Accounts created since 00:00 UTC.", (b) => b.registrationsToday);
  businessGauge("fp_active_users", "Distinct signed-in users with a request in the last 5 minutes.", (b) => b.activeUsers);
  businessGauge("fp_conversion_rate", "Customers who ordered today ÷ customers active today.", (b) => b.conversionRate);

  if (sources.cache) {
    const cache = sources.cache;
    // Cumulative counts owned by the cache module: exposed as counters set at scrape time.
    for (const kind of ["hits", "misses", "errors"] as const) {
      new Counter({
        name: `fp_catalog_cache_${kind}_total`,
        help: `Catalog cache ${kind}.`,
        registers,
        collect() {
          this.reset();
          this.inc(cache()[kind]);
        },
      });
    }
  }

  if (sources.jobs) registerJobMetrics(registry, sources.jobs);
  if (sources.redis) {
    const redis = sources.redis;
    new Counter({
      name: "fp_redis_calls_total",
      help: "Redis calls on request paths by outcome: ok, failed (error or over budget) or skipped (down or breaker open).",
      labelNames: ["outcome"] as const,
      registers,
      collect() {
        this.reset();
        const stats = redis();
        for (const outcome of ["ok", "failed", "skipped"] as const) this.inc({ outcome }, stats[outcome]);
      },
    });
  }
  new Counter({
    name: "fp_background_task_failures_total",
    help: "Failures of timers and background tasks (logged and survived), by task.",
    labelNames: ["task"] as const,
    registers,
    collect() {
      this.reset();
      for (const [task, count] of backgroundFailureCounts()) this.inc({ task }, count);
    },
  });

  return {
    httpRequestDuration,
    webSocketMessagesSent,
    webSocketMessagesDropped,
    webSocketRejected,
    webSocketClosedByServer,
    ordersCreated,
    registrations,
    /** The Prometheus text exposition of this app plus the process's default metrics. */
    async render(): Promise<{ contentType: string; body: string }> {
      const merged = Registry.merge([processMetrics(), registry]);
      return { contentType: merged.contentType, body: await merged.metrics() };
    },
  };
}
export type PromMetrics = ReturnType<typeof createPromMetrics>;
