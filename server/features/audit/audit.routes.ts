import { Router } from "express";
import { auditListQuery } from "@shared/contracts/audit";
import { parseQuery } from "../../lib/validate";
import { requireAdmin } from "../auth/guards";
import type { AuditService } from "./audit.service";

/** GET /api/v1/audit: the audit trail, newest first (admins). */
export function auditRoutes(audit: AuditService): Router {
  const router = Router();
  router.get("/audit", requireAdmin, async (req, res) => {
    res.json(await audit.list(req.user, parseQuery(auditListQuery, req)));
  });
  return router;
}
