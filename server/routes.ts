import { Router } from "express";
import type { AppContext } from "./context";
import type { Services } from "./services";
import { catalogRoutes } from "./features/catalog/catalog.routes";
import { openApiRoutes } from "./features/openapi/openapi.routes";
import { authRoutes } from "./features/auth/auth.routes";
import { usersRoutes } from "./features/users/users.routes";
import { auditRoutes } from "./features/audit/audit.routes";
import { ordersRoutes } from "./features/orders/orders.routes";
import { metricsRoutes } from "./features/metrics/metrics.routes";

/** Every /api/v1 router, in one list: the OpenAPI coverage test walks what is mounted here. */
export function apiV1Routes(_ctx: AppContext, services: Services): Router {
  const router = Router();
  router.use(authRoutes(services.auth, services.sessionAuth));
  router.use(usersRoutes(services.users));
  router.use(auditRoutes(services.audit));
  router.use(catalogRoutes(services.catalog));
  router.use(ordersRoutes(services.orders));
  router.use(metricsRoutes(services.metrics));
  router.use(openApiRoutes());
  return router;
}
