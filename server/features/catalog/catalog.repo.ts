import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { brands, products, sectors } from "@shared/schema";
import { priceFacetBuckets, type Brand, type Facets, type Product, type ProductSort, type Sector } from "@shared/contracts/catalog";
import type { Executor } from "../../db";
import type { CursorValue } from "../../lib/pagination";
import { looksLikeUuid } from "../../lib/uuid";
import { productImagePath } from "./product-image";

/**
 * The only module that touches sectors, brands and products. Reads are hand-written SQL: one
 * statement per request (joins, no N+1), only the columns the contract needs, and ORDER BY /
 * keyset predicates shaped to match the (status, sort key, id) indexes in shared/schema/catalog.ts.
 * Admin writes are further functions over the same Executor: `transaction(fn)` hands fn a repository
 * bound to the open transaction.
 *
 * "Visible to shoppers" means: the product is active AND its brand is active.
 */

/** A row plus the values its keyset cursor carries. */
export interface Keyed<T> {
  item: T;
  key: CursorValue[];
}

type Status = Product["status"];

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

/**
 * Which products a query sees: "shopper" (active products of active brands: the default), or, for
 * staff, the product's own status ("active", "archived") or "all", whatever the brand's status.
 */
export type ProductVisibility = "shopper" | "active" | "archived" | "all";

/** The filters shared by the list, its facets and the CSV export. */
export interface ProductFilterCriteria {
  q?: string;
  sector?: string;
  brand?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  visibility?: ProductVisibility;
}

export interface ProductListCriteria extends ProductFilterCriteria {
  sort: ProductSort;
  /** The previous page's last key (validated by the service for this sort). */
  after?: CursorValue[];
  /** Rows to fetch (the service asks for one more than the page size). */
  take: number;
}

function visibilityConditions(visibility: ProductVisibility = "shopper"): SQL[] {
  switch (visibility) {
    case "shopper":
      return [sql`p.status = 'active'`, sql`b.status = 'active'`];
    case "active":
      return [sql`p.status = 'active'`];
    case "archived":
      return [sql`p.status = 'archived'`];
    case "all":
      return [];
  }
}

const matchesQuery = (q: string) => sql`p.search_vector @@ websearch_to_tsquery('english', ${q})`;
/** Price bounds are inclusive (minPrice/maxPrice in productListQuery). */
function priceConditions(c: ProductFilterCriteria): SQL[] {
  const where: SQL[] = [];
  if (c.minPrice !== undefined) where.push(sql`p.price_cents >= ${c.minPrice}`);
  if (c.maxPrice !== undefined) where.push(sql`p.price_cents <= ${c.maxPrice}`);
  return where;
}

/** Every filter as conditions over `p`, `b` and `s` (PRODUCT_FROM's aliases). */
function productConditions(c: ProductFilterCriteria): SQL[] {
  const where = visibilityConditions(c.visibility);
  if (c.brand !== undefined) where.push(sql`b.slug = ${c.brand}`);
  if (c.sector !== undefined) where.push(sql`s.slug = ${c.sector}`);
  where.push(...priceConditions(c));
  if (c.inStock) where.push(sql`p.stock > 0`);
  if (c.q !== undefined) where.push(matchesQuery(c.q));
  return where;
}

const allOf = (conditions: SQL[]) => (conditions.length ? sql.join(conditions, sql` and `) : sql`true`);

/** The facet bucket of a price: the index into priceFacetBuckets. */
const PRICE_BUCKET = sql.raw(
  `case ${priceFacetBuckets
    .slice(0, -1)
    .map((b, i) => `when p.price_cents <= ${b.maxCents} then ${i}`)
    .join(" ")} else ${priceFacetBuckets.length - 1} end`,
);

type FacetSqlRow = {
  g_sector: number;
  g_brand: number;
  g_bucket: number;
  sector_slug: string | null;
  sector_name: string | null;
  brand_slug: string | null;
  brand_name: string | null;
  bucket: number | null;
  sector_count: number;
  brand_count: number;
  bucket_count: number;
  in_stock_count: number;
};

/** A product as the CSV export writes it: the stored values (imageUrl may be empty), the brand by slug. */
export interface ProductCsvRecord {
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  currency: string;
  stock: number;
  imageUrl: string;
  status: Status;
  brandSlug: string;
}

/** The stored, editable values of a product (what updates and imports compare against). */
export interface ProductValues {
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  currency: string;
  stock: number;
  imageUrl: string;
  status: Status;
  brandId: string;
}
export interface StoredProduct extends ProductValues {
  id: string;
}
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

export type CatalogTable = "sectors" | "brands" | "products";

/** PostgreSQL's error code and constraint of a failed statement, whichever driver (and Drizzle wrapper) raised it. */
export function databaseErrorOf(err: unknown): { code?: string; constraint?: string } {
  for (const e of [err, (err as { cause?: unknown } | undefined)?.cause] as Array<{ code?: unknown; constraint?: unknown } | undefined>) {
    if (typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === "string" ? e.constraint : undefined };
    }
  }
  return {};
}

const storedProductColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  priceCents: products.priceCents,
  currency: products.currency,
  stock: products.stock,
  imageUrl: products.imageUrl,
  status: products.status,
  brandId: products.brandId,
};

const storedSectorColumns = { id: sectors.id, slug: sectors.slug, name: sectors.name, description: sectors.description, emoji: sectors.emoji };
const storedBrandColumns = { id: brands.id, slug: brands.slug, name: brands.name, description: brands.description, sectorId: brands.sectorId };

/** How many rows of `table` point at `id` through `column` (the children a delete must not orphan). */
async function countReferences(db: Executor, table: CatalogTable, column: "sector_id" | "brand_id", id: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${id}::uuid`);
  return rows[0]?.n ?? 0;
}

/** Rows per multi-row INSERT of an import: 9 parameters each keeps a statement well under PostgreSQL's 65,535. */
const IMPORT_BATCH = 500;
/** IN-lists per lookup statement. */
const LOOKUP_BATCH = 1_000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
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

/** Every query, over one executor: the database, or an open transaction. */
function catalogQueries(db: Executor) {
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

    /** One page of products (shopper-visible unless the criteria say otherwise): one statement, joins included. */
    async listProducts(c: ProductListCriteria): Promise<Array<Keyed<Product>>> {
      const plan = sortPlan(c.sort, c.q);
      const where = productConditions(c);
      if (c.after) where.push(plan.after(c.after));
      const rankColumn = c.sort === "relevance" ? sql`, ${rankKey(c.q ?? "")}::text as rank_key` : sql``;
      const { rows } = await db.execute<ProductSqlRow>(
        sql`select ${PRODUCT_COLUMNS}${rankColumn} ${PRODUCT_FROM} where ${allOf(where)} order by ${plan.order} limit ${c.take}`,
      );
      return rows.map((r) => ({ item: toProduct(r), key: plan.key(r) }));
    },

    /**
     * Facet counts over every page of the filtered list, in one statement. Each facet ignores its own
     * filter (the sector counts ignore `sector`, the brand counts `brand`, the price buckets
     * minPrice/maxPrice, the in-stock count `inStock`) so a shopper sees what switching would give;
     * every other filter applies. The CTE flags which of those four filters each candidate row passes;
     * a row failing two or more counts nowhere, so it is dropped before grouping.
     */
    async productFacets(c: ProductFilterCriteria): Promise<Facets> {
      const base = visibilityConditions(c.visibility);
      if (c.q !== undefined) base.push(matchesQuery(c.q));
      const sectorOk = c.sector !== undefined ? sql`s.slug = ${c.sector}` : sql`true`;
      const brandOk = c.brand !== undefined ? sql`b.slug = ${c.brand}` : sql`true`;
      const priceOk = allOf(priceConditions(c));
      const stockOk = c.inStock ? sql`p.stock > 0` : sql`true`;
      const { rows } = await db.execute<FacetSqlRow>(sql`
        with candidates as (
          select s.slug as sector_slug, s.name as sector_name, b.slug as brand_slug, b.name as brand_name,
            ${PRICE_BUCKET} as bucket, p.stock > 0 as in_stock,
            (${sectorOk}) as sector_ok, (${brandOk}) as brand_ok, (${priceOk}) as price_ok, (${stockOk}) as stock_ok
          ${PRODUCT_FROM}
          where ${allOf(base)}
        )
        select grouping(sector_slug, sector_name) as g_sector, grouping(brand_slug, brand_name) as g_brand, grouping(bucket) as g_bucket,
          sector_slug, sector_name, brand_slug, brand_name, bucket,
          (count(*) filter (where brand_ok and price_ok and stock_ok))::int as sector_count,
          (count(*) filter (where sector_ok and price_ok and stock_ok))::int as brand_count,
          (count(*) filter (where sector_ok and brand_ok and stock_ok))::int as bucket_count,
          (count(*) filter (where sector_ok and brand_ok and price_ok and in_stock))::int as in_stock_count
        from candidates
        where (sector_ok::int + brand_ok::int + price_ok::int + stock_ok::int) >= 3
        group by grouping sets ((sector_slug, sector_name), (brand_slug, brand_name), (bucket), ())`);
      const facets: Facets = { sectors: [], brands: [], price: [], inStock: 0 };
      for (const r of rows) {
        if (r.g_sector === 0 && r.sector_count > 0) facets.sectors.push({ slug: r.sector_slug!, name: r.sector_name!, count: r.sector_count });
        else if (r.g_brand === 0 && r.brand_count > 0) facets.brands.push({ slug: r.brand_slug!, name: r.brand_name!, count: r.brand_count });
        else if (r.g_bucket === 0 && r.bucket_count > 0) facets.price.push({ ...priceFacetBuckets[r.bucket!]!, count: r.bucket_count });
        else if (r.g_sector !== 0 && r.g_brand !== 0 && r.g_bucket !== 0) facets.inStock = r.in_stock_count;
      }
      const byName = (a: { name: string; slug: string }, b: { name: string; slug: string }) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
      facets.sectors.sort(byName);
      facets.brands.sort(byName);
      facets.price.sort((a, b) => a.minCents - b.minCents);
      return facets;
    },

    /** One batch of the CSV export: the filtered products after `afterSlug`, by slug (products_slug_unique). */
    async exportProducts(c: ProductFilterCriteria, afterSlug: string | undefined, take: number): Promise<ProductCsvRecord[]> {
      const where = productConditions(c);
      if (afterSlug !== undefined) where.push(sql`p.slug > ${afterSlug}`);
      const { rows } = await db.execute<{
        slug: string; name: string; description: string; price_cents: number; currency: string;
        stock: number; image_url: string; status: Status; brand_slug: string;
      }>(sql`select p.slug, p.name, p.description, p.price_cents, p.currency, p.stock, p.image_url, p.status, b.slug as brand_slug
        ${PRODUCT_FROM} where ${allOf(where)} order by p.slug limit ${take}`);
      return rows.map((r) => ({
        slug: r.slug,
        name: r.name,
        description: r.description,
        priceCents: r.price_cents,
        currency: r.currency,
        stock: r.stock,
        imageUrl: r.image_url,
        status: r.status,
        brandSlug: r.brand_slug,
      }));
    },

    /** Any product, whatever its or its brand's status; `visible` says whether shoppers may see it. */
    async findProduct(idOrSlug: string): Promise<{ product: Product; visible: boolean } | undefined> {
      const { rows } = await db.execute<ProductSqlRow>(
        sql`select ${PRODUCT_COLUMNS} ${PRODUCT_FROM} ${byIdOrSlug(sql`p.id`, sql`p.slug`, idOrSlug)}`,
      );
      const row = rows[0];
      return row && { product: toProduct(row), visible: row.status === "active" && row.brand_status === "active" };
    },

    // ------------------------------------------------------------ admin writes

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
    async takenSlugs(table: CatalogTable, base: string): Promise<Set<string>> {
      // base is a valid slug ([a-z0-9-]), so it holds no LIKE wildcards.
      const { rows } = await db.execute<{ slug: string }>(
        sql`select slug from ${sql.identifier(table)} where slug = ${base} or slug like ${`${base}-%`}`,
      );
      return new Set(rows.map((r) => r.slug));
    },

    async slugTakenByOther(table: CatalogTable, slug: string, id: string): Promise<boolean> {
      const { rows } = await db.execute(sql`select 1 from ${sql.identifier(table)} where slug = ${slug} and id <> ${id}::uuid limit 1`);
      return rows.length > 0;
    },

    async exists(table: CatalogTable, id: string): Promise<boolean> {
      const { rows } = await db.execute(sql`select 1 from ${sql.identifier(table)} where id = ${id}::uuid`);
      return rows.length > 0;
    },

    /** Hard delete; false when the row was not there. Children are guarded by the caller and by ON DELETE RESTRICT. */
    async delete(table: CatalogTable, id: string): Promise<boolean> {
      const { rows } = await db.execute(sql`delete from ${sql.identifier(table)} where id = ${id}::uuid returning id`);
      return rows.length > 0;
    },

    // ---- sectors
    /** The new id, or undefined when the slug is taken (ON CONFLICT DO NOTHING: no error, so the transaction stays usable). */
    async insertSector(values: Omit<StoredSector, "id">): Promise<string | undefined> {
      const [row] = await db.insert(sectors).values(values).onConflictDoNothing({ target: sectors.slug }).returning({ id: sectors.id });
      return row?.id;
    },
    async lockSector(id: string): Promise<StoredSector | undefined> {
      const [row] = await db.select(storedSectorColumns).from(sectors).where(eq(sectors.id, id)).for("update");
      return row;
    },
    async updateSector(id: string, changes: Partial<Omit<StoredSector, "id">>): Promise<void> {
      await db.update(sectors).set({ ...changes, updatedAt: sql`now()` }).where(eq(sectors.id, id));
    },
    brandCountOfSector: (id: string) => countReferences(db, "brands", "sector_id", id),

    // ---- brands
    async insertBrand(values: Omit<StoredBrand, "id">): Promise<string | undefined> {
      const [row] = await db.insert(brands).values(values).onConflictDoNothing({ target: brands.slug }).returning({ id: brands.id });
      return row?.id;
    },
    async lockBrand(id: string): Promise<StoredBrand | undefined> {
      const [row] = await db.select(storedBrandColumns).from(brands).where(eq(brands.id, id)).for("update");
      return row;
    },
    async updateBrand(id: string, changes: Partial<Omit<StoredBrand, "id">>): Promise<void> {
      await db.update(brands).set({ ...changes, updatedAt: sql`now()` }).where(eq(brands.id, id));
    },
    productCountOfBrand: (id: string) => countReferences(db, "products", "brand_id", id),

    // ---- products
    async insertProduct(values: Partial<ProductValues> & Pick<ProductValues, "slug" | "name" | "priceCents" | "stock" | "brandId">): Promise<string | undefined> {
      const [row] = await db.insert(products).values(values).onConflictDoNothing({ target: products.slug }).returning({ id: products.id });
      return row?.id;
    },
    async lockProduct(id: string): Promise<StoredProduct | undefined> {
      const [row] = await db.select(storedProductColumns).from(products).where(eq(products.id, id)).for("update");
      return row;
    },
    async updateProduct(id: string, changes: Partial<ProductValues>): Promise<void> {
      await db.update(products).set({ ...changes, updatedAt: sql`now()` }).where(eq(products.id, id));
    },
    async archiveProduct(id: string): Promise<void> {
      await db.update(products).set({ status: "archived", updatedAt: sql`now()` }).where(eq(products.id, id));
    },

    /**
     * Whether any order line references the product. A deliberate cross-feature read of order_items
     * (an EXISTS check only): the delete rule "products in orders are archived" needs it, and the
     * orders feature offers no function for it yet.
     */
    async productInOrders(id: string): Promise<boolean> {
      const { rows } = await db.execute(sql`select 1 from order_items where product_id = ${id}::uuid limit 1`);
      return rows.length > 0;
    },

    /**
     * Adds delta to the stock in one conditional statement (never read-modify-write): concurrent
     * adjustments queue on the row lock and each re-checks the condition on the latest stock.
     * Undefined when no row qualified: no such product, or the stock would go below zero.
     */
    async adjustStock(id: string, delta: number): Promise<{ before: number; after: number } | undefined> {
      const { rows } = await db.execute<{ before: number; after: number }>(sql`
        update products set stock = stock + ${delta}::int, updated_at = now()
        where id = ${id}::uuid and stock + ${delta}::int >= 0
        returning stock - ${delta}::int as before, stock as after`);
      return rows[0];
    },
    /** The current stock, or undefined when the product does not exist. */
    async stockOf(id: string): Promise<number | undefined> {
      const [row] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, id));
      return row?.stock;
    },

    // ---- CSV import
    async brandIdsBySlug(slugs: string[]): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      for (const batch of chunks([...new Set(slugs)], LOOKUP_BATCH)) {
        const rows = await db.select({ id: brands.id, slug: brands.slug }).from(brands).where(inArray(brands.slug, batch));
        for (const r of rows) found.set(r.slug, r.id);
      }
      return found;
    },
    async productsBySlug(slugs: string[]): Promise<Map<string, StoredProduct>> {
      const found = new Map<string, StoredProduct>();
      for (const batch of chunks([...new Set(slugs)], LOOKUP_BATCH)) {
        const rows = await db.select(storedProductColumns).from(products).where(inArray(products.slug, batch));
        for (const r of rows) found.set(r.slug, r);
      }
      return found;
    },

    /**
     * Creates or updates products by slug with multi-row INSERT … ON CONFLICT (slug) DO UPDATE, the
     * update guarded by "something changed", so identical rows are not rewritten (nor counted).
     * `xmax = 0` tells an inserted row from an updated one in RETURNING.
     */
    async upsertProducts(rows: ProductValues[]): Promise<{ created: number; updated: number }> {
      let created = 0;
      let updated = 0;
      const editable = ["name", "description", "price_cents", "currency", "stock", "image_url", "status", "brand_id"];
      const current = sql.raw(`(${editable.map((c) => `"products"."${c}"`).join(", ")})`);
      const incoming = sql.raw(`(${editable.map((c) => `excluded."${c}"`).join(", ")})`);
      for (const batch of chunks(rows, IMPORT_BATCH)) {
        const result = await db
          .insert(products)
          .values(batch)
          .onConflictDoUpdate({
            target: products.slug,
            set: {
              name: sql`excluded.name`,
              description: sql`excluded.description`,
              priceCents: sql`excluded.price_cents`,
              currency: sql`excluded.currency`,
              stock: sql`excluded.stock`,
              imageUrl: sql`excluded.image_url`,
              status: sql`excluded.status`,
              brandId: sql`excluded.brand_id`,
              updatedAt: sql`now()`,
            },
            setWhere: sql`${current} is distinct from ${incoming}`,
          })
          .returning({ inserted: sql<boolean>`(xmax = 0)` });
        for (const r of result) {
          if (r.inserted) created++;
          else updated++;
        }
      }
      return { created, updated };
    },
  };
}
export type CatalogQueries = ReturnType<typeof catalogQueries>;

export function createCatalogRepo(db: Executor) {
  return {
    ...catalogQueries(db),
    /** Runs fn in one transaction with the queries bound to it (and the executor, for the audit row). */
    transaction<T>(fn: (tx: CatalogQueries, executor: Executor) => Promise<T>): Promise<T> {
      return db.transaction((tx) => fn(catalogQueries(tx), tx));
    },
  };
}
export type CatalogRepo = ReturnType<typeof createCatalogRepo>;
