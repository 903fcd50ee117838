import type { Role } from "@shared/contracts/auth";

/** Pages that make no sense to come back to after signing in (and would loop). */
const AUTH_PAGES = new Set(["/login", "/register"]);
const BASE = "https://same-origin.invalid";

/**
 * The `next` query parameter, if it is a path on this site; undefined otherwise. Only relative paths that start
 * with a single "/" are accepted, and they must still resolve to this origin after URL parsing — so
 * "//evil.example", "/\evil.example", "https://evil.example" and "javascript:…" are all refused (no open redirect).
 */
export function safeNextPath(raw: string | null | undefined): string | undefined {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return undefined;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE || AUTH_PAGES.has(url.pathname)) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** "/login?next=…" for the page the person is on (nothing added for the home page or the auth pages themselves). */
export function loginHref(currentPath: string, page: "/login" | "/register" = "/login"): string {
  const next = safeNextPath(currentPath);
  return next && next !== "/" ? `${page}?next=${encodeURIComponent(next)}` : page;
}

/** Where signing in leads without a `next`: staff to their dashboard, admins to the admin home, shoppers to the shop. */
export function homeFor(role: Role): string {
  if (role === "admin") return "/admin";
  if (role === "staff") return "/dashboard";
  return "/";
}
