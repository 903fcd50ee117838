import { describe, expect, it } from "vitest";
import type { CatalogRepo } from "./catalog.repo";
import type { SitemapEntry, SitemapKind } from "./catalog-sitemap.repo";
import { createCatalogSitemap } from "./catalog-sitemap.service";

/** A catalog of `total` slugs in order, recording every read the sitemap makes. */
function fakeRepo(total: number) {
  const slugs = Array.from({ length: total }, (_, i) => `p-${String(i).padStart(7, "0")}`);
  const reads: Array<{ from: { offset: number } | { afterSlug: string }; take: number }> = [];
  const repo = {
    async sitemapBatch(_kind: SitemapKind, from: { offset: number } | { afterSlug: string }, take: number): Promise<SitemapEntry[]> {
      reads.push({ from, take });
      const start = "offset" in from ? from.offset : slugs.findIndex((s) => s > from.afterSlug);
      return start < 0 ? [] : slugs.slice(start, start + take).map((slug) => ({ slug, lastmod: "2026-01-01T00:00:00Z" }));
    },
  } as unknown as CatalogRepo;
  return { repo, reads, slugs };
}

const passThrough = { cached: <T>(_v: unknown, _k: string, load: () => Promise<T>) => load() };

describe("sitemap chunks", () => {
  it("when a 10,000-URL chunk of a 100k catalog streams, then no read asks for more than 1,000 rows and only the first skips", async () => {
    const { repo, reads, slugs } = fakeRepo(100_000);
    const sitemap = createCatalogSitemap(repo, passThrough);
    const seen: string[] = [];
    let largestBatch = 0;
    for await (const batch of sitemap.sitemapChunk("products", 3, 10_000)) {
      largestBatch = Math.max(largestBatch, batch.length);
      seen.push(...batch.map((e) => e.slug));
    }
    expect(seen).toEqual(slugs.slice(30_000, 40_000));
    expect(largestBatch).toBeLessThanOrEqual(1_000);
    expect(reads.every((r) => r.take <= 1_000)).toBe(true);
    expect(reads.filter((r) => "offset" in r.from)).toEqual([{ from: { offset: 30_000 }, take: 1_000 }]);
  });

  it("when the last chunk is short, then it ends with the catalog and chunks together cover every slug once", async () => {
    const { repo, slugs } = fakeRepo(2_345);
    const sitemap = createCatalogSitemap(repo, passThrough);
    const all: string[] = [];
    for (let chunk = 0; chunk < 3; chunk++) for await (const batch of sitemap.sitemapChunk("products", chunk, 1_000)) all.push(...batch.map((e) => e.slug));
    expect(all).toEqual(slugs);
  });
});
