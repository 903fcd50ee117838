import type { AuditService } from "../audit/audit.service";
import type { Cache } from "../../lib/cache";
import type { EventBus } from "../../lib/events";
import { createCatalogCache } from "./catalog-cache";
import { createCatalogReads } from "./catalog-reads.service";
import { createCatalogSitemap } from "./catalog-sitemap.service";
import { createCatalogWriter, type OptionsChanged, type ProductWebhooks } from "./catalog-writer";
import { createCatalogWrites } from "./catalog-writes.service";
import type { CatalogRepo } from "./catalog.repo";
import { createProductCsv } from "./product-csv.service";
import { createSearchReads } from "./search.service";

export type { CatalogActor, CatalogViewer } from "./catalog-access";
export type { OptionsChanged } from "./catalog-writer";
export type { SitemapEntry, SitemapKind } from "./catalog-sitemap.service";

/**
 * What the service needs beyond its repository. Optional so read-only tools (the benchmark's SQL
 * capture) can build it from a repository alone: without a cache every read goes to the database,
 * and writes refuse to run without the audit service.
 */
export interface CatalogDeps {
  audit?: AuditService;
  events?: EventBus;
  cache?: Cache;
  /** product.created/updated/deleted for webhook endpoints, dispatched inside each write's transaction. */
  webhooks?: ProductWebhooks;
  /** Runs inside every write that rewrites a product's options (the media feature's picture bindings, ADR 068). */
  optionsChanged?: OptionsChanged;
}

/**
 * The catalog service, HTTP-free, assembled from its parts: the open reads (catalog-reads.service),
 * the sitemaps' reads (catalog-sitemap.service), the admin writes (catalog-writes.service), the CSV export and import (product-csv.service) and the
 * search suggestions (search.service),
 * sharing one read cache (catalog-cache) and one write path (catalog-writer).
 */
export function createCatalogService(repo: CatalogRepo, deps: CatalogDeps = {}) {
  const cache = createCatalogCache(repo, deps);
  const writer = createCatalogWriter(repo, deps.audit, deps.webhooks, deps.optionsChanged);
  return {
    ...createCatalogReads(repo, cache),
    ...createCatalogSitemap(repo, cache),
    /** Hit/miss counts of the catalog cache (for the metrics feature). */
    cacheStats: cache.stats,
    /** Drops every cached catalog read: for data written behind the service's back (seed script, tests' factories). */
    invalidateCache: cache.invalidate,
    ...createCatalogWrites(repo, writer, cache),
    ...createProductCsv(repo, writer, cache),
    ...createSearchReads(repo, cache),
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
