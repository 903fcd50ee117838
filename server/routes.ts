import { Router } from "express";
import type { AppContext } from "./context";
import type { Services } from "./services";
import { openApiRoutes } from "./features/openapi/openapi.routes";
import { apiV1Tables } from "./route-tables";

/** Every /api/v1 router, in one list: the OpenAPI coverage test walks what is mounted here. */
export function apiV1Routes(ctx: AppContext, services: Services): Router {
  const router = Router();
  for (const bound of apiV1Tables) {
    if (bound.table.mount !== "/api/v1") throw new Error(`Route table ${bound.table.tag.name} is not an /api/v1 table.`);
    router.use(bound.mount(services, ctx));
  }
  router.use(openApiRoutes());
  return router;
}
