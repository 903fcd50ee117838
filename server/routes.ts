import { Router } from "express";
import type { AppContext } from "./context";
import type { Services } from "./services";
import { catalogRoutes } from "./features/catalog/catalog.routes";
import { openApiRoutes } from "./features/openapi/openapi.routes";

/** Every /api/v1 router, in one list: the OpenAPI coverage test walks what is mounted here. */
export function apiV1Routes(_ctx: AppContext, services: Services): Router {
  const router = Router();
  router.use(catalogRoutes(services.catalog));
  router.use(openApiRoutes());
  return router;
}
