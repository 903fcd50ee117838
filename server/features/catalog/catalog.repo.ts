import { sql } from "drizzle-orm";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";
import { databaseErrorOf } from "../../db/errors";
import type { CatalogTable } from "./catalog-sql";
import { createCatalogSitemapRepo } from "./catalog-sitemap.repo";
import { createProductQueriesRepo } from "./product-queries.repo";
import { createProductWritesRepo } from "./product-writes.repo";
import { createSearchRepo } from "./search.repo";
import { createTaxonomyRepo } from "./taxonomy.repo";
import { createVariantsRepo } from "./variants.repo";

/**
 * The catalog's repository: the only code that touches sectors, brands and products (besides
 * catalog.stock.ts, the stock API orders use). Its parts, one job each: product reads
 * (product-queries.repo), sectors and brands (taxonomy.repo), product writes and the CSV import
 * (product-writes.repo), the sitemaps' batches (catalog-sitemap.repo), search look-ups (search.repo); this module adds the statements shared by every catalog table.
 * A method that may run inside a transaction takes the `TxScope` from `transaction(fn)` last (ADR 013).
 */
export function createCatalogRepo(db: Db, reads: Db = db) {
  return {
    transaction: <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn),
    // Read-only parts may read a streaming replica (`reads`, server/db/replica.ts; ADR 064); writes stay on `db`.
    ...createProductQueriesRepo(reads),
    ...createTaxonomyRepo(db),
    ...createProductWritesRepo(db),
    ...createCatalogSitemapRepo(reads),
    ...createSearchRepo(reads),
    ...createVariantsRepo(db),

    /**
     * Identifies the database for cache keys: the cluster's system identifier plus the database name.
     * Replicas of one deployment share it; different databases sharing one Redis (test workers, staging)
     * do not, so none reads another's cached catalog.
     */
    async cacheScope(): Promise<string> {
      try {
        const { rows } = await db.execute<{ scope: string }>(
          sql`select system_identifier::text || ':' || current_database() as scope from pg_control_system()`,
        );
        return rows[0]?.scope ?? "default";
      } catch (err) {
        // Some hosted PostgreSQL services refuse pg_control_system(): the database name alone must do there.
        if (databaseErrorOf(err).code !== "42501") throw err;
        const { rows } = await db.execute<{ scope: string }>(sql`select current_database() as scope`);
        return rows[0]?.scope ?? "default";
      }
    },

    /** The slugs of `table` that are `base` or `base-<anything>`: the candidates a generated slug must avoid. */
    async takenSlugs(table: CatalogTable, base: string, tx?: TxScope): Promise<Set<string>> {
      // base is a valid slug ([a-z0-9-]), so it holds no LIKE wildcards.
      const { rows } = await executorOf(db, tx).execute<{ slug: string }>(
        sql`select slug from ${sql.identifier(table)} where slug = ${base} or slug like ${`${base}-%`}`,
      );
      return new Set(rows.map((r) => r.slug));
    },

    async slugTakenByOther(table: CatalogTable, slug: string, id: string, tx?: TxScope): Promise<boolean> {
      const { rows } = await executorOf(db, tx).execute(sql`select 1 from ${sql.identifier(table)} where slug = ${slug} and id <> ${id}::uuid limit 1`);
      return rows.length > 0;
    },

    async exists(table: CatalogTable, id: string, tx?: TxScope): Promise<boolean> {
      const { rows } = await executorOf(db, tx).execute(sql`select 1 from ${sql.identifier(table)} where id = ${id}::uuid`);
      return rows.length > 0;
    },

    /** Hard delete; false when the row was not there. Children are guarded by the caller and by ON DELETE RESTRICT. */
    async delete(table: CatalogTable, id: string, tx?: TxScope): Promise<boolean> {
      const { rows } = await executorOf(db, tx).execute(sql`delete from ${sql.identifier(table)} where id = ${id}::uuid returning id`);
      return rows.length > 0;
    },
  };
}
export type CatalogRepo = ReturnType<typeof createCatalogRepo>;
