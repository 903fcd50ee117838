import { sql, type SQL } from "drizzle-orm";
import type { Brand, Product, ProductSort, Sector } from "@shared/contracts/catalog";
import type { Executor } from "../../db";
import { productImagePath } from "./product-image";

/**
 * The only module that touches sectors, brands and products. Reads are hand-written SQL: one
 * statement per request (joins, no N+1), only the columns the contract needs, and ORDER BY /
 * keyset predicates shaped to match the (status, sort key, id) indexes in shared/schema/catalog.ts.
 * Admin writes will join this file as further functions over the same Executor (db or tx).
 *
 * "Visible to shoppers" means: the product is active AND its brand is active.
 */

export type CursorValue = string | number | null;
/** A row plus the values its keyset cursor carries. */
export interface Keyed<T> {
  item: T;
  key: CursorValue[];
}

type Status = Product["status"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const looksLikeUuid = (value: string) => UUID.test(value);

/** Microsecond-exact UTC text: cursors must round-trip created_at exactly (a JS Date keeps only ms). */
const utcMicros = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** "…T12:00:00.123456Z" → "…T12:00:00.123Z", the shape Date#toISOString gives everywhere else. */
const isoMillis = (micros: string) => `${micros.slice(0, 23)}Z`;

/**
 * `:idOrSlug` lookups. A non-UUID string never reaches a uuid comparison (PostgreSQL would reject
 * the cast); a UUID-shaped value also matches a slug, the id winning if both exist.
 */
function byIdOrSlug(idColumn: SQL, slugColumn: SQL, value: string): SQL {
  if (!looksLikeUuid(value)) return sql`where ${slugColumn} = ${value} limit 1`;
  return sql`where (${idColumn} = ${value}::uuid or ${slugColumn} = ${value}) order by (${idColumn} = ${value}::uuid) desc limit 1`;
}

/** ILIKE pattern for "name contains q": %, _ and \ in q match themselves. */
const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ---------------------------------------------------------------- products

type ProductSqlRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  price_cents: number;
  currency: string;
  stock: number;
  image_url: string;
  status: Status;
  brand_id: string;
  brand_slug: string;
  brand_name: string;
  brand_status: Status;
  sector_id: string;
  sector_slug: string;
  sector_name: string;
  created_at: string;
  updated_at: string;
  rank_key?: string;
};

const PRODUCT_COLUMNS = sql`p.id, p.slug, p.name, p.description, p.price_cents, p.currency, p.stock, p.image_url, p.status,
  b.id as brand_id, b.slug as brand_slug, b.name as brand_name, b.status as brand_status,
  s.id as sector_id, s.slug as sector_slug, s.name as sector_name,
  ${utcMicros(sql`p.created_at`)} as created_at, ${utcMicros(sql`p.updated_at`)} as updated_at`;
const PRODUCT_FROM = sql`from products p join brands b on b.id = p.brand_id join sectors s on s.id = b.sector_id`;

function toProduct(r: ProductSqlRow): Product {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    priceCents: r.price_cents,
    currency: r.currency,
    stock: r.stock,
    imageUrl: r.image_url || productImagePath(r.slug),
    status: r.status,
    brand: { id: r.brand_id, slug: r.brand_slug, name: r.brand_name },
    sector: { id: r.sector_id, slug: r.sector_slug, name: r.sector_name },
    createdAt: isoMillis(r.created_at),
    updatedAt: isoMillis(r.updated_at),
  };
}

export interface ProductListCriteria {
  q?: string;
  sector?: string;
  brand?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort: ProductSort;
  /** The previous page's last key (validated by the service for this sort). */
  after?: CursorValue[];
  /** Rows to fetch (the service asks for one more than the page size). */
  take: number;
}

/**
 * Relevance is ts_rank scaled to an integer (9 decimal places) so the keyset compares exact
 * integers: ts_rank is a float4, and carrying a float through text and JSON is exact only under
 * particular extra_float_digits settings. Ranks closer than 1e-9 tie and fall back to the id.
 */
const rankKey = (q: string) =>
  sql`(ts_rank(p.search_vector, websearch_to_tsquery('english', ${q}))::float8 * 1000000000::float8)::bigint`;

interface SortPlan {
  order: SQL;
  after: (key: CursorValue[]) => SQL;
  key: (row: ProductSqlRow) => CursorValue[];
}

function sortPlan(sort: ProductSort, q: string | undefined): SortPlan {
  switch (sort) {
    case "newest":
      // Backward scan of products_status_created_idx; the row comparison is an index condition.
      return {
        order: sql`p.created_at desc, p.id desc`,
        after: ([at, id]) => sql`(p.created_at, p.id) < (${at}::timestamptz, ${id}::uuid)`,
        key: (r) => [r.created_at, r.id],
      };
    case "price":
      return {
        order: sql`p.price_cents asc, p.id asc`,
        after: ([cents, id]) => sql`(p.price_cents, p.id) > (${cents}::int, ${id}::uuid)`,
        key: (r) => [r.price_cents, r.id],
      };
    case "-price":
      return {
        order: sql`p.price_cents desc, p.id desc`,
        after: ([cents, id]) => sql`(p.price_cents, p.id) < (${cents}::int, ${id}::uuid)`,
        key: (r) => [r.price_cents, r.id],
      };
    case "name":
      return {
        order: sql`p.name asc, p.id asc`,
        after: ([name, id]) => sql`(p.name, p.id) > (${name}::text, ${id}::uuid)`,
        key: (r) => [r.name, r.id],
      };
    case "relevance": {
      const rank = rankKey(q ?? "");
      return {
        order: sql`${rank} desc, p.id asc`,
        after: ([r, id]) => sql`(${rank} < ${r}::bigint or (${rank} = ${r}::bigint and p.id > ${id}::uuid))`,
        key: (r) => [r.rank_key ?? "0", r.id],
      };
    }
  }
}

// ---------------------------------------------------------------- sectors and brands

type SectorSqlRow = { id: string; slug: string; name: string; description: string; emoji: string; brand_count: number; product_count: number };

const SECTOR_COLUMNS = sql`s.id, s.slug, s.name, s.description, s.emoji`;
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
});

type BrandSqlRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  status: Status;
  sector_id: string;
  sector_slug: string;
  sector_name: string;
  product_count: number;
};

const BRAND_SELECT = sql`select b.id, b.slug, b.name, b.description, b.status,
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
});

export interface BrandListCriteria {
  sector?: string;
  q?: string;
  after?: CursorValue[];
  take: number;
}

// ---------------------------------------------------------------- the repository

export function createCatalogRepo(db: Executor) {
  return {
    async listSectors(): Promise<Sector[]> {
      const { rows } = await db.execute<SectorSqlRow>(ALL_SECTORS);
      return rows.map(toSector);
    },

    async findSector(idOrSlug: string): Promise<Sector | undefined> {
      const { rows } = await db.execute<SectorSqlRow>(sql`${ONE_SECTOR} ${byIdOrSlug(sql`s.id`, sql`s.slug`, idOrSlug)}`);
      return rows[0] && toSector(rows[0]);
    },

    /** Active brands, by name then id (brands_name_idx / brands_sector_name_idx). */
    async listBrands(c: BrandListCriteria): Promise<Array<Keyed<Brand>>> {
      const where: SQL[] = [sql`b.status = 'active'`];
      if (c.sector !== undefined) where.push(sql`s.slug = ${c.sector}`);
      if (c.q !== undefined) where.push(sql`b.name ilike ${containsPattern(c.q)}`);
      if (c.after) where.push(sql`(b.name, b.id) > (${c.after[0]}::text, ${c.after[1]}::uuid)`);
      const { rows } = await db.execute<BrandSqlRow>(
        sql`${BRAND_SELECT} where ${sql.join(where, sql` and `)} order by b.name, b.id limit ${c.take}`,
      );
      return rows.map((r) => ({ item: toBrand(r), key: [r.name, r.id] }));
    },

    /** Any brand, whatever its status (the service decides who may see it). */
    async findBrand(idOrSlug: string): Promise<Brand | undefined> {
      const { rows } = await db.execute<BrandSqlRow>(sql`${BRAND_SELECT} ${byIdOrSlug(sql`b.id`, sql`b.slug`, idOrSlug)}`);
      return rows[0] && toBrand(rows[0]);
    },

    /** One page of shopper-visible products: one statement, joins included. */
    async listProducts(c: ProductListCriteria): Promise<Array<Keyed<Product>>> {
      const plan = sortPlan(c.sort, c.q);
      const where: SQL[] = [sql`p.status = 'active'`, sql`b.status = 'active'`];
      if (c.brand !== undefined) where.push(sql`b.slug = ${c.brand}`);
      if (c.sector !== undefined) where.push(sql`s.slug = ${c.sector}`);
      if (c.minPrice !== undefined) where.push(sql`p.price_cents >= ${c.minPrice}`);
      if (c.maxPrice !== undefined) where.push(sql`p.price_cents <= ${c.maxPrice}`);
      if (c.inStock) where.push(sql`p.stock > 0`);
      if (c.q !== undefined) where.push(sql`p.search_vector @@ websearch_to_tsquery('english', ${c.q})`);
      if (c.after) where.push(plan.after(c.after));
      const rankColumn = c.sort === "relevance" ? sql`, ${rankKey(c.q ?? "")}::text as rank_key` : sql``;
      const { rows } = await db.execute<ProductSqlRow>(
        sql`select ${PRODUCT_COLUMNS}${rankColumn} ${PRODUCT_FROM} where ${sql.join(where, sql` and `)} order by ${plan.order} limit ${c.take}`,
      );
      return rows.map((r) => ({ item: toProduct(r), key: plan.key(r) }));
    },

    /** Any product, whatever its or its brand's status; `visible` says whether shoppers may see it. */
    async findProduct(idOrSlug: string): Promise<{ product: Product; visible: boolean } | undefined> {
      const { rows } = await db.execute<ProductSqlRow>(
        sql`select ${PRODUCT_COLUMNS} ${PRODUCT_FROM} ${byIdOrSlug(sql`p.id`, sql`p.slug`, idOrSlug)}`,
      );
      const row = rows[0];
      return row && { product: toProduct(row), visible: row.status === "active" && row.brand_status === "active" };
    },
  };
}
export type CatalogRepo = ReturnType<typeof createCatalogRepo>;
