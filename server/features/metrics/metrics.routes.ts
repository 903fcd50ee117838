import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { metricsSummary, snapshot } from "@shared/contracts/metrics";
import { AppError } from "../../lib/app-error";
import { routeTable } from "../../lib/route-table";
import type { MetricsService } from "./metrics.service";

const tag = { name: "Metrics", description: "The staff dashboard's measured figures, and the Prometheus scrape endpoint." };

/** GET /api/v1/metrics/summary — the dashboard's first paint: now + 15 minutes of history (staff and admins). */
export const metricsRoutes = routeTable<MetricsService>(
  {
    mount: "/api/v1",
    tag,
    schemas: {
      MetricsSnapshot: [snapshot, "One measurement: http (this replica, last second or 5-second interval), ws, process, and business figures."],
      MetricsSummary: metricsSummary,
    },
    commonErrors: true,
    cacheControl: "no-store",
  },
  (route) => [
    route({
      method: "get",
      path: "/metrics/summary",
      operationId: "getMetricsSummary",
      summary: "The dashboard's current snapshot and the last 15 minutes",
      description:
        "`now` is the latest once-a-second snapshot; `series` holds one snapshot per 5 s for the last 15 minutes, oldest first " +
        "(its `http` figures cover the 5 s ending at `at`). Live updates arrive on the WebSocket `metrics` channel. Staff and admins only.",
      access: "staff",
      responses: { 200: { description: "Now and the recent history.", schema: metricsSummary } },
      errors: ["unauthenticated", "forbidden"],
      handler: ({ user }, metrics) => metrics.summary(user),
    }),
  ],
);

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compares digests (equal length) in constant time, so neither the token nor its length leaks through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * GET /metrics — Prometheus text for scrapers: outside /api/v1, so no session and no rate limit;
 * `Authorization: Bearer <METRICS_TOKEN>` required when that variable is set.
 */
export const prometheusRoutes = routeTable<{ metrics: MetricsService; token: string | undefined }>(
  {
    mount: "",
    tag,
    securitySchemes: {
      metricsToken: { type: "http", scheme: "bearer", description: "The METRICS_TOKEN configured on the server (only when set)." },
    },
    commonErrors: false,
  },
  (route) => [
    route({
      method: "get",
      path: "/metrics",
      operationId: "getPrometheusMetrics",
      summary: "Prometheus metrics (text exposition format)",
      description:
        "HTTP latency histogram `http_request_duration_seconds{method,route,status_code}` by route template, WebSocket gauges and counters, " +
        "business gauges and the Node process's default metrics. No session and no rate limit; when `METRICS_TOKEN` is set, " +
        "send it as `Authorization: Bearer <token>`.",
      access: "public",
      security: [{}, { metricsToken: [] }],
      responses: { 200: { description: "Prometheus text format 0.0.4.", schema: z.string(), contentType: "text/plain" } },
      errors: [{ status: 401, description: "`METRICS_TOKEN` is set and the bearer token is missing or wrong (`unauthenticated`)." }],
      handler: async ({ req, res }, { metrics, token }) => {
        if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
          res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
          throw new AppError("unauthenticated", "Send the metrics token as Authorization: Bearer <token>.");
        }
        const { contentType, body } = await metrics.prom.render();
        res.setHeader("Cache-Control", "no-store");
        res.type(contentType).send(body);
      },
    }),
  ],
);
