import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import type { Session } from "express-session";
import { AppError } from "../../lib/app-error";

declare module "express-session" {
  interface SessionData {
    /** Synchronizer token for cookie-authenticated writes (GET /auth/csrf). */
    csrfToken?: string;
  }
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const newCsrfToken = () => randomBytes(32).toString("base64url");

/** The session's token, created on first use. */
export function ensureCsrfToken(session: Session & { csrfToken?: string }): string {
  session.csrfToken ??= newCsrfToken();
  return session.csrfToken;
}

function tokensMatch(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function carriesCookie(req: Request, cookieName: string): boolean {
  const header = req.headers.cookie;
  if (!header) return false;
  return header.split(";").some((part) => part.trim().startsWith(`${cookieName}=`));
}

const csrfFailed = (message: string) => new AppError("csrf_failed", message);

/**
 * CSRF defence for writes under /api/v1 (mount after the session): bearer requests are exempt; otherwise a
 * present Origin must be allowed, and cookie-carrying requests (plus login/register/logout) must send the
 * session's X-CSRF-Token. Runs before any route, so a rejected write changes nothing.
 */
export function csrfProtection(options: {
  cookieName: string;
  allowedOrigins: readonly string[];
  /** Full paths of endpoints that establish or end a cookie session: they need the token even before the browser holds a cookie. */
  alwaysPaths: readonly string[];
  /** Full paths of endpoints whose credentials travel in the body, with no cookie used or set: API clients call them without a token. */
  exemptPaths: readonly string[];
}): RequestHandler {
  const allowed = new Set(options.allowedOrigins);
  const normalise = (path: string) => path.replace(/\/+$/, "").toLowerCase();
  const sessionEndpoints = new Set(options.alwaysPaths.map(normalise));
  const tokenEndpoints = new Set(options.exemptPaths.map(normalise));
  return (req, _res, next) => {
    if (!WRITE_METHODS.has(req.method) || req.authMethod === "bearer") return next();
    const origin = req.get("origin");
    if (origin !== undefined && !allowed.has(origin) && origin !== `${req.protocol}://${req.host}`) {
      return next(csrfFailed("This request comes from an origin that is not allowed."));
    }
    // Express matches routes case-insensitively and with a trailing slash: compare the same way.
    const path = normalise(req.baseUrl + req.path);
    if (tokenEndpoints.has(path)) return next();
    if (!carriesCookie(req, options.cookieName) && !sessionEndpoints.has(path)) return next();
    if (!tokensMatch(req.session?.csrfToken, req.get("x-csrf-token"))) {
      return next(csrfFailed("The CSRF token is missing or invalid. Fetch one from GET /api/v1/auth/csrf and send it as X-CSRF-Token."));
    }
    next();
  };
}
