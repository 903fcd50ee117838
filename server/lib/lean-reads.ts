import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, RequestHandler, Response, Router } from "express";
import type { Logger } from "./logger";
import { mountRouteTable, type AccessGuards, type RouteTable } from "./route-table";
import { requestId } from "./request-context";

/**
 * The lean read path (ADR 061): anonymous, cookie-less GETs of public catalog routes skip what they cannot need —
 * session and passport, CSRF, body parsers, CORS (no Origin), compression (the answer is bytes with its own
 * compressed copies), the per-request route tracing of the metrics middleware. They keep the contract: request id,
 * security headers (computed once at boot), the API rate limit, metrics, the access log and the error body (errors
 * go to the app's one error handler). Anything else (a cookie, an Authorization or Origin header, another method
 * or path) takes the full stack, untouched.
 */

export interface LeanReadsOptions<D> {
  /** Tables whose public GET routes take the lean path (mounted at /api/v1, like every API table). */
  tables: ReadonlyArray<{ table: RouteTable<D>; deps: D }>;
  /** The app's security-header middleware (helmet), run once against a recorder to learn its headers. */
  securityHeaders: RequestHandler;
  /** The same limiter instances as the full stack's /api/v1 rate limit: one counter per client either way. */
  rateLimit: RequestHandler[];
  /** Called once per finished request with the route template as the label (see metrics.middleware). */
  recordRequest(record: { method: string; route: string; status: number; durationMs: number }): void;
  logger: Logger;
  /** The full stack's /api/v1 prelude that still applies to anonymous reads (the plain-HTTP warning). */
  apiPrelude?: RequestHandler;
  /** Gates every /api/v1 request passes (the feature flags: maintenance answers 503 here too), after the rate limit. */
  gates?: RequestHandler[];
  /** Runs the request inside a scope (the read-replica scope: a cookie-less client has no recent write to read back). */
  around?: (run: () => void) => void;
}

/** An Express path ("/api/v1/products/:id") as a pattern over the request path, matching as Express does. */
function pathPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}/?$`, "i");
}

/** The headers a middleware sets on every response, recorded once (helmet's are the same for every request). */
function recordHeaders(middleware: RequestHandler): Array<[string, string | number | readonly string[]]> {
  const headers: Array<[string, string | number | readonly string[]]> = [];
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => void headers.push([name, value]),
    removeHeader: () => undefined,
    getHeader: () => undefined,
  };
  let called = false;
  middleware({ headers: {}, method: "GET", url: "/" } as Request, res as unknown as Response, () => (called = true));
  if (!called) throw new Error("lean reads: the security-header middleware did not call next() synchronously");
  return headers;
}

/** Runs Express middleware one after another, then `done` (or `done(err)` at the first error). */
function runChain(chain: RequestHandler[], req: Request, res: Response, done: NextFunction): void {
  let i = 0;
  const step = (err?: unknown): void => {
    if (err !== undefined && err !== null) return done(err);
    const next = chain[i++];
    if (!next) return done();
    try {
      // Async middleware (the feature gates) rejects instead of throwing: same path to `done`.
      const result = next(req, res, step) as unknown;
      if (result instanceof Promise) result.catch(done);
    } catch (thrown) {
      done(thrown);
    }
  };
  step();
}

export function leanReads<D>(options: LeanReadsOptions<D>): RequestHandler {
  const securityHeaders = recordHeaders(options.securityHeaders);
  const eligible: RegExp[] = [];
  const excluded: RegExp[] = [];
  const routers: Router[] = [];
  for (const { table, deps } of options.tables) {
    const gets = table.routes.filter((route) => route.method === "get");
    for (const route of gets) (route.access === "public" ? eligible : excluded).push(pathPattern(table.mount + route.path));
    const publicGets = { ...table, mount: table.mount, routes: gets.filter((route) => route.access === "public") };
    // Mounted under the table's full paths, so req.route.path is the template the metrics label wants.
    const prefixed = { ...publicGets, routes: publicGets.routes.map((route) => ({ ...route, path: table.mount + route.path })) };
    routers.push(mountRouteTable(prefixed, deps, {} as AccessGuards));
  }
  const prelude: RequestHandler[] = [...options.rateLimit, ...(options.apiPrelude ? [options.apiPrelude] : []), ...(options.gates ?? [])];

  const takesLeanPath = (req: IncomingMessage, path: string) =>
    (req.method === "GET" || req.method === "HEAD") &&
    req.headers.cookie === undefined &&
    req.headers.authorization === undefined &&
    req.headers.origin === undefined &&
    eligible.some((pattern) => pattern.test(path)) &&
    !excluded.some((pattern) => pattern.test(path));

  return (req, res, next) => {
    const path = req.path;
    if (!path.startsWith("/api/v1/") || !takesLeanPath(req, path)) return next();
    const started = process.hrtime.bigint();
    requestId(req, res, () => undefined);
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    res.setHeader("Vary", "Origin"); // as the CORS middleware says on every /api answer
    (res as ServerResponse).once("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const status = res.statusCode;
      const route = (req.route as { path?: string } | undefined)?.path ?? (status === 404 ? "unmatched" : "middleware");
      options.recordRequest({ method: req.method, route, status, durationMs });
      const level = status >= 500 ? "error" : status >= 400 ? "warn" : "info";
      options.logger[level](
        { requestId: req.id, ip: req.ip, method: req.method, path, status, durationMs: Math.round(durationMs * 100) / 100, userId: undefined },
        "request",
      );
    });
    const run = () =>
      runChain(prelude, req, res, (err) => {
        if (err) return next(err);
        // An error from a route (a 404, a bad query) leaves with next(err) for the app's error handler.
        runChain(routers as unknown as RequestHandler[], req, res, (routeErr) => next(routeErr ?? new Error(`lean reads: no route answered ${path}`)));
      });
    if (options.around) options.around(run);
    else run();
  };
}
