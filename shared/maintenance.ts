/*
 * Maintenance mode's shared rules (issue 16 §4, ADR 073). A module of its own, without zod, because the storefront's
 * maintenance gate sits in the entry chunk (ADR 063).
 */
/**
 * SPA pages that stay open during maintenance (ADR 073): signing in, so admins can, and the consoles (their API is
 * admins-only then anyway). The server answers every other storefront page 503 with the maintenance head, and the
 * SPA shows its maintenance page there to everyone but admins; both read this one list.
 */
const OPEN_DURING_MAINTENANCE = [/^\/login$/, /^\/admin(?:\/.*)?$/, /^\/dashboard$/];
export const isOpenDuringMaintenance = (path: string): boolean => OPEN_DURING_MAINTENANCE.some((open) => open.test(path));
/** Retry-After (seconds) of maintenance answers, API and pages alike; the maintenance page re-checks as often. */
export const MAINTENANCE_RETRY_SECONDS = 60;
