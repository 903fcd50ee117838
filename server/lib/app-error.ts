import { errorStatus, type ErrorCode, type ErrorDetail } from "@shared/errors";

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
