import { createHash, timingSafeEqual } from "node:crypto";
import { Router, type RequestHandler } from "express";
import { AppError } from "../../lib/app-error";
import { requireStaff } from "../auth/guards";
import type { MetricsService } from "./metrics.service";

/** GET /api/v1/metrics/summary — the dashboard's first paint: now + 15 minutes of history (staff and admins). */
export function metricsRoutes(metrics: MetricsService): Router {
  const router = Router();
  router.get("/metrics/summary", requireStaff, async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json(await metrics.summary(req.user));
  });
  return router;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compares digests (equal length) in constant time, so neither the token nor its length leaks through timing. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * GET /metrics — Prometheus text for scrapers: outside /api/v1, so no session and no rate limit;
 * `Authorization: Bearer <METRICS_TOKEN>` required when that variable is set.
 */
export function prometheusRoute(metrics: MetricsService, token: string | undefined): RequestHandler {
  return async (req, res) => {
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      throw new AppError("unauthenticated", "Send the metrics token as Authorization: Bearer <token>.");
    }
    const { contentType, body } = await metrics.prom.render();
    res.setHeader("Cache-Control", "no-store");
    res.type(contentType).send(body);
  };
}
