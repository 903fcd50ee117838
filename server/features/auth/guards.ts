import type { RequestHandler } from "express";
import { staffRoles, type Role } from "@shared/contracts/auth";
import { AppError } from "../../lib/app-error";
import type { AccessGuards } from "../../lib/route-table";
import type { AuditService } from "../audit/audit.service";
import { requestMeta } from "../audit/request-meta";
import type { AdminNetworkPolicy } from "./admin-network";

/** The one route guard: no identity → 401 unauthenticated; a role not listed → 403 forbidden. Services re-check. */
export function requireRole(...roles: Role[]): RequestHandler {
  const allowed = new Set<Role>(roles);
  return (req, _res, next) => {
    if (!req.user) return next(new AppError("unauthenticated", "Sign in to continue."));
    if (allowed.size > 0 && !allowed.has(req.user.role)) return next(new AppError("forbidden", "Your account is not allowed to do this."));
    next();
  };
}

/**
 * ADMIN_ALLOWED_CIDRS on admin-only routes (ADR 041): from any other client address (req.ip, i.e. what
 * TRUST_PROXY yields) the answer is 403 forbidden, and the refusal is audited. Runs after the role check, so
 * an anonymous probe gets 401 as before and only real admin credentials used from outside leave a trace.
 */
function requireAdminNetwork(policy: AdminNetworkPolicy, audit: Pick<AuditService, "record">): RequestHandler {
  return async (req, _res, next) => {
    if (policy.allows(req.ip)) return next();
    const user = req.user!;
    await audit.record(
      {
        actor: { id: user.id, email: user.email },
        action: "security.admin_network_denied",
        summary: { method: req.method, path: req.baseUrl + req.path },
      },
      requestMeta(req),
    );
    next(new AppError("forbidden", "Admin functions are not available from this network address."));
  };
}

/** What each route table access level requires: any signed-in user (session or bearer), staff and admins, admins (from allowed networks). */
export function createAccessGuards(deps: { adminNetwork: AdminNetworkPolicy; audit: Pick<AuditService, "record"> }): AccessGuards {
  const admin = requireRole("admin");
  const network = deps.adminNetwork.enabled ? requireAdminNetwork(deps.adminNetwork, deps.audit) : undefined;
  return {
    signedIn: requireRole(),
    staff: requireRole(...staffRoles),
    admin: network ? (req, res, next) => admin(req, res, (err?: unknown) => (err ? next(err) : network(req, res, next))) : admin,
  };
}
