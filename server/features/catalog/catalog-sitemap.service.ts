import type { CatalogCache } from "./catalog-cache";
import type { CatalogRepo } from "./catalog.repo";
import type { SitemapEntry, SitemapKind } from "./catalog-sitemap.repo";

export type { SitemapEntry, SitemapKind } from "./catalog-sitemap.repo";

/** Rows per database read while a sitemap file streams. */
const SITEMAP_BATCH = 1_000;

/** The catalog as sitemaps see it: counts (cached like every shopper read) and chunks streamed batch by batch. */
export function createCatalogSitemap(repo: CatalogRepo, { cached }: Pick<CatalogCache, "cached">) {
  return {
    /** URLs per kind, for the sitemap index; dropped with the rest of the catalog cache on every write. */
    sitemapCounts: (): Promise<Record<SitemapKind, number>> => cached(undefined, "sitemap:counts", () => repo.sitemapCounts()),

    /**
     * Chunk `chunk` (0-based) of `size` entries, in slug order, yielded in batches: the caller writes
     * each batch out before the next is read, so memory holds one batch whatever the catalog's size.
     */
    async *sitemapChunk(kind: SitemapKind, chunk: number, size: number): AsyncGenerator<SitemapEntry[]> {
      let left = size;
      let batch = await repo.sitemapBatch(kind, { offset: chunk * size }, Math.min(SITEMAP_BATCH, left));
      while (batch.length > 0) {
        yield batch;
        left -= batch.length;
        const last = batch[batch.length - 1]!;
        if (left <= 0 || batch.length < SITEMAP_BATCH) return;
        batch = await repo.sitemapBatch(kind, { afterSlug: last.slug }, Math.min(SITEMAP_BATCH, left));
      }
    },
  };
}
