import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { brands, sectors } from "@shared/schema";
import type { Brand, Sector } from "@shared/contracts/catalog";
import { executorOf, type Db, type TxScope } from "../../db";
import type { CursorValue } from "../../lib/pagination";
import { containsPattern } from "../../lib/like";
import { byIdOrSlug, chunks, LOOKUP_BATCH, type Keyed } from "./catalog-sql";

/**
 * Sectors and brands: the reads with their counts (hand-written SQL, one statement each) and the
 * admin writes' row-level statements. The service decides who may see or change what.
 */

type Status = Brand["status"];

export interface StoredSector {
  id: string;
  slug: string;
  name: string;
  description: string;
  emoji: string;
}
export interface StoredBrand {
  id: string;
  slug: string;
  name: string;
  description: string;
  sectorId: string;
}
/** What a write locks: the stored fields and the version If-Match is checked against. */
export type Locked<T> = T & { version: number };

export interface BrandListCriteria {
  sector?: string;
  q?: string;
  after?: CursorValue[];
  take: number;
}

const storedSectorColumns = { id: sectors.id, slug: sectors.slug, name: sectors.name, description: sectors.description, emoji: sectors.emoji };
const storedBrandColumns = { id: brands.id, slug: brands.slug, name: brands.name, description: brands.description, sectorId: brands.sectorId };

type SectorSqlRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  emoji: string;
  version: number;
  brand_count: number;
  product_count: number;
};

const SECTOR_COLUMNS = sql`s.id, s.slug, s.name, s.description, s.emoji, s.version`;
const ACTIVE_BRANDS_OF_SECTOR = sql`select count(*)::int from brands b where b.sector_id = s.id and b.status = 'active'`;
const VISIBLE_PRODUCTS_OF_SECTOR = sql`select count(*)::int from brands b join products p on p.brand_id = b.id
  where b.sector_id = s.id and b.status = 'active' and p.status = 'active'`;

/** Every sector at once: count each table in one grouped pass instead of once per sector. */
const ALL_SECTORS = sql`select ${SECTOR_COLUMNS},
  coalesce(bc.n, 0) as brand_count, coalesce(pc.n, 0) as product_count
  from sectors s
  left join (select b.sector_id, count(*)::int as n from brands b where b.status = 'active' group by b.sector_id) bc
    on bc.sector_id = s.id
  left join (select b.sector_id, count(*)::int as n from products p join brands b on b.id = p.brand_id
    where p.status = 'active' and b.status = 'active' group by b.sector_id) pc on pc.sector_id = s.id
  order by s.name, s.id`;
/** One sector: correlated counts touch only that sector's brands and their products. */
const ONE_SECTOR = sql`select ${SECTOR_COLUMNS},
  (${ACTIVE_BRANDS_OF_SECTOR}) as brand_count, (${VISIBLE_PRODUCTS_OF_SECTOR}) as product_count from sectors s`;

const toSector = (r: SectorSqlRow): Sector => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  emoji: r.emoji,
  brandCount: r.brand_count,
  productCount: r.product_count,
  version: r.version,
});

type BrandSqlRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  status: Status;
  version: number;
  sector_id: string;
  sector_slug: string;
  sector_name: string;
  product_count: number;
};

const BRAND_SELECT = sql`select b.id, b.slug, b.name, b.description, b.status, b.version,
  s.id as sector_id, s.slug as sector_slug, s.name as sector_name,
  (select count(*)::int from products p where p.brand_id = b.id and p.status = 'active') as product_count
  from brands b join sectors s on s.id = b.sector_id`;

const toBrand = (r: BrandSqlRow): Brand => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  sector: { id: r.sector_id, slug: r.sector_slug, name: r.sector_name },
  productCount: r.product_count,
  status: r.status,
  version: r.version,
});

/** How many rows of `table` point at `id` through `column` (the children a delete must not orphan). */
async function countReferences(db: Db, table: "brands" | "products", column: "sector_id" | "brand_id", id: string, tx?: TxScope): Promise<number> {
  const { rows } = await executorOf(db, tx).execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${id}::uuid`,
  );
  return rows[0]?.n ?? 0;
}

export function createTaxonomyRepo(db: Db) {
  return {
    async listSectors(): Promise<Sector[]> {
      const { rows } = await db.execute<SectorSqlRow>(ALL_SECTORS);
      return rows.map(toSector);
    },

    async findSector(idOrSlug: string, tx?: TxScope): Promise<Sector | undefined> {
      const { rows } = await executorOf(db, tx).execute<SectorSqlRow>(sql`${ONE_SECTOR} ${byIdOrSlug(sql`s.id`, sql`s.slug`, idOrSlug)}`);
      return rows[0] && toSector(rows[0]);
    },

    /** Active brands, by name then id (brands_name_idx / brands_sector_name_idx). */
    async listBrands(c: BrandListCriteria): Promise<Array<Keyed<Brand>>> {
      const where: SQL[] = [sql`b.status = 'active'`];
      if (c.sector !== undefined) where.push(sql`s.slug = ${c.sector}`);
      if (c.q !== undefined) where.push(sql`b.name ilike ${containsPattern(c.q)}`);
      if (c.after) where.push(sql`(b.name, b.id) > (${c.after[0]}::text, ${c.after[1]}::uuid)`);
      const { rows } = await db.execute<BrandSqlRow>(sql`${BRAND_SELECT} where ${sql.join(where, sql` and `)} order by b.name, b.id limit ${c.take}`);
      return rows.map((r) => ({ item: toBrand(r), key: [r.name, r.id] }));
    },

    /** Any brand, whatever its status (the service decides who may see it). */
    async findBrand(idOrSlug: string, tx?: TxScope): Promise<Brand | undefined> {
      const { rows } = await executorOf(db, tx).execute<BrandSqlRow>(sql`${BRAND_SELECT} ${byIdOrSlug(sql`b.id`, sql`b.slug`, idOrSlug)}`);
      return rows[0] && toBrand(rows[0]);
    },

    // ---- sector writes
    /** The new id, or undefined when the slug is taken (ON CONFLICT DO NOTHING: no error, so the transaction stays usable). */
    async insertSector(values: Omit<StoredSector, "id">, tx?: TxScope): Promise<string | undefined> {
      const [row] = await executorOf(db, tx).insert(sectors).values(values).onConflictDoNothing({ target: sectors.slug }).returning({ id: sectors.id });
      return row?.id;
    },
    async lockSector(id: string, tx?: TxScope): Promise<Locked<StoredSector> | undefined> {
      const [row] = await executorOf(db, tx)
        .select({ ...storedSectorColumns, version: sectors.version })
        .from(sectors)
        .where(eq(sectors.id, id))
        .for("update");
      return row;
    },
    async updateSector(id: string, changes: Partial<Omit<StoredSector, "id">>, tx?: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(sectors)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(eq(sectors.id, id));
    },
    brandCountOfSector: (id: string, tx?: TxScope) => countReferences(db, "brands", "sector_id", id, tx),

    // ---- brand writes
    async insertBrand(values: Omit<StoredBrand, "id">, tx?: TxScope): Promise<string | undefined> {
      const [row] = await executorOf(db, tx).insert(brands).values(values).onConflictDoNothing({ target: brands.slug }).returning({ id: brands.id });
      return row?.id;
    },
    async lockBrand(id: string, tx?: TxScope): Promise<Locked<StoredBrand> | undefined> {
      const [row] = await executorOf(db, tx)
        .select({ ...storedBrandColumns, version: brands.version })
        .from(brands)
        .where(eq(brands.id, id))
        .for("update");
      return row;
    },
    async updateBrand(id: string, changes: Partial<Omit<StoredBrand, "id">>, tx?: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(brands)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(eq(brands.id, id));
    },
    productCountOfBrand: (id: string, tx?: TxScope) => countReferences(db, "products", "brand_id", id, tx),

    /** Brand ids by slug, for the CSV import (unknown slugs are absent). */
    async brandIdsBySlug(slugs: string[], tx?: TxScope): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      for (const batch of chunks([...new Set(slugs)], LOOKUP_BATCH)) {
        const rows = await executorOf(db, tx).select({ id: brands.id, slug: brands.slug }).from(brands).where(inArray(brands.slug, batch));
        for (const r of rows) found.set(r.slug, r.id);
      }
      return found;
    },
  };
}
