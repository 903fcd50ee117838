import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { AppError } from "../../lib/app-error";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** `__Host-` in production binds the cookie to this exact origin over HTTPS, like the session cookie. */
export const csrfCookieName = (production: boolean) => (production ? "__Host-fp.csrf" : "fp.csrf");

/**
 * Stateless CSRF tokens (ADR 040): an HMAC of what the browser already proves it holds, so issuing one never
 * stores anything (the probe counted 3,523 session rows from cookieless GET /auth/csrf calls).
 *   - signed in with a session cookie: bound to the session id (it rotates at sign-in, so does the token);
 *   - otherwise: bound to a random nonce in the HttpOnly `fp.csrf` cookie (signed double submit). An attacker's
 *     page can neither read that cookie nor the token, and a token from the attacker's own browser is bound to
 *     a nonce the victim's browser does not hold.
 */
export function createCsrfTokens(options: { key: Buffer; production: boolean }) {
  const cookieName = csrfCookieName(options.production);
  const cookieOptions = { httpOnly: true, sameSite: "lax" as const, secure: options.production, path: "/" };
  const sign = (binding: string) => createHmac("sha256", options.key).update(binding).digest("base64url");
  const nonceOf = (req: Request): string | undefined => {
    for (const part of (req.headers.cookie ?? "").split(";")) {
      const [name, ...rest] = part.trim().split("=");
      if (name === cookieName) return decodeURIComponent(rest.join("="));
    }
    return undefined;
  };
  const bindingOf = (req: Request): string | undefined => {
    if (req.user && req.authMethod === "session" && req.sessionID) return `sid:${req.sessionID}`;
    const nonce = nonceOf(req);
    return nonce && /^[A-Za-z0-9_-]{43}$/.test(nonce) ? `anon:${nonce}` : undefined;
  };
  return {
    /** GET /auth/csrf: the token for this browser, setting the nonce cookie when it has none (never a session). */
    issue(req: Request, res: Response): string {
      const binding = bindingOf(req);
      if (binding) return sign(binding);
      const nonce = randomBytes(32).toString("base64url");
      res.cookie(cookieName, nonce, cookieOptions);
      return sign(`anon:${nonce}`);
    },
    /** Whether the X-CSRF-Token header matches this browser's binding (constant-time). */
    matches(req: Request): boolean {
      const binding = bindingOf(req);
      return binding !== undefined && tokensMatch(sign(binding), req.get("x-csrf-token"));
    },
  };
}
export type CsrfTokens = ReturnType<typeof createCsrfTokens>;

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
  tokens: Pick<CsrfTokens, "matches">;
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
    if (!options.tokens.matches(req)) {
      return next(csrfFailed("The CSRF token is missing or invalid. Fetch one from GET /api/v1/auth/csrf and send it as X-CSRF-Token."));
    }
    next();
  };
}
