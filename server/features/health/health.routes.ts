import { Router } from "express";
import type { HealthService } from "./health.service";

/** Kubernetes probes: no auth, no rate limit, never cached. */
export function healthRoutes(health: HealthService): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  router.get("/liveness", (_req, res) => {
    res.json(health.liveness());
  });
  router.get("/readiness", async (_req, res) => {
    const report = await health.readiness();
    res.status(report.status === "ready" ? 200 : 503).json(report);
  });
  return router;
}
