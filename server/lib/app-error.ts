import { errorStatus, type ErrorBody, type ErrorCode, type ErrorDetail } from "@shared/errors";

/** The one error class: services throw it, the error handler turns it into the contract's body. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra response headers, e.g. Retry-After for rate_limited. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
    this.status = errorStatus[code];
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found`);

/**
 * The contract's error body: the one builder for HTTP answers, refused WebSocket upgrades and stored
 * Idempotency-Key answers (these leave requestId out: a replay gets its own).
 */
export function errorBodyFor(err: { code: ErrorCode; message: string; details?: ErrorDetail[] }, requestId?: string): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}
