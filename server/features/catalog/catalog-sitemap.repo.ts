import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db";

/**
 * What the sitemaps read: every shopper-visible product, brand and sector as (slug, last change), in
 * slug order (the slug columns' unique indexes). Reads are batches of at most `take` rows; a sitemap
 * file streams batch after batch, so no read ever holds more than one batch (100k products included).
 */
export type SitemapKind = "products" | "brands" | "sectors";

export type SitemapEntry = {
  slug: string;
  /** updated_at in W3C datetime form, to the second, UTC. */
  lastmod: string;
};

const LASTMOD = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The same visibility rules as the shopper reads (product-queries.repo, taxonomy.repo). */
const SOURCES: Record<SitemapKind, { from: SQL; where: SQL; slug: SQL; updatedAt: SQL }> = {
  products: {
    from: sql`products p join brands b on b.id = p.brand_id`,
    where: sql`p.status = 'active' and b.status = 'active'`,
    slug: sql`p.slug`,
    updatedAt: sql`p.updated_at`,
  },
  brands: { from: sql`brands b`, where: sql`b.status = 'active'`, slug: sql`b.slug`, updatedAt: sql`b.updated_at` },
  sectors: { from: sql`sectors s`, where: sql`true`, slug: sql`s.slug`, updatedAt: sql`s.updated_at` },
};

export function createCatalogSitemapRepo(db: Db) {
  return {
    /** How many URLs each sitemap kind has: one statement, three index-backed counts. */
    async sitemapCounts(): Promise<Record<SitemapKind, number>> {
      const count = (kind: SitemapKind) => sql`(select count(*)::int from ${SOURCES[kind].from} where ${SOURCES[kind].where})`;
      const { rows } = await db.execute<Record<SitemapKind, number>>(
        sql`select ${count("products")} as products, ${count("brands")} as brands, ${count("sectors")} as sectors`,
      );
      return rows[0] ?? { products: 0, brands: 0, sectors: 0 };
    },

    /**
     * One batch in slug order: either the first batch of a chunk (skip `offset` rows: an index-only walk
     * of the slug index) or the batch after `afterSlug` (keyset: no re-reading).
     */
    async sitemapBatch(kind: SitemapKind, from: { offset: number } | { afterSlug: string }, take: number): Promise<SitemapEntry[]> {
      const src = SOURCES[kind];
      const where = "afterSlug" in from ? sql`${src.where} and ${src.slug} > ${from.afterSlug}` : src.where;
      const skip = "offset" in from ? sql`offset ${from.offset}` : sql``;
      const { rows } = await db.execute<SitemapEntry>(
        sql`select ${src.slug} as slug, ${LASTMOD(src.updatedAt)} as lastmod from ${src.from} where ${where} order by ${src.slug} limit ${take} ${skip}`,
      );
      return rows;
    },
  };
}
