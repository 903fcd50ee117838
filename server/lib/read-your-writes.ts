import type { RequestHandler } from "express";
import { withReadScope } from "../db/replica";

/** Holds the time (epoch ms) until which this client reads from the primary. */
export const READ_PRIMARY_COOKIE = "fp_rw";

const readsOnly = (method: string) => method === "GET" || method === "HEAD" || method === "OPTIONS";

/**
 * Read-your-writes with a read replica (ADR 064). A request that may write reads the primary throughout and marks
 * its client with a cookie; a read within `windowMs` of a write reads the primary too. Any other read may use the
 * replica. The cookie is not signed: a forged value only sends its own client's reads to the primary, and values
 * further ahead than one window are ignored, so forging buys nothing a real write would not.
 */
export function readYourWrites(windowMs: number): RequestHandler {
  return (req, res, next) => {
    const now = Date.now();
    if (!readsOnly(req.method)) {
      res.append(
        "Set-Cookie",
        `${READ_PRIMARY_COOKIE}=${now + windowMs}; Path=/; Max-Age=${Math.ceil(windowMs / 1000)}; HttpOnly; SameSite=Lax${req.secure ? "; Secure" : ""}`,
      );
      return withReadScope(false, next);
    }
    const until = Number(cookieValue(req.headers.cookie, READ_PRIMARY_COOKIE));
    const recentWrite = Number.isFinite(until) && until > now && until <= now + windowMs;
    return withReadScope(!recentWrite, next);
  };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
