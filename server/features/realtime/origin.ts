/**
 * Cross-site WebSocket hijacking defence: a browser always sends Origin on a WebSocket upgrade, and the
 * cookie goes along, so a page of another site must not be let in. Allowed: no Origin at all (not a
 * browser: API clients, the bench), an origin in ALLOWED_ORIGINS, or the request's own host (same origin;
 * compared by host so it also holds behind a TLS-terminating proxy).
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  if (allowedOrigins.has(origin)) return true;
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // "null" (sandboxed frames, file://) and other malformed origins
  }
}
