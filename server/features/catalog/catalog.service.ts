import type { CatalogRepo } from "./catalog.repo";

export function createCatalogService(repo: CatalogRepo) {
  return { repo };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
