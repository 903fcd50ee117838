import { liveness, readiness } from "@shared/contracts/health";
import { routeTable } from "../../lib/route-table";
import { NOT_READY_RETRY_AFTER_SECONDS, type HealthService } from "./health.service";

/** Kubernetes probes: outside /api/v1, no auth, no rate limit, never cached. */
export const healthRoutes = routeTable<HealthService>(
  {
    mount: "/api/health",
    tag: { name: "Health", description: "Kubernetes liveness and readiness probes." },
    schemas: { Liveness: liveness, Readiness: readiness },
    commonErrors: false,
    cacheControl: "no-store",
  },
  (route) => [
    route({
      method: "get",
      path: "/liveness",
      operationId: "getLiveness",
      summary: "Liveness probe",
      description: "200 while the process runs. No auth, no rate limit.",
      access: "public",
      responses: { 200: { description: "The process is alive.", schema: liveness } },
      handler: (_input, health) => health.liveness(),
    }),
    route({
      method: "get",
      path: "/readiness",
      operationId: "getReadiness",
      summary: "Readiness probe",
      description:
        "200 when the database answers and memory is within limits; Redis is optional (`degraded` while it fails, still 200). 503 with Retry-After when the database fails or the process is shutting down.",
      access: "public",
      responses: {
        200: { description: "Ready to take traffic.", schema: readiness },
        503: { description: "Not ready: take this replica out of rotation.", schema: readiness },
      },
      handler: async ({ res }, health) => {
        const report = await health.readiness();
        if (report.status !== "ready") res.setHeader("Retry-After", String(NOT_READY_RETRY_AFTER_SECONDS));
        res.status(report.status === "ready" ? 200 : 503).json(report);
      },
    }),
  ],
);
