import type { RequestHandler } from "express";

const ALLOWED_HEADERS = "Content-Type, X-CSRF-Token, Authorization, Idempotency-Key, X-Request-Id";
const EXPOSED_HEADERS = "X-Request-Id, Retry-After";
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/**
 * CORS allow-list (ALLOWED_ORIGINS). Listed origins get credentialed CORS headers; every other origin gets
 * none, so the browser withholds the response. Same-origin requests need no CORS at all.
 * Hand-written (30 lines) rather than another dependency.
 */
export function corsAllowList(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.get("origin");
    res.vary("Origin");
    const isPreflight = req.method === "OPTIONS" && req.get("access-control-request-method") !== undefined;
    if (origin !== undefined && allowed.has(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      if (isPreflight) {
        res.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
        res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        res.setHeader("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
      }
    }
    // Preflights end here either way: without the headers above the browser refuses the real request.
    if (isPreflight) {
      res.status(204).end();
      return;
    }
    next();
  };
}
