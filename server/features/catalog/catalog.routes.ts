import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import express, { Router, type Request, type Response } from "express";
import {
  brandCreate,
  brandListQuery,
  brandUpdate,
  PRODUCT_IMPORT_MAX_BYTES,
  productCreate,
  productExportQuery,
  productImportQuery,
  productListQuery,
  productUpdate,
  sectorCreate,
  sectorUpdate,
  stockAdjust,
} from "@shared/contracts/catalog";
import { idOrSlugParams, idParams } from "@shared/contracts/common";
import { AppError } from "../../lib/app-error";
import { parseBody, parseParams, parseQuery } from "../../lib/validate";
import { requestMeta } from "../audit/request-meta";
import { requireAdmin } from "../auth/guards";
import { productCsvStringifier } from "./catalog-csv";
import type { CatalogService } from "./catalog.service";

/**
 * Reads revalidate: ETag (Express's weak ETag on every res.json, answering If-None-Match with 304)
 * plus `Cache-Control: no-cache`, so browsers and shared caches always ask but rarely download.
 * Staff and admins may see archived objects: their answers are private.
 */
function revalidate(req: Request, res: Response): void {
  const staff = req.user?.role === "staff" || req.user?.role === "admin";
  res.set("Cache-Control", staff ? "private, no-cache" : "no-cache");
}

/** The CSV import's own body parser (5 MB, CONTRACT), mounted on that route only. */
const csvBody = express.text({ type: "text/csv", limit: PRODUCT_IMPORT_MAX_BYTES });

/** CONTRACT "Catalog": reads are open, writes are admin-only (the service checks again). */
export function catalogRoutes(catalog: CatalogService): Router {
  const router = Router();

  // ---- sectors
  router.get("/sectors", async (req, res) => {
    revalidate(req, res);
    res.json(await catalog.listSectors(req.user));
  });
  router.get("/sectors/:idOrSlug", async (req, res) => {
    revalidate(req, res);
    res.json(await catalog.getSector(parseParams(idOrSlugParams, req).idOrSlug, req.user));
  });
  router.post("/sectors", requireAdmin, async (req, res) => {
    res.status(201).json(await catalog.createSector(req.user, parseBody(sectorCreate, req), requestMeta(req)));
  });
  router.patch("/sectors/:id", requireAdmin, async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await catalog.updateSector(req.user, id, parseBody(sectorUpdate, req), requestMeta(req)));
  });
  router.delete("/sectors/:id", requireAdmin, async (req, res) => {
    await catalog.deleteSector(req.user, parseParams(idParams, req).id, requestMeta(req));
    res.status(204).end();
  });

  // ---- brands
  router.get("/brands", async (req, res) => {
    revalidate(req, res);
    res.json(await catalog.listBrands(parseQuery(brandListQuery, req), req.user));
  });
  router.get("/brands/:idOrSlug", async (req, res) => {
    revalidate(req, res);
    res.json(await catalog.getBrand(parseParams(idOrSlugParams, req).idOrSlug, req.user));
  });
  router.post("/brands", requireAdmin, async (req, res) => {
    res.status(201).json(await catalog.createBrand(req.user, parseBody(brandCreate, req), requestMeta(req)));
  });
  router.patch("/brands/:id", requireAdmin, async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await catalog.updateBrand(req.user, id, parseBody(brandUpdate, req), requestMeta(req)));
  });
  router.delete("/brands/:id", requireAdmin, async (req, res) => {
    await catalog.deleteBrand(req.user, parseParams(idParams, req).id, requestMeta(req));
    res.status(204).end();
  });

  // ---- products (the fixed paths come before /products/:idOrSlug)
  router.get("/products", async (req, res) => {
    revalidate(req, res);
    res.json(await catalog.listProducts(parseQuery(productListQuery, req), req.user));
  });
  router.get("/products/export.csv", requireAdmin, async (req, res) => {
    const records = await catalog.exportProducts(req.user, parseQuery(productExportQuery, req));
    res.set({ "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store" });
    res.attachment("products.csv");
    await pipeline(Readable.from(records), productCsvStringifier(), res);
  });
  router.post("/products/import", requireAdmin, csvBody, async (req, res) => {
    const { mode } = parseQuery(productImportQuery, req);
    if (!req.is("text/csv") || typeof req.body !== "string") {
      throw new AppError("unsupported_media_type", "Send the file as the request body with Content-Type: text/csv.");
    }
    res.json(await catalog.importProducts(req.user, req.body, mode, requestMeta(req)));
  });
  router.get("/products/:idOrSlug", async (req, res) => {
    revalidate(req, res);
    res.json(await catalog.getProduct(parseParams(idOrSlugParams, req).idOrSlug, req.user));
  });
  router.post("/products", requireAdmin, async (req, res) => {
    res.status(201).json(await catalog.createProduct(req.user, parseBody(productCreate, req), requestMeta(req)));
  });
  router.patch("/products/:id", requireAdmin, async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await catalog.updateProduct(req.user, id, parseBody(productUpdate, req), requestMeta(req)));
  });
  // Products that appear in orders are archived instead of deleted; both answer 204.
  router.delete("/products/:id", requireAdmin, async (req, res) => {
    await catalog.deleteProduct(req.user, parseParams(idParams, req).id, requestMeta(req));
    res.status(204).end();
  });
  router.post("/products/:id/stock", requireAdmin, async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await catalog.adjustStock(req.user, id, parseBody(stockAdjust, req).delta, requestMeta(req)));
  });

  return router;
}
