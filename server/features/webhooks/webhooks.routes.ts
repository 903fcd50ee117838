import { Router } from "express";
import { idParams } from "@shared/contracts/common";
import { webhookCreate, webhookDeliveryParams, webhookDeliveryQuery, webhookUpdate } from "@shared/contracts/webhooks";
import { parseBody, parseParams, parseQuery } from "../../lib/validate";
import { requestMeta } from "../audit/request-meta";
import { requireAdmin } from "../auth/guards";
import type { WebhooksService } from "./webhooks.service";

/** Outgoing webhook endpoints and their deliveries: admins only. */
export function webhooksRoutes(webhooks: WebhooksService): Router {
  const router = Router();
  router.get("/webhooks", requireAdmin, async (req, res) => {
    res.json(await webhooks.list(req.user));
  });
  router.post("/webhooks", requireAdmin, async (req, res) => {
    res.status(201).json(await webhooks.create(req.user, parseBody(webhookCreate, req), requestMeta(req)));
  });
  router.patch("/webhooks/:id", requireAdmin, async (req, res) => {
    res.json(await webhooks.update(req.user, parseParams(idParams, req).id, parseBody(webhookUpdate, req), requestMeta(req)));
  });
  router.delete("/webhooks/:id", requireAdmin, async (req, res) => {
    await webhooks.remove(req.user, parseParams(idParams, req).id, requestMeta(req));
    res.status(204).end();
  });
  router.post("/webhooks/:id/ping", requireAdmin, async (req, res) => {
    res.status(202).json(await webhooks.ping(req.user, parseParams(idParams, req).id, requestMeta(req)));
  });
  router.get("/webhooks/:id/deliveries", requireAdmin, async (req, res) => {
    res.json(await webhooks.listDeliveries(req.user, parseParams(idParams, req).id, parseQuery(webhookDeliveryQuery, req)));
  });
  router.post("/webhooks/:id/deliveries/:deliveryId/retry", requireAdmin, async (req, res) => {
    const { id, deliveryId } = parseParams(webhookDeliveryParams, req);
    res.status(202).json(await webhooks.retryDelivery(req.user, id, deliveryId, requestMeta(req)));
  });
  return router;
}
