import { Router } from "express";
import { idParams } from "@shared/contracts/common";
import { userListQuery, userUpdate } from "@shared/contracts/users";
import { parseBody, parseParams, parseQuery } from "../../lib/validate";
import { requestMeta } from "../audit/request-meta";
import { requireAdmin } from "../auth/guards";
import type { UsersService } from "./users.service";

/** Users admin API: admins only (the service checks again). */
export function usersRoutes(users: UsersService): Router {
  const router = Router();
  router.get("/users", requireAdmin, async (req, res) => {
    res.json(await users.list(req.user, parseQuery(userListQuery, req)));
  });
  router.get("/users/:id", requireAdmin, async (req, res) => {
    res.json(await users.get(req.user, parseParams(idParams, req).id));
  });
  router.patch("/users/:id", requireAdmin, async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await users.update(req.user, id, parseBody(userUpdate, req), requestMeta(req)));
  });
  router.delete("/users/:id", requireAdmin, async (req, res) => {
    await users.remove(req.user, parseParams(idParams, req).id, requestMeta(req));
    res.status(204).end();
  });
  return router;
}
