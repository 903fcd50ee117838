import { Router } from "express";
import { idParams } from "@shared/contracts/common";
import { mailOutboxQuery } from "@shared/contracts/mail";
import { parseParams, parseQuery } from "../../lib/validate";
import { requireAdmin } from "../auth/guards";
import type { MailService } from "./mail.service";

/** The outbox (every mail the server produced) and template previews: admins only. */
export function mailRoutes(mail: MailService): Router {
  const router = Router();
  router.get("/mail/outbox", requireAdmin, async (req, res) => {
    res.json(await mail.listOutbox(req.user, parseQuery(mailOutboxQuery, req)));
  });
  router.get("/mail/outbox/:id", requireAdmin, async (req, res) => {
    res.json(await mail.getMessage(req.user, parseParams(idParams, req).id));
  });
  router.get("/mail/previews", requireAdmin, async (req, res) => {
    res.json(await mail.previews(req.user));
  });
  return router;
}
