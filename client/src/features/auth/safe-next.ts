import type { Role } from "@shared/contracts/auth";

/** Pages that make no sense to come back to after signing in (and would loop). */
const AUTH_PAGES = new Set(["/login", "/register"]);
const BASE = "https://same-origin.invalid";

// Backslashes and control characters are how a "path" becomes a host: browsers treat "\\" like "/", and URL
// parsing silently drops tabs and newlines ("/\t/evil.example" → "//evil.example").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HOST_TRICKS = /[\\\u0000-\u001f\u007f]/;

/**
 * The `next` query parameter as a normalised path on this site; undefined otherwise (no open redirect, issue 11
 * §8). It must start with "/", carry no backslash or control character, resolve to this origin, and is returned
 * in its resolved form with repeated slashes collapsed, so "/.//evil.example" becomes "/evil.example" and can
 * never come out as a protocol-relative "//evil.example".
 */
export function safeNextPath(raw: string | null | undefined): string | undefined {
  if (!raw || raw.length > 2048 || !raw.startsWith("/") || raw.startsWith("//") || HOST_TRICKS.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  const path = url.pathname.replace(/\/{2,}/g, "/");
  if (!path.startsWith("/") || path.startsWith("//")) return undefined;
  if (AUTH_PAGES.has(path.replace(/(.)\/+$/, "$1").toLowerCase())) return undefined;
  return `${path}${url.search}${url.hash}`;
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
