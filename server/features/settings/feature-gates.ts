import type { RequestHandler } from "express";
import { MAINTENANCE_RETRY_SECONDS } from "@shared/maintenance";
import { AppError } from "../../lib/app-error";
import type { SettingsService } from "./settings.service";

/** What a shopper still reaches during maintenance: signing in (so admins can) and the flags (so the SPA knows). */
const OPEN_DURING_MAINTENANCE = [/^\/auth(\/|$)/, /^\/settings\/flags$/];

/**
 * The flags' effect on the API (issue 16 §4, ADR 057), mounted on /api/v1 after identification: maintenance leaves
 * the API to admins (health and metrics are mounted elsewhere and stay green); closed registration and switched-off
 * guest checkout refuse those two requests. One place, so the flags cannot be forgotten by one route.
 */
export function featureGates(settings: Pick<SettingsService, "flags">): RequestHandler {
  return async (req, _res, next) => {
    const flags = await settings.flags();
    if (flags.maintenanceMode && req.user?.role !== "admin" && !OPEN_DURING_MAINTENANCE.some((open) => open.test(req.path))) {
      throw new AppError("not_ready", "The shop is closed for maintenance; please come back soon.", undefined, {
        "Retry-After": String(MAINTENANCE_RETRY_SECONDS),
      });
    }
    if (req.method === "POST") {
      if (!flags.registrationOpen && req.path === "/auth/register") throw new AppError("forbidden", "Registration is closed at the moment.");
      if (!flags.guestCheckout && req.path === "/orders" && !req.user) {
        throw new AppError("forbidden", "Guest checkout is switched off; sign in or create an account to order.");
      }
    }
    next();
  };
}
