import { Router, type RequestHandler } from "express";
import { isOpenDuringMaintenance, MAINTENANCE_RETRY_SECONDS } from "@shared/maintenance";
import type { Logger } from "../../lib/logger";
import type { CatalogService, SitemapKind } from "../catalog/catalog.service";
import { robotsTxt, sitemapIndexXml, staticPagesXml, streamUrlset } from "./seo-files";
import type { SpaDocument } from "./spa-document";
import { maintenancePage, shellPage, type StorefrontPage, type StorefrontPages } from "./storefront-pages";

export interface StorefrontDeps {
  catalog: CatalogService;
  baseUrl: string;
  /** URLs per sitemap file (the protocol allows 50,000). */
  sitemapUrlsPerFile: number;
  /** A product's uploaded pictures (largest JPEG each), primary first: the JSON-LD lists them all. */
  productPictures?: (productId: string) => Promise<string[]>;
  /** The `maintenanceMode` runtime flag (this replica's copy, ADR 057). */
  maintenanceMode?: () => Promise<boolean>;
}

const SITEMAP_FILE = /^(products|brands|sectors)-([1-9]\d{0,5})\.xml$/;
const SEO_CACHE = "public, max-age=600";

/**
 * Files for crawlers, outside /api (no session, no API rate limit): robots.txt, the sitemap index and its
 * chunks, streamed from the catalog in slug order.
 */
export function seoFileRoutes({ catalog, baseUrl, sitemapUrlsPerFile }: StorefrontDeps): Router {
  const router = Router();
  router.get("/robots.txt", (_req, res) => {
    res.type("text/plain").set("Cache-Control", SEO_CACHE).send(robotsTxt(baseUrl));
  });
  router.get("/sitemap.xml", async (_req, res) => {
    const counts = await catalog.sitemapCounts();
    res
      .type("application/xml")
      .set("Cache-Control", SEO_CACHE)
      .send(sitemapIndexXml(baseUrl, counts, sitemapUrlsPerFile));
  });
  router.get("/sitemaps/pages-1.xml", (_req, res) => {
    res.type("application/xml").set("Cache-Control", SEO_CACHE).send(staticPagesXml(baseUrl));
  });
  router.get("/sitemaps/:file", async (req, res, next) => {
    const match = SITEMAP_FILE.exec(req.params.file);
    const kind = match?.[1] as SitemapKind | undefined;
    const n = Number(match?.[2]);
    if (!kind || n > Math.ceil((await catalog.sitemapCounts())[kind] / sitemapUrlsPerFile)) return next(); // → the 404 page
    res.type("application/xml").set("Cache-Control", SEO_CACHE);
    await streamUrlset(res, baseUrl, kind, catalog.sitemapChunk(kind, n - 1, sitemapUrlsPerFile));
  });
  return router;
}

/**
 * Every other GET the SPA may answer: the built index.html with this page's head and status (ADR 046).
 * A catalog failure other than "not found" (database down) still gets the plain shell: the SPA shows its
 * own error state and retries, which beats an error body where a page was expected.
 */
export function storefrontPageHandler(
  pages: StorefrontPages,
  document: SpaDocument,
  logger: Logger,
  maintenanceMode: () => Promise<boolean> = async () => false,
): RequestHandler {
  return async (req, res) => {
    let page: StorefrontPage;
    try {
      if (!isOpenDuringMaintenance(req.path) && (await maintenanceMode())) {
        res.set("Retry-After", String(MAINTENANCE_RETRY_SECONDS));
        page = maintenancePage();
      } else page = await pages.resolve(req.path);
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err), requestId: req.id, path: req.path }, "storefront head unavailable");
      page = shellPage();
    }
    res.status(page.status).type("html").set("Cache-Control", "no-cache").send(document.render(page));
  };
}
