import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { liveness, readiness } from "@shared/contracts/health";
import { jsonResponse, nameSchema } from "../openapi.components";

export const tag = { name: "Health", description: "Kubernetes liveness and readiness probes." };

/** Kubernetes probes: outside /api/v1, no auth, no rate limit, never cached. */
export function register(registry: OpenAPIRegistry): void {
  nameSchema(liveness, "Liveness");
  nameSchema(readiness, "Readiness");

  registry.registerPath({
    method: "get",
    path: "/api/health/liveness",
    operationId: "getLiveness",
    tags: [tag.name],
    summary: "Liveness probe",
    description: "200 while the process runs. No auth, no rate limit.",
    responses: { 200: jsonResponse("The process is alive.", liveness) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/health/readiness",
    operationId: "getReadiness",
    tags: [tag.name],
    summary: "Readiness probe",
    description: "200 when the database (and Redis, when configured) answer and memory is within limits; 503 when a required dependency fails or the process is shutting down.",
    responses: {
      200: jsonResponse("Ready to take traffic.", readiness),
      503: jsonResponse("Not ready: take this replica out of rotation.", readiness),
    },
  });
}
