/** PostgreSQL's error code and constraint of a failed statement, whichever driver (and Drizzle wrapper) raised it. */
export function databaseErrorOf(err: unknown): { code?: string; constraint?: string } {
  for (const e of [err, (err as { cause?: unknown } | undefined)?.cause] as Array<{ code?: unknown; constraint?: unknown } | undefined>) {
    if (typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === "string" ? e.constraint : undefined };
    }
  }
  return {};
}
