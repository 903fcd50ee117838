import type { RequestHandler } from "express";
import type { Role } from "@shared/contracts/auth";
import { AppError } from "../../lib/app-error";

/** The one route guard: no identity → 401 unauthenticated; a role not listed → 403 forbidden. Services re-check. */
export function requireRole(...roles: Role[]): RequestHandler {
  const allowed = new Set<Role>(roles);
  return (req, _res, next) => {
    if (!req.user) return next(new AppError("unauthenticated", "Sign in to continue."));
    if (allowed.size > 0 && !allowed.has(req.user.role)) return next(new AppError("forbidden", "Your account is not allowed to do this."));
    next();
  };
}

/** Any signed-in user (session or bearer). */
export const requireUser: RequestHandler = requireRole();

export const requireStaff = requireRole("staff", "admin");
export const requireAdmin = requireRole("admin");
