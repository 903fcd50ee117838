import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import express, { Router, type Request, type Response } from "express";
import type { z } from "zod";
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
import type { RequestMeta } from "../audit/audit.service";
import { requestMeta } from "../audit/request-meta";
import { requireAdmin } from "../auth/guards";
import { productCsvStringifier } from "./catalog-csv";
import type { CatalogActor, CatalogService, CatalogViewer } from "./catalog.service";

/**
 * Reads revalidate: ETag (Express's weak ETag on every res.json, answering If-None-Match with 304)
 * plus `Cache-Control: no-cache`, so browsers and shared caches always ask but rarely download.
 * Staff and admins may see archived objects: their answers are private.
 */
function revalidate(req: Request, res: Response): void {
  const staff = req.user?.role === "staff" || req.user?.role === "admin";
  res.set("Cache-Control", staff ? "private, no-cache" : "no-cache");
}

/** The CSV import's own body parser (5 MB, the contract's import limit), mounted on that route only. */
const csvBody = express.text({ type: "text/csv", limit: PRODUCT_IMPORT_MAX_BYTES });

/** One catalog object type's service calls, as objectRoutes mounts them. */
interface ObjectService<Create, Update> {
  get(idOrSlug: string, viewer?: CatalogViewer): Promise<unknown>;
  create(actor: CatalogActor | undefined, input: Create, meta: RequestMeta): Promise<unknown>;
  update(actor: CatalogActor | undefined, id: string, patch: Update, meta: RequestMeta): Promise<unknown>;
  remove(actor: CatalogActor | undefined, id: string, meta: RequestMeta): Promise<unknown>;
}

/**
 * The routes sectors, brands and products share: GET <path>/:idOrSlug (open, revalidated) and the admin
 * writes POST <path> (201), PATCH <path>/:id and DELETE <path>/:id (204). Each still only parses and
 * calls one service function.
 */
function objectRoutes<C extends z.ZodType, U extends z.ZodType>(
  router: Router,
  path: string,
  schemas: { create: C; update: U },
  service: ObjectService<z.output<C>, z.output<U>>,
): void {
  router.get(`${path}/:idOrSlug`, async (req, res) => {
    revalidate(req, res);
    res.json(await service.get(parseParams(idOrSlugParams, req).idOrSlug, req.user));
  });
  router.post(path, requireAdmin, async (req, res) => {
    res.status(201).json(await service.create(req.user, parseBody(schemas.create, req), requestMeta(req)));
  });
  router.patch(`${path}/:id`, requireAdmin, async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await service.update(req.user, id, parseBody(schemas.update, req), requestMeta(req)));
  });
  router.delete(`${path}/:id`, requireAdmin, async (req, res) => {
    await service.remove(req.user, parseParams(idParams, req).id, requestMeta(req));
    res.status(204).end();
  });
}

/** Catalog: reads are open, writes are admin-only (the service checks again). */
export function catalogRoutes(catalog: CatalogService): Router {
  const router = Router();

  // ---- sectors
  router.get("/sectors", async (req, res) => {
    revalidate(req, res);
    res.json(await catalog.listSectors(req.user));
  });
  objectRoutes(router, "/sectors", { create: sectorCreate, update: sectorUpdate }, {
    get: catalog.getSector,
    create: catalog.createSector,
    update: catalog.updateSector,
    remove: catalog.deleteSector,
  });

  // ---- brands
  router.get("/brands", async (req, res) => {
    revalidate(req, res);
    res.json(await catalog.listBrands(parseQuery(brandListQuery, req), req.user));
  });
  objectRoutes(router, "/brands", { create: brandCreate, update: brandUpdate }, {
    get: catalog.getBrand,
    create: catalog.createBrand,
    update: catalog.updateBrand,
    remove: catalog.deleteBrand,
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
  // Products that appear in orders are archived instead of deleted; both answer 204.
  objectRoutes(router, "/products", { create: productCreate, update: productUpdate }, {
    get: catalog.getProduct,
    create: catalog.createProduct,
    update: catalog.updateProduct,
    remove: catalog.deleteProduct,
  });
  router.post("/products/:id/stock", requireAdmin, async (req, res) => {
    const { id } = parseParams(idParams, req);
    res.json(await catalog.adjustStock(req.user, id, parseBody(stockAdjust, req).delta, requestMeta(req)));
  });

  return router;
}
