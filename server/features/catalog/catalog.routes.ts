import { Router } from "express";
import { brandListQuery, productListQuery } from "@shared/contracts/catalog";
import { idOrSlugParams } from "@shared/contracts/common";
import { parseParams, parseQuery } from "../../lib/validate";
import type { CatalogService } from "./catalog.service";

/** Catalog reads (CONTRACT "Catalog"). Lists carry no caching headers yet (a later issue decides). */
export function catalogRoutes(catalog: CatalogService): Router {
  const router = Router();

  router.get("/sectors", async (_req, res) => {
    res.json(await catalog.listSectors());
  });
  router.get("/sectors/:idOrSlug", async (req, res) => {
    res.json(await catalog.getSector(parseParams(idOrSlugParams, req).idOrSlug));
  });

  router.get("/brands", async (req, res) => {
    res.json(await catalog.listBrands(parseQuery(brandListQuery, req)));
  });
  router.get("/brands/:idOrSlug", async (req, res) => {
    res.json(await catalog.getBrand(parseParams(idOrSlugParams, req).idOrSlug));
  });

  router.get("/products", async (req, res) => {
    res.json(await catalog.listProducts(parseQuery(productListQuery, req)));
  });
  router.get("/products/:idOrSlug", async (req, res) => {
    res.json(await catalog.getProduct(parseParams(idOrSlugParams, req).idOrSlug));
  });

  return router;
}
