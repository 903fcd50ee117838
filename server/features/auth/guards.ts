import type { RequestHandler } from "express";
import { staffRoles, type Role } from "@shared/contracts/auth";
import { AppError } from "../../lib/app-error";
import type { AccessGuards } from "../../lib/route-table";

/** The one route guard: no identity → 401 unauthenticated; a role not listed → 403 forbidden. Services re-check. */
export function requireRole(...roles: Role[]): RequestHandler {
  const allowed = new Set<Role>(roles);
  return (req, _res, next) => {
    if (!req.user) return next(new AppError("unauthenticated", "Sign in to continue."));
    if (allowed.size > 0 && !allowed.has(req.user.role)) return next(new AppError("forbidden", "Your account is not allowed to do this."));
    next();
  };
}

/** What each route table access level requires: any signed-in user (session or bearer), staff and admins, admins. */
export const accessGuards: AccessGuards = {
  signedIn: requireRole(),
  staff: requireRole(...staffRoles),
  admin: requireRole("admin"),
};
