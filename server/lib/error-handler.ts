import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError, errorBodyFor } from "./app-error";
import type { Logger } from "./logger";
import { databaseErrorOf, isDatabaseUnavailable } from "../db/errors";

/** What a client is told to wait when the database is unreachable (the readiness probe says the same). */
const DATABASE_RETRY_AFTER_SECONDS = "5";

/**
 * Values the contract's schemas let through but PostgreSQL refuses (a sum past int4, a byte sequence the
 * encoding cannot hold): the client's input, so 400, never 500. Schemas should catch them first.
 */
const INPUT_SQLSTATES = new Set(["22003", "22021", "22P02", "22P05"]);

/** Body-parser and other http-errors style failures carry a `type` and a status. */
type HttpishError = Error & { type?: string; status?: number; statusCode?: number; expose?: boolean };

function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const e = err as HttpishError;
  switch (e?.type) {
    case "entity.parse.failed":
      return new AppError("invalid_json", "The request body is not valid JSON.");
    case "entity.too.large":
      return new AppError("payload_too_large", "The request body is too large.");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new AppError("unsupported_media_type", "The request body's encoding is not supported.");
    case "request.aborted":
    case "request.size.invalid":
      return new AppError("validation_failed", "The request body was incomplete.");
    default:
      break; // any other error (or none of body-parser's): decided by its status below
  }
  const status = e?.status ?? e?.statusCode;
  if (status === 413) return new AppError("payload_too_large", "The request body is too large.");
  if (status === 415) return new AppError("unsupported_media_type", "The request body's content type is not supported.");
  // http-errors from the router (a path that is not valid percent-encoded UTF-8) and serve-static (a missing asset).
  if (status === 404) return new AppError("not_found", "Not found.");
  if (e instanceof URIError || (typeof status === "number" && status >= 400 && status < 500)) {
    return new AppError(
      "validation_failed",
      e instanceof URIError || /decode/i.test(e.message) ? "The request path is not valid percent-encoded UTF-8." : "The request is invalid.",
    );
  }
  if (isDatabaseUnavailable(err)) {
    return new AppError("not_ready", "The service is briefly unavailable. Please retry shortly.", undefined, { "Retry-After": DATABASE_RETRY_AFTER_SECONDS });
  }
  const sqlState = databaseErrorOf(err).code;
  if (sqlState && INPUT_SQLSTATES.has(sqlState)) return new AppError("validation_failed", "A value in the request is out of range or not valid text.");
  return undefined;
}

/**
 * What of an unexpected error may reach the log: message, code, stack and the SQL text, but never
 * query parameters (Drizzle's DrizzleQueryError carries them: they can hold password or token hashes).
 */
const withoutParams = (text: string) => text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, "\nparams: [redacted]");

export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: string; query?: string; cause?: unknown };
  return {
    type: e.name,
    message: withoutParams(e.message),
    code: e.code,
    query: e.query,
    stack: e.stack && withoutParams(e.stack),
    cause: e.cause instanceof Error ? loggableError(e.cause) : undefined,
  };
}

/** The one error handler: the contract's body for every failure, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = toAppError(err);
    const appError = known ?? new AppError("internal", "Something went wrong on our side. Please try again.");
    if (!known || appError.status >= 500 || databaseErrorOf(err).code) {
      logger.error({ err: loggableError(err), requestId: req.id, method: req.method, path: req.originalUrl.split("?")[0] }, "request failed");
    }
    if (res.headersSent) {
      // Too late for a body; end the response so the client is not left hanging.
      res.end();
      return;
    }
    if (appError.headers) res.set(appError.headers);
    res.status(appError.status).json(errorBodyFor(appError, req.id));
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError("not_found", `No API route matches ${req.method} ${req.path}.`));
};
