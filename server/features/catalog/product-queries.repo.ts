import { sql, type SQL } from "drizzle-orm";
import { brands, products, sectors } from "@shared/schema";
import { priceFacetBuckets, type Facets, type Product, type ProductSort } from "@shared/contracts/catalog";
import { executorOf, type Db, type TxScope } from "../../db";
import { executeNamed, executeNamedSql, literalLimit, prepareNamed } from "../../db/prepared";
import type { CursorValue } from "../../lib/pagination";
import { allOf, idOrSlugMatch, type Keyed } from "./catalog-sql";
import { analyzeSearch } from "./search.repo";
import type { ProductSearch } from "./search-sql";
import {
  b,
  brandOfProduct,
  p,
  productColumns,
  productCsvSelection,
  s,
  sectorOfBrand,
  toProduct,
  visibleToShoppers,
  type ProductCsvProduct,
  type ProductSelectRow,
} from "./product.mapper";

/**
 * Product reads: the list (keyset pages in five sorts, full-text search), its facets, one product and
 * the CSV export's batches. One statement per request (joins, no N+1), only the columns the contract
 * needs, and ORDER BY / keyset predicates shaped to match the (status, sort key, id) indexes in
 * shared/schema/catalog.ts. Every statement reads products p, brands b, sectors s (product.mapper).
 *
 * "Visible to shoppers" means: the product is active AND its brand is active.
 */

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
      return [sql`${p.status} = 'active'`, sql`${b.status} = 'active'`];
    case "active":
      return [sql`${p.status} = 'active'`];
    case "archived":
      return [sql`${p.status} = 'archived'`];
    case "all":
      return [];
  }
}

/** Full-text search that forgives typos (search-sql.ts, ADR 044), as analyzeSearch built it for `q`. */
const matchesQuery = (search: ProductSearch) => search.matches(sql`${p.searchVector}`);
/** Price bounds are inclusive (minPrice/maxPrice in productListQuery). */
function priceConditions(c: ProductFilterCriteria): SQL[] {
  const where: SQL[] = [];
  if (c.minPrice !== undefined) where.push(sql`${p.priceCents} >= ${c.minPrice}`);
  if (c.maxPrice !== undefined) where.push(sql`${p.priceCents} <= ${c.maxPrice}`);
  return where;
}

/** Every filter as conditions over p, b and s (`search`: the analysed `q`). */
function productConditions(c: ProductFilterCriteria, search: ProductSearch | undefined): SQL[] {
  const where = visibilityConditions(c.visibility);
  if (c.brand !== undefined) where.push(sql`${b.slug} = ${c.brand}`);
  if (c.sector !== undefined) where.push(sql`${s.slug} = ${c.sector}`);
  where.push(...priceConditions(c));
  if (c.inStock) where.push(sql`${p.stock} > 0`);
  if (search) where.push(matchesQuery(search));
  return where;
}

/** The facet bucket of a price: the index into priceFacetBuckets (literals, not parameters). */
const PRICE_BUCKET = sql`case ${sql.join(
  priceFacetBuckets.slice(0, -1).map((bucket, i) => sql`when ${p.priceCents} <= ${sql.raw(String(bucket.maxCents))} then ${sql.raw(String(i))}`),
  sql` `,
)} else ${sql.raw(String(priceFacetBuckets.length - 1))} end`;

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

/**
 * Relevance is the search rank (ts_rank based, search-sql.ts) scaled to an integer (9 decimal places) so the keyset compares exact
 * integers: ts_rank is a float4, and carrying a float through text and JSON is exact only under
 * particular extra_float_digits settings. Ranks closer than 1e-9 tie and fall back to the id.
 */
const rankKey = (search: ProductSearch | undefined) =>
  search ? sql`(${search.rank(sql`${p.searchVector}`)}::float8 * 1000000000::float8)::bigint` : sql`0::bigint`;

/** A list row; `rankKey` is selected (and read) by the relevance sort only. */
type ListRow = ProductSelectRow & { rankKey: string };

interface SortPlan {
  order: SQL;
  after: (key: CursorValue[]) => SQL;
  key: (row: ListRow) => CursorValue[];
}

function sortPlan(sort: ProductSort, search: ProductSearch | undefined): SortPlan {
  switch (sort) {
    case "newest":
      // Backward scan of products_status_created_idx; the row comparison is an index condition.
      return {
        order: sql`${p.createdAt} desc, ${p.id} desc`,
        after: ([at, id]) => sql`(${p.createdAt}, ${p.id}) < (${at}::timestamptz, ${id}::uuid)`,
        key: (r) => [r.createdAt, r.id],
      };
    case "price":
      return {
        order: sql`${p.priceCents} asc, ${p.id} asc`,
        after: ([cents, id]) => sql`(${p.priceCents}, ${p.id}) > (${cents}::int, ${id}::uuid)`,
        key: (r) => [r.priceCents, r.id],
      };
    case "-price":
      return {
        order: sql`${p.priceCents} desc, ${p.id} desc`,
        after: ([cents, id]) => sql`(${p.priceCents}, ${p.id}) < (${cents}::int, ${id}::uuid)`,
        key: (r) => [r.priceCents, r.id],
      };
    case "name":
      return {
        order: sql`${p.name} asc, ${p.id} asc`,
        after: ([name, id]) => sql`(${p.name}, ${p.id}) > (${name}::text, ${id}::uuid)`,
        key: (r) => [r.name, r.id],
      };
    case "relevance": {
      const rank = rankKey(search);
      return {
        order: sql`${rank} desc, ${p.id} asc`,
        after: ([r, id]) => sql`(${rank} < ${r}::bigint or (${rank} = ${r}::bigint and ${p.id} > ${id}::uuid))`,
        key: (r) => [r.rankKey ?? "0", r.id],
      };
    }
  }
}

/**
 * Ranking is bounded (issue 15 §5): a broad `q` ("pack" matches 22,000 of 100,000 products) would compute ts_rank
 * for every match to show 24. Relevance ranks the RANKED_CANDIDATES newest matches only — found through the
 * (status, created_at) index for broad words, through the GIN index for rare ones — so the cost no longer grows
 * with the catalog; a shopper paging past a thousand results is better served by a narrower query. The set is
 * deterministic for unchanged data, so keyset pages stay consistent.
 */
const RANKED_CANDIDATES = 1_000;
const rankedCandidates = (search: ProductSearch) =>
  sql`${p.id} in (select x.id from ${products} x where x.status = 'active' and ${search.matches(sql`x.search_vector`)}
    order by x.created_at desc limit ${sql.raw(String(RANKED_CANDIDATES))})`;

const byName = (x: { name: string; slug: string }, y: { name: string; slug: string }) =>
  x.name < y.name ? -1 : x.name > y.name ? 1 : x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0;

/** The values a list statement binds; the page statement without q takes them as placeholders (see listShape). */
const BOUND_FILTERS = ["brand", "sector", "minPrice", "maxPrice"] as const;
/** Distinct list shapes kept prepared per process; rarer shapes beyond it are built per request, as before. */
const MAX_LIST_SHAPES = 256;

/**
 * What makes two list statements without q the same text: sort, page size, visibility, the in-stock filter, and
 * which filters and cursor are present (their values are bound). Drizzle then builds each shape once.
 */
const listShape = (c: ProductListCriteria) =>
  [c.sort, c.take, c.visibility ?? "shopper", c.inStock ? 1 : 0, c.after?.length ?? 0, ...BOUND_FILTERS.map((k) => (c[k] === undefined ? 0 : 1))].join("|");

/** The criteria with placeholders where listShape binds values, and the values to bind. */
function boundCriteria(c: ProductListCriteria): { bound: ProductListCriteria; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  const bound: Record<string, unknown> = { ...c };
  for (const k of BOUND_FILTERS) {
    if (c[k] === undefined) continue;
    values[k] = c[k];
    bound[k] = sql.placeholder(k);
  }
  bound.after = c.after?.map((v, i) => {
    values[`after${i}`] = v;
    return sql.placeholder(`after${i}`);
  });
  // Placeholders stand where the SQL templates embed the values (Drizzle binds either the same way).
  return { bound: bound as unknown as ProductListCriteria, values };
}

type ListPage = { execute(values?: Record<string, unknown>): Promise<unknown> };

export function createProductQueriesRepo(db: Db) {
  const analyze = (q: string | undefined) => (q === undefined ? Promise.resolve(undefined) : analyzeSearch(db, q));

  function listQuery(c: ProductListCriteria, search: ProductSearch | undefined) {
    const plan = sortPlan(c.sort, search);
    const where = productConditions(c, search);
    if (c.after) where.push(plan.after(c.after));
    // Staff views of archived products are small and rare: only the active ones (shopper, "active") are bounded.
    const activeOnly = c.visibility === undefined || c.visibility === "shopper" || c.visibility === "active";
    if (search && c.sort === "relevance" && activeOnly) where.push(rankedCandidates(search));
    const columns = c.sort === "relevance" ? { ...productColumns, rankKey: sql<string>`${rankKey(search)}::text` } : productColumns;
    return db.select(columns).from(p).innerJoin(b, brandOfProduct).innerJoin(s, sectorOfBrand).where(allOf(where)).orderBy(plan.order);
  }

  // Without q: a named statement with a generic plan (ADR 059), built by Drizzle once per shape and kept: building
  // it (column proxies, SQL assembly) cost more Node CPU per request than PostgreSQL spent running it (ADR 079).
  const pages = new Map<string, ListPage>();
  function pageStatement(c: ProductListCriteria): { page: ListPage; values: Record<string, unknown> } {
    const shape = listShape(c);
    const { bound, values } = boundCriteria(c);
    let page = pages.get(shape);
    if (!page) {
      page = prepareNamed(listQuery(bound, undefined).limit(literalLimit(c.take)));
      if (pages.size < MAX_LIST_SHAPES) pages.set(shape, page);
    }
    return { page, values };
  }

  return {
    /**
     * One page of products (shopper-visible unless the criteria say otherwise): one statement, joins included,
     * after one small vocabulary look-up when `q` has words that may be misspelt (search.repo).
     */
    async listProducts(c: ProductListCriteria): Promise<Array<Keyed<Product>>> {
      const search = await analyze(c.q);
      let rows: ListRow[];
      if (search) {
        // The tsquery is a parameter PostgreSQL folds to a constant only in a custom plan (search-sql.ts), so
        // searches stay unnamed.
        rows = (await listQuery(c, search).limit(c.take)) as ListRow[];
      } else {
        const { page, values } = pageStatement(c);
        rows = (await page.execute(values)) as ListRow[];
      }
      const plan = sortPlan(c.sort, search);
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
      const search = await analyze(c.q);
      if (search) base.push(matchesQuery(search));
      const sectorOk = c.sector !== undefined ? sql`${s.slug} = ${c.sector}` : sql`true`;
      const brandOk = c.brand !== undefined ? sql`${b.slug} = ${c.brand}` : sql`true`;
      const priceOk = allOf(priceConditions(c));
      const stockOk = c.inStock ? sql`${p.stock} > 0` : sql`true`;
      const facetSql = sql`
        with candidates as (
          select ${s.slug} as sector_slug, ${s.name} as sector_name, ${b.slug} as brand_slug, ${b.name} as brand_name,
            ${PRICE_BUCKET} as bucket, ${p.stock} > 0 as in_stock,
            (${sectorOk}) as sector_ok, (${brandOk}) as brand_ok, (${priceOk}) as price_ok, (${stockOk}) as stock_ok
          from ${products} p join ${brands} b on ${brandOfProduct} join ${sectors} s on ${sectorOfBrand}
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
        group by grouping sets ((sector_slug, sector_name), (brand_slug, brand_name), (bucket), ())`;
      // Named without q, unnamed with it (the tsquery folding needs custom plans; see listProducts).
      const { rows } = search ? await db.execute<FacetSqlRow>(facetSql) : await executeNamedSql<FacetSqlRow>(db, facetSql);
      const facets: Facets = { sectors: [], brands: [], price: [], inStock: 0 };
      for (const r of rows) {
        if (r.g_sector === 0 && r.sector_count > 0) facets.sectors.push({ slug: r.sector_slug!, name: r.sector_name!, count: r.sector_count });
        else if (r.g_brand === 0 && r.brand_count > 0) facets.brands.push({ slug: r.brand_slug!, name: r.brand_name!, count: r.brand_count });
        else if (r.g_bucket === 0 && r.bucket_count > 0) facets.price.push({ ...priceFacetBuckets[r.bucket!]!, count: r.bucket_count });
        else if (r.g_sector !== 0 && r.g_brand !== 0 && r.g_bucket !== 0) facets.inStock = r.in_stock_count;
      }
      facets.sectors.sort(byName);
      facets.brands.sort(byName);
      facets.price.sort((x, y) => x.minCents - y.minCents);
      return facets;
    },

    /** One batch of the CSV export: the filtered products after `afterSlug`, by slug (products_slug_unique). */
    async exportProducts(c: ProductFilterCriteria, afterSlug: string | undefined, take: number): Promise<ProductCsvProduct[]> {
      const where = productConditions(c, await analyze(c.q));
      if (afterSlug !== undefined) where.push(sql`${p.slug} > ${afterSlug}`);
      return db.select(productCsvSelection).from(p).innerJoin(b, brandOfProduct).innerJoin(s, sectorOfBrand).where(allOf(where)).orderBy(p.slug).limit(take);
    },

    /** Any product, whatever its or its brand's status; `visible` says whether shoppers may see it. */
    async findProduct(idOrSlug: string, tx?: TxScope): Promise<{ product: Product; visible: boolean } | undefined> {
      const match = idOrSlugMatch(p.id, p.slug, idOrSlug);
      const [row] = await executeNamed(
        executorOf(db, tx)
          .select(productColumns)
          .from(p)
          .innerJoin(b, brandOfProduct)
          .innerJoin(s, sectorOfBrand)
          .where(match.where)
          .orderBy(...(match.order ? [match.order] : []))
          .limit(literalLimit(1)),
      );
      return row && { product: toProduct(row), visible: visibleToShoppers(row) };
    },
  };
}
