import { getHeapStatistics } from "node:v8";
import type { AppContext } from "./context";
import { createHealthService } from "./features/health/health.service";
import { createCatalogService } from "./features/catalog/catalog.service";
import { createCatalogRepo } from "./features/catalog/catalog.repo";

/** Wires repositories into services once per app instance. */
export function createServices(ctx: AppContext) {
  return {
    health: createHealthService(ctx, () => getHeapStatistics().heap_size_limit),
    catalog: createCatalogService(createCatalogRepo(ctx.db)),
  };
}
export type Services = ReturnType<typeof createServices>;
