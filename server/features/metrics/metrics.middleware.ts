import type { Request, RequestHandler, Response } from "express";
import type { MetricsService } from "./metrics.service";

const ROUTE_BASE = Symbol("routeBase");
type TracedRequest = Request & { [ROUTE_BASE]?: string };

/**
 * Express sets req.route when a route matches, but restores req.baseUrl when an error leaves a router, so by
 * the time the response finishes baseUrl + route.path may be wrong. This accessor remembers the baseUrl at
 * the moment the route was set.
 */
function traceRouteBase(req: TracedRequest) {
  let route: unknown;
  Object.defineProperty(req, "route", {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: unknown) {
      route = value;
      req[ROUTE_BASE] = req.baseUrl;
    },
  });
}

/**
 * The route label: the Express route template that answered ("/api/v1/products/:idOrSlug"), so the label set
 * stays bounded; "spa" for the client-route fallback, "static" for files (GET/HEAD answered without a route),
 * "unmatched" for 404s without a route, "middleware" for anything else answered before routing (rate limits,
 * CSRF, CORS preflights).
 */
export function routeLabel(req: Request, res: Response): string {
  const traced = req as TracedRequest;
  const routePath = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof routePath === "string") {
    if (routePath === "/{*splat}" && (traced[ROUTE_BASE] ?? "") === "") return "spa";
    return (traced[ROUTE_BASE] ?? req.baseUrl) + routePath || "/";
  }
  if (res.statusCode === 404) return "unmatched";
  if ((req.method === "GET" || req.method === "HEAD") && res.statusCode < 400) return "static";
  return "middleware";
}

/** Times every request (mount first): the Prometheus histogram, the dashboard's window, active users. */
export function requestMetrics(metrics: Pick<MetricsService, "recordRequest">): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    traceRouteBase(req);
    res.once("finish", () => {
      const user = req.user;
      metrics.recordRequest({
        method: req.method,
        route: routeLabel(req, res),
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        user: user ? { id: user.id, role: user.role } : undefined,
      });
    });
    next();
  };
}
