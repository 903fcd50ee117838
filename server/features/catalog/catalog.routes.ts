import { Router } from "express";
import type { CatalogService } from "./catalog.service";

export function catalogRoutes(_catalog: CatalogService): Router {
  return Router();
}
