import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { metricsSummary, snapshot } from "@shared/contracts/metrics";
import { errorResponse, errorResponses, jsonResponse, nameSchema, security } from "../openapi.components";

export const tag = { name: "Metrics", description: "The staff dashboard's measured figures, and the Prometheus scrape endpoint." };

export function register(registry: OpenAPIRegistry): void {
  nameSchema(snapshot, "MetricsSnapshot", "One measurement: http (this replica, last second or 5-second interval), ws, process, and business figures.");
  nameSchema(metricsSummary, "MetricsSummary");

  registry.registerPath({
    method: "get",
    path: "/api/v1/metrics/summary",
    operationId: "getMetricsSummary",
    tags: [tag.name],
    summary: "The dashboard's current snapshot and the last 15 minutes",
    description:
      "`now` is the latest once-a-second snapshot; `series` holds one snapshot per 5 s for the last 15 minutes, oldest first " +
      "(its `http` figures cover the 5 s ending at `at`). Live updates arrive on the WebSocket `metrics` channel. Staff and admins only.",
    security: security.read,
    responses: { 200: jsonResponse("Now and the recent history.", metricsSummary), ...errorResponses("unauthenticated", "forbidden") },
  });

  registry.registerPath({
    method: "get",
    path: "/metrics",
    operationId: "getPrometheusMetrics",
    tags: [tag.name],
    summary: "Prometheus metrics (text exposition format)",
    description:
      "HTTP latency histogram `http_request_duration_seconds{method,route,status_code}` by route template, WebSocket gauges and counters, " +
      "business gauges and the Node process's default metrics. No session and no rate limit; when `METRICS_TOKEN` is set, " +
      "send it as `Authorization: Bearer <token>`.",
    security: [{}, { metricsToken: [] }],
    responses: {
      200: { description: "Prometheus text format 0.0.4.", content: { "text/plain": { schema: { type: "string" } } } },
      401: errorResponse(401, "`METRICS_TOKEN` is set and the bearer token is missing or wrong (`unauthenticated`)."),
    },
  });
  registry.registerComponent("securitySchemes", "metricsToken", {
    type: "http",
    scheme: "bearer",
    description: "The METRICS_TOKEN configured on the server (only when set).",
  });
}
