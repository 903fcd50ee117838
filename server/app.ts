import compression from "compression";
import express, { type Express, type RequestHandler } from "express";
import helmet from "helmet";
import type { AppContext } from "./context";
import { trustProxySetting } from "./env";
import { AppError } from "./lib/app-error";
import { apiNotFound, errorHandler } from "./lib/error-handler";
import { withReadScope } from "./db/replica";
import { readYourWrites } from "./lib/read-your-writes";
import { accessLog, requestId } from "./lib/request-context";
import { plainHttpWarning } from "./lib/deployment-warnings";
import { httpTracing, tracingEnabled } from "./lib/tracing";
import { corsAllowList } from "./lib/cors";
import { createRateLimits } from "./lib/rate-limit";
import { csrfProtection } from "./features/auth/csrf";
import { mfaEnrolmentGate } from "./features/auth/mfa-gate";
import { createServices, type Services } from "./services";
import { API_DOCS_PATH, apiDocsRoutes } from "./features/openapi/openapi.routes";
import { productImageRoutes } from "./features/catalog/product-image";
import { mountSeoFiles, mountStorefront } from "./features/storefront/storefront";
import { apiV1Routes } from "./routes";
import { apiV1Tables, healthTable, mediaFilesTable, prometheusTable } from "./route-tables";
import { featureGates } from "./features/settings/feature-gates";
import { bodyFormatsOf, pathsWhere } from "./lib/route-table";
import { requestMetrics } from "./features/metrics/metrics.middleware";
import { catalogRoutes } from "./features/catalog/catalog.routes";
import { leanReads } from "./lib/lean-reads";

export interface CreateAppOptions {
  /** Serve dist/client (production and E2E). Tests of the API leave it off. */
  serveSpa?: boolean;
  /** Dev only: Vite's middleware, mounted before the SPA fallback. */
  devMiddleware?: RequestHandler;
  /** Where the built SPA is (default dist/client); tests point it at a fixture index.html. */
  spaDistDir?: string;
}

export interface App {
  app: Express;
  services: Services;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const v1Tables = apiV1Tables.map((bound) => bound.table);
/** Routes that take a body other than JSON (CSV import has its own 5 MB parser), as their declarations say. */
const NON_JSON_BODY_ROUTES = bodyFormatsOf(v1Tables);

/**
 * A write that carries a body must say it is JSON (or the route's own type), uncompressed: 415 otherwise.
 * Compressed request bodies are refused outright: no client of this API needs them, and a decompressor fed
 * mislabelled bytes is one more way to fail.
 */
const requireJsonContentType: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
  if (!WRITE_METHODS.has(req.method) || !hasBody) return next();
  const encoding = req.headers["content-encoding"]?.trim().toLowerCase();
  if (encoding && encoding !== "identity") return next(new AppError("unsupported_media_type", "Send the request body uncompressed (no Content-Encoding)."));
  const allowed = NON_JSON_BODY_ROUTES.find((r) => r.path.test(req.originalUrl.split("?")[0] ?? ""))?.type;
  if (req.is("application/json") || (allowed && req.is(allowed))) return next();
  next(new AppError("unsupported_media_type", `Send the request body as ${allowed ?? "application/json"}.`));
};

/**
 * gzip at level 1: measured ~40 % cheaper than the default 6 on a 15 KB product page for ~8 % more bytes;
 * dynamic JSON is compressed on every request, so CPU matters more than the last few bytes.
 * Clients that accept no encoding skip the middleware entirely (it costs ~55 µs a request even then).
 */
const compress = compression({ level: 1 });
const compressWhenAccepted: RequestHandler = (req, res, next) => (req.headers["accept-encoding"] ? compress(req, res, next) : next());

export function createApp(ctx: AppContext, options: CreateAppOptions = {}): App {
  const app = express();
  const services = createServices(ctx);
  const production = ctx.env.NODE_ENV === "production";

  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(ctx.env.TRUST_PROXY));
  app.set("query parser", "simple");

  const securityHeaders = helmet({
    // Vite's dev server injects inline scripts for HMR; the built SPA needs none.
    contentSecurityPolicy: options.devMiddleware
      ? false
      : {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", "data:"],
            connectSrc: ["'self'"],
            fontSrc: ["'self'", "data:"],
            objectSrc: ["'none'"],
            frameAncestors: ["'none'"],
            upgradeInsecureRequests: production ? [] : null,
          },
        },
    strictTransportSecurity: production,
  });
  const rateLimits = createRateLimits(ctx);

  // Anonymous cookie-less catalog reads answer here, before the full stack (ADR 061); tracing wants every request.
  if (!tracingEnabled())
    app.use(
      leanReads({
        tables: [{ table: catalogRoutes, deps: services.catalog }],
        securityHeaders,
        rateLimit: rateLimits.api,
        recordRequest: (record) => services.metrics.recordRequest(record),
        logger: ctx.logger,
        apiPrelude: plainHttpWarning(ctx.logger, ctx.env),
        gates: [featureGates(services.settings)],
        around: ctx.replica ? (run) => withReadScope(true, run) : undefined,
      }),
    );
  app.use(requestId);
  if (tracingEnabled()) app.use(httpTracing());
  app.use(requestMetrics(services.metrics)); // first: times every request, labelled by the route template that answers
  app.use(accessLog(ctx.logger));
  app.use(securityHeaders);
  app.use("/api", corsAllowList(ctx.env.ALLOWED_ORIGINS));
  app.use(compressWhenAccepted);

  app.use(healthTable.table.mount, healthTable.mount(services, ctx));
  // Prometheus scrapes: outside /api/v1 (no session, no rate limit); bearer METRICS_TOKEN when set.
  app.use(prometheusTable.mount(services, ctx));
  app.use(API_DOCS_PATH, apiDocsRoutes());
  app.use("/images", productImageRoutes());
  app.use(mediaFilesTable.table.mount, mediaFilesTable.mount(services, ctx));

  app.use("/api", requireJsonContentType, express.json({ limit: "100kb", strict: true }));
  // Rate limits → session + passport (or bearer) → CSRF, for /api/v1 only: probes, images and the SPA get no sessions.
  if (rateLimits.api.length) app.use("/api/v1", ...rateLimits.api);
  if (rateLimits.signIn.length)
    app.use(
      pathsWhere(v1Tables, (route) => route.rateLimit === "signIn"),
      ...rateLimits.signIn,
    );
  app.use("/api/v1", plainHttpWarning(ctx.logger, ctx.env));
  const csrf = csrfProtection({
    cookieName: services.sessionAuth.cookieName,
    tokens: services.sessionAuth.csrf,
    allowedOrigins: ctx.env.ALLOWED_ORIGINS,
    alwaysPaths: pathsWhere(v1Tables, (route) => route.csrf === "always"),
    exemptPaths: pathsWhere(v1Tables, (route) => route.csrf === "exempt"),
  });
  app.use("/api/v1", services.sessionAuth.identify, csrf, mfaEnrolmentGate(services.mfa), featureGates(services.settings));
  // After the session middleware (its callbacks lose the async context): the routes' reads may use the replica.
  if (ctx.replica) app.use("/api/v1", readYourWrites(ctx.replica.readYourWritesMs));
  app.use("/api/v1", apiV1Routes(ctx, services));
  app.use("/api", apiNotFound);

  if (options.devMiddleware || options.serveSpa) mountSeoFiles(app, ctx, services.catalog);
  if (options.devMiddleware) app.use(options.devMiddleware);
  else if (options.serveSpa) mountStorefront(app, ctx, services, options.spaDistDir);

  app.use(errorHandler(ctx.logger));
  return { app, services };
}
