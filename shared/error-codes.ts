/**
 * The contract's error codes and a reader for the error body, free of zod: the SPA's entry chunk parses every
 * failed answer, and importing any zod schema there would put zod's core (~15 KB gzipped) on the first load of
 * every page. shared/errors.ts keeps the zod schema of the same body (OpenAPI, tests); error-codes.test.ts
 * checks that the two agree.
 */

/** Every error code of the contract, with the HTTP status it is always sent with. */
export const errorStatus = {
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  payment_declined: 402,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  slug_taken: 409,
  out_of_stock: 409,
  invalid_transition: 409,
  idempotency_in_progress: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  import_failed: 422,
  rate_limited: 429,
  internal: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

export interface ErrorDetailShape {
  path: string;
  message: string;
}
export interface ErrorBodyShape {
  error: { code: ErrorCode; message: string; details?: ErrorDetailShape[]; requestId?: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isDetail = (v: unknown): v is ErrorDetailShape => isObject(v) && typeof v.path === "string" && typeof v.message === "string";

/** The body as the contract's error body, or undefined when it is not one (unknown code, wrong types, not JSON). */
export function readErrorBody(json: unknown): ErrorBodyShape | undefined {
  if (!isObject(json) || !isObject(json.error)) return undefined;
  const { code, message, details, requestId } = json.error;
  if (typeof code !== "string" || !Object.hasOwn(errorStatus, code) || typeof message !== "string") return undefined;
  if (details !== undefined && !(Array.isArray(details) && details.every(isDetail))) return undefined;
  if (requestId !== undefined && typeof requestId !== "string") return undefined;
  return {
    error: {
      code: code as ErrorCode,
      message,
      ...(details !== undefined && { details: details.map((d) => ({ path: d.path, message: d.message })) }),
      ...(requestId !== undefined && { requestId }),
    },
  };
}
