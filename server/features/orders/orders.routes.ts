import { Router, type Request } from "express";
import { idParams } from "@shared/contracts/common";
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, idempotencyKey, orderCreate, orderListQuery, quoteRequest, statusChange } from "@shared/contracts/orders";
import { AppError } from "../../lib/app-error";
import { issuesToDetails, parseBody, parseParams, parseQuery } from "../../lib/validate";
import { requestMeta } from "../audit/request-meta";
import { requireStaff, requireUser } from "../auth/guards";
import type { OrdersService } from "./orders.service";

/** The optional Idempotency-Key header, validated with the shared schema (a bad key is a 400, never ignored). */
function idempotencyKeyOf(req: Request): string | undefined {
  const raw = req.get(IDEMPOTENCY_KEY_HEADER);
  if (raw === undefined) return undefined;
  const parsed = idempotencyKey.safeParse(raw);
  if (!parsed.success) throw new AppError("validation_failed", "The Idempotency-Key header is invalid.", issuesToDetails(parsed.error, IDEMPOTENCY_KEY_HEADER));
  return parsed.data;
}

/** Orders plus the cart quote. Guards first; the service checks ownership and roles again. */
export function ordersRoutes(orders: OrdersService): Router {
  const router = Router();

  // Public: shoppers price their cart before they sign in.
  router.post("/cart/quote", async (req, res) => {
    res.json(await orders.quote(parseBody(quoteRequest, req)));
  });

  router.post("/orders", requireUser, async (req, res) => {
    const input = parseBody(orderCreate, req);
    const result = await orders.create(req.user!, input, idempotencyKeyOf(req), requestMeta(req));
    if (result.replayed) res.set(IDEMPOTENT_REPLAYED_HEADER, "true");
    res.status(result.status).json(result.order);
  });

  router.get("/orders", requireUser, async (req, res) => {
    res.json(await orders.list(req.user!, parseQuery(orderListQuery, req)));
  });

  router.get("/orders/:id", requireUser, async (req, res) => {
    res.json(await orders.get(req.user!, parseParams(idParams, req).id));
  });

  router.post("/orders/:id/status", requireStaff, async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await orders.changeStatus(req.user!, id, parseBody(statusChange, req).status, requestMeta(req)));
  });

  router.post("/orders/:id/cancel", requireUser, async (req, res) => {
    res.json(await orders.cancel(req.user!, parseParams(idParams, req).id, requestMeta(req)));
  });

  // Any signed-in user passes the guard so that other people's orders answer 404 (not 403); the service
  // admits staff and admins only (a customer's own order → 403).
  router.get("/orders/:id/transactions", requireUser, async (req, res) => {
    res.json(await orders.transactions(req.user!, parseParams(idParams, req).id));
  });

  return router;
}
