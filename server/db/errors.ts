/** PostgreSQL's error code and constraint of a failed statement, whichever driver (and Drizzle wrapper) raised it. */
export function databaseErrorOf(err: unknown): { code?: string; constraint?: string } {
  for (const e of [err, (err as { cause?: unknown } | undefined)?.cause] as Array<{ code?: unknown; constraint?: unknown } | undefined>) {
    if (typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === "string" ? e.constraint : undefined };
    }
  }
  return {};
}

/**
 * Telling "the database is unreachable" apart from "this query failed", whichever driver threw: the first is
 * 503 not_ready with Retry-After (the client should retry; the replica is fine), the second a bug or bad input.
 * Drizzle wraps driver errors (DrizzleQueryError.cause), so the whole cause chain is searched.
 */

/** Socket-level failures of pg, Neon's WebSocket and the pool. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
/** SQLSTATEs of a server that is going away, starting up, or out of connections (class 08 is matched by prefix). */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** pg-pool and pg say these in words only. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
];

function* causes(err: unknown): Generator<Error & { code?: unknown }> {
  let current = err;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    yield current as Error & { code?: unknown };
    current = (current as Error & { cause?: unknown }).cause;
  }
}

export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of causes(err)) {
    const code = typeof e.code === "string" ? e.code : undefined;
    if (code && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08"))) return true;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message))) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
