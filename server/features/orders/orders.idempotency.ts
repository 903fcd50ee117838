import { createHmac } from "node:crypto";
import type { Order, OrderCreate } from "@shared/contracts/orders";
import type { ErrorBody } from "@shared/errors";
import { AppError, errorBodyFor } from "../../lib/app-error";
import type { StoredIdempotency } from "./orders.repo";

/**
 * Idempotency-Key semantics for checkout (docs/api.md; keys are scoped to the user): the request fingerprint, and what
 * a request with an already-used key gets. Transport facts (method, path) come from the route.
 */

/** An Idempotency-Key with the request it came with; method and path are part of the fingerprint. */
export interface IdempotentRequest {
  key: string;
  method: string;
  path: string;
}

/** What checkout answers: the route turns it into a status, headers and a body. */
export type CheckoutResult<O = Order> =
  /** A new paid order, or (`replayed`) the stored answer to an earlier request with the same key. */
  | { outcome: "placed"; order: O; replayed: boolean }
  /** The stored failure of an earlier request with the same key: the same error again, marked as a replay. */
  | { outcome: "replayed_error"; error: AppError }
  /** The first request with this key is still running: the client may retry in a moment. */
  | { outcome: "in_progress"; error: AppError };

/** Stored with a placed order: the rows read like the answer they replay (error answers store their own status). */
export const PLACED_STATUS = 201;

/** JSON with object keys sorted at every level: equal payloads give equal text whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** An HMAC, so the stored value reveals nothing about the card number in the body. */
export function requestFingerprint(fingerprintKey: Buffer, request: IdempotentRequest, input: OrderCreate): string {
  return createHmac("sha256", fingerprintKey)
    .update(`${request.method} ${request.path}\n${canonicalJson(input)}`)
    .digest("hex");
}

/** What a request gets when its key was already claimed. */
export function replayStored(stored: StoredIdempotency, expectedFingerprint: string): CheckoutResult {
  if (stored.fingerprint !== expectedFingerprint) {
    throw new AppError("idempotency_key_reused", "This Idempotency-Key was already used for a different request. Use a new key for a new order.");
  }
  if (stored.responseStatus === null) {
    return {
      outcome: "in_progress",
      error: new AppError("idempotency_in_progress", "A request with this Idempotency-Key is still being processed. Retry in a moment."),
    };
  }
  if (stored.responseStatus < 300) return { outcome: "placed", order: stored.responseBody as Order, replayed: true };
  const { error } = stored.responseBody as ErrorBody;
  return { outcome: "replayed_error", error: new AppError(error.code, error.message, error.details) };
}

/** The body a 4xx answer is stored with for replays (no request id: a replay gets its own). */
export const storedErrorBody = (err: AppError): ErrorBody => errorBodyFor(err);
