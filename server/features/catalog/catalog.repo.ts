import type { Db } from "../../db";

export function createCatalogRepo(db: Db) {
  return { db };
}
export type CatalogRepo = ReturnType<typeof createCatalogRepo>;
