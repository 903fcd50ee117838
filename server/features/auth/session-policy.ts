import type { Role } from "@shared/contracts/auth";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Session lifetimes by role, in one place. `idleMs` is the rolling cookie/store lifetime,
 * renewed by every request; `absoluteMs` ends a session that long after sign-in however active it is.
 */
export const SESSION_POLICIES: Record<Role, { idleMs: number; absoluteMs: number }> = {
  customer: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
  staff: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
  admin: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
};

/** Sessions without a signed-in user only carry the CSRF token. */
export const ANONYMOUS_SESSION_MS = 1 * DAY;

/** `__Host-` binds the cookie to this exact origin over HTTPS (no Domain, path /, Secure). */
export const sessionCookieName = (production: boolean) => (production ? "__Host-fp.sid" : "fp.sid");
