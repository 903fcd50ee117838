import type { RequestHandler } from "express";
import { AppError } from "../../lib/app-error";
import type { MfaService } from "./mfa.service";

/**
 * MFA_REQUIRED_ROLES (issue 11 §5): a signed-in user of such a role without TOTP may use only the auth
 * endpoints (me, logout, csrf, the MFA setup itself) until enrolled. Mount after identification on /api/v1.
 */
export function mfaEnrolmentGate(mfa: Pick<MfaService, "isRequiredFor">): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!user || user.mfaEnabledAt || !mfa.isRequiredFor(user.role) || req.path.startsWith("/auth/")) return next();
    next(new AppError("forbidden", "Your role must use two-factor sign-in: set it up on your account page first."));
  };
}
