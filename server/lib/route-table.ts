import express, { Router, type Request, type RequestHandler, type Response } from "express";
import type { z } from "zod";
import type { ErrorCode } from "@shared/errors";
import { AppError } from "./app-error";
import { parseBody, parseHeaders, parseOrThrow, parseParams, parseQuery } from "./validate";
import { JsonBody, sendJsonBody } from "./json-body";

/*
 * One declaration per endpoint (ADR 017): method, path, access, request and response schemas and the
 * OpenAPI text live in one object. mountRouteTable() turns a table into an Express router (guard → parse →
 * handler → send) and registerRouteTable() (route-table-openapi.ts) turns the same table into OpenAPI paths.
 */

/** Who may call: anyone, any signed-in user, staff and admins, or admins only (no identity → 401, wrong role → 403). */
export type Access = "public" | "signedIn" | "staff" | "admin";
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** The role guards mountRouteTable puts in front of non-public routes; they live with auth (features/auth/guards.ts). */
export type AccessGuards = Record<Exclude<Access, "public">, RequestHandler>;

export interface RequestSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  /** Keys are the header names as sent ("Idempotency-Key"). */
  headers?: z.ZodObject;
  body?: z.ZodType;
}

/** A body that is not JSON (CSV import, image upload): the route gets its own parser and answers 415 for any other type. */
export interface BodyFormat {
  /** A type or a wildcard ("image/*"). */
  contentType: string;
  /** "text" (default) hands the schema a string; "binary" a Buffer (uploads). */
  encoding?: "text" | "binary";
  maxBytes: number;
  /** The 415 message. */
  unsupportedMessage: string;
}

export interface SuccessResponse {
  description: string;
  /** Omitted for bodiless answers (204). */
  schema?: z.ZodType;
  /** application/json unless said otherwise. */
  contentType?: string;
  /** Extra documented response headers (X-Request-Id is always documented). */
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
}

/** A status, an error code (documented under its status) or a status with its own description. */
export type ErrorSpec = number | ErrorCode | { status: number; description: string };

/** Security requirements as OpenAPI writes them. */
export type SecurityRequirements = Array<Record<string, string[]>>;

type Parsed<R, K extends keyof RequestSchemas> = R extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;

export interface RouteInput<R extends RequestSchemas, A extends Access> {
  params: Parsed<R, "params">;
  query: Parsed<R, "query">;
  headers: Parsed<R, "headers">;
  body: Parsed<R, "body">;
  /** The acting user; guaranteed on every route that is not public. */
  user: A extends "public" ? Express.User | undefined : Express.User;
  req: Request;
  res: Response;
}

export interface RouteSpec<D, R extends RequestSchemas, A extends Access> {
  method: HttpMethod;
  /** Express form, relative to the table's mount ("/products/:idOrSlug"). Fixed paths before parameterised ones. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  access: A;
  /**
   * CSRF beyond the default (a cookie-carrying write needs X-CSRF-Token): "always" for endpoints that start or end
   * a cookie session (the token is needed before the browser holds a cookie); "exempt" for endpoints that take
   * credentials in the body and neither use nor set a cookie.
   */
  csrf?: "always" | "exempt";
  /** The per-account sign-in limiter, on top of the per-IP API limit. */
  rateLimit?: "signIn";
  /** Overrides the security requirements derived from access and csrf (e.g. the Prometheus token). */
  security?: SecurityRequirements;
  request?: R;
  bodyFormat?: BodyFormat;
  /** Success responses by status; the lowest 2xx is the status sent when the handler returns a value. */
  responses: Record<number, SuccessResponse>;
  /** Error responses besides the table's common ones (429 and 500 under /api/v1). */
  errors?: ErrorSpec[];
  /** Runs after the guard and before parsing, so its headers are on error answers too (cache policy). */
  before?: RequestHandler[];
  /**
   * Call one service function with the parsed input and return its result: it is sent as JSON with the success
   * status (nothing for 204). A handler that sends the response itself (streams, chosen status) returns nothing.
   */
  handler: (input: RouteInput<R, A>, deps: D) => unknown;
}

/** A declared route with its types erased, as tables store it. */
export type Route<D> = RouteSpec<D, RequestSchemas, Access>;

export interface RouteTable<D> {
  /** Where the router is mounted ("/api/v1", "/api/health", "" for the root). */
  mount: string;
  tag: { name: string; description: string };
  /** Contract schemas named as components/schemas/<key>: a schema or [schema, description]. */
  schemas?: Record<string, z.ZodType | [z.ZodType, string]>;
  securitySchemes?: Record<string, Record<string, unknown>>;
  /** Document 429 and 500 on every operation (true under /api/v1, where the rate limit applies). */
  commonErrors: boolean;
  /** A Cache-Control header set on every route of the table, before anything else runs. */
  cacheControl?: string;
  routes: Array<Route<D>>;
}

export type RouteBuilder<D> = <R extends RequestSchemas = Record<never, never>, A extends Access = Access>(spec: RouteSpec<D, R, A>) => Route<D>;

/** Declares a table; `route` infers each route's input types from its schemas and access. */
export function routeTable<D>(config: Omit<RouteTable<D>, "routes">, routes: (route: RouteBuilder<D>) => Array<Route<D>>): RouteTable<D> {
  const route: RouteBuilder<D> = (spec) => spec as unknown as Route<D>;
  return { ...config, routes: routes(route) };
}

/** The full path of a route in Express form. */
export const expressPathOf = (table: Pick<RouteTable<unknown>, "mount">, route: Pick<Route<unknown>, "path">) => table.mount + route.path;

/** The status a handler's return value is sent with: the lowest declared 2xx. */
export function successStatusOf(route: Pick<Route<unknown>, "responses">): number {
  const statuses = Object.keys(route.responses)
    .map(Number)
    .filter((s) => s >= 200 && s < 300);
  return statuses.length ? Math.min(...statuses) : 200;
}

function parseRequestBody(route: Route<unknown>, schema: z.ZodType, req: Request): unknown {
  const format = route.bodyFormat;
  if (!format) return parseBody(schema, req);
  const parsed = format.encoding === "binary" ? Buffer.isBuffer(req.body) : typeof req.body === "string";
  if (!req.is(format.contentType) || !parsed) throw new AppError("unsupported_media_type", format.unsupportedMessage);
  return parseOrThrow(schema, req.body, "body");
}

function parseRequest(route: Route<unknown>, req: Request, res: Response): RouteInput<RequestSchemas, Access> {
  const schemas = route.request ?? {};
  // Path first, then query, body and headers: the order the answers of the hand-written routes had.
  const params = schemas.params ? parseParams(schemas.params, req) : undefined;
  const query = schemas.query ? parseQuery(schemas.query, req) : undefined;
  const body = schemas.body ? parseRequestBody(route, schemas.body, req) : undefined;
  const headers = schemas.headers ? parseHeaders(schemas.headers, req) : undefined;
  return { params, query, body, headers, user: req.user, req, res } as RouteInput<RequestSchemas, Access>;
}

/** The Express router for a table: per route, [cache header] → guard → before → [own body parser] → parse → handler → send. */
export function mountRouteTable<D>(table: RouteTable<D>, deps: D, guards: AccessGuards): Router {
  const router = Router();
  const cacheControl: RequestHandler | undefined = table.cacheControl
    ? (_req, res, next) => {
        res.setHeader("Cache-Control", table.cacheControl!);
        next();
      }
    : undefined;

  for (const route of table.routes) {
    const chain: RequestHandler[] = [];
    if (cacheControl) chain.push(cacheControl);
    if (route.access !== "public") chain.push(guards[route.access]);
    chain.push(...(route.before ?? []));
    if (route.bodyFormat) {
      const { contentType: type, maxBytes: limit, encoding } = route.bodyFormat;
      chain.push(encoding === "binary" ? express.raw({ type, limit }) : express.text({ type, limit }));
    }
    const status = successStatusOf(route);
    chain.push(async (req, res) => {
      const result = await route.handler(parseRequest(route as Route<unknown>, req, res), deps);
      if (res.headersSent) return;
      if (result === undefined || status === 204) res.status(status).end();
      else if (result instanceof JsonBody) sendJsonBody(req, res, result, status);
      else res.status(status).json(result);
    });
    router[route.method](route.path, ...chain);
  }
  return router;
}

/** Every route of the tables with a given CSRF rule or rate limit, as full Express paths (for app-level middleware). */
export function pathsWhere<D>(tables: ReadonlyArray<RouteTable<D>>, test: (route: Route<D>) => boolean): string[] {
  return tables.flatMap((table) => table.routes.filter(test).map((route) => expressPathOf(table, route)));
}

/** Routes whose body is not JSON, as patterns over the full path: the app-wide content-type check lets their type through. */
export function bodyFormatsOf<D>(tables: ReadonlyArray<RouteTable<D>>): Array<{ path: RegExp; type: string }> {
  return tables.flatMap((table) =>
    table.routes.flatMap((route) => {
      if (!route.bodyFormat) return [];
      const pattern = expressPathOf(table, route)
        .split("/")
        .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("/");
      return [{ path: new RegExp(`^${pattern}$`), type: route.bodyFormat.contentType }];
    }),
  );
}
