import type { ListOf } from "@shared/contracts/common";
import type {
  Brand,
  BrandCreate,
  BrandListFilters,
  BrandUpdate,
  CatalogAuditAction,
  Facets,
  Product,
  ProductCreate,
  ProductExportFilters,
  ProductImportMode,
  ProductImportResult,
  ProductImportRowError,
  ProductList,
  ProductListFilters,
  ProductSort,
  ProductStatusFilter,
  ProductUpdate,
  Sector,
  SectorCreate,
  SectorUpdate,
} from "@shared/contracts/catalog";
import { AppError, notFound } from "../../lib/app-error";
import type { Cache, CacheStats } from "../../lib/cache";
import type { EventBus, EventMap } from "../../lib/events";
import { decodeKeyset, toPage, type CursorValue } from "../../lib/pagination";
import { looksLikeUuid } from "../../lib/uuid";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import { parseProductCsv, rowErrorsAsDetails, type ValidProductRow } from "./catalog-csv";
import {
  databaseErrorOf,
  type CatalogQueries,
  type CatalogRepo,
  type CatalogTable,
  type ProductCsvRecord,
  type ProductFilterCriteria,
  type ProductValues,
  type ProductVisibility,
  type StoredProduct,
} from "./catalog.repo";
import { nextFreeSlug, slugify } from "./slugify";

/** Who is asking. Staff and admins may see archived objects; shoppers (or nobody signed in) may not. */
export interface CatalogViewer {
  role: "customer" | "staff" | "admin";
}
/** Who writes: admins only (routes guard, the service checks again). */
export interface CatalogActor extends CatalogViewer {
  id: string;
  email: string;
}
const seesArchived = (viewer?: CatalogViewer) => viewer?.role === "staff" || viewer?.role === "admin";

const BRAND_SORT = "brand-name";

// Cursor values are client input: each must have the type its SQL cast expects, or PostgreSQL
// would answer a crafted cursor with an error (500) instead of the contract's 400.
const MICROS_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const BIGINT_TEXT = /^-?\d{1,18}$/;
type Check = (value: CursorValue) => boolean;
const isId: Check = (v) => typeof v === "string" && looksLikeUuid(v);
const isTimestamp: Check = (v) => {
  if (typeof v !== "string" || !MICROS_TIMESTAMP.test(v)) return false;
  const parsed = new Date(v); // rejects e.g. Feb 30 by round-tripping the seconds part
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === v.slice(0, 19);
};
const isCents: Check = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0 && v <= 2_147_483_647;
const isText: Check = (v) => typeof v === "string" && v.length <= 1_000 && !v.includes("\u0000");
const isRank: Check = (v) => typeof v === "string" && BIGINT_TEXT.test(v);

const PRODUCT_KEY_CHECKS: Record<ProductSort, Check[]> = {
  newest: [isTimestamp, isId],
  price: [isCents, isId],
  "-price": [isCents, isId],
  name: [isText, isId],
  relevance: [isRank, isId],
};

/**
 * What the service needs beyond its repository. Optional so read-only tools (the benchmark's SQL
 * capture) can build it from a repository alone: without a cache every read goes to the database,
 * and writes refuse to run without the audit service.
 */
export interface CatalogDeps {
  audit?: AuditService;
  events?: EventBus;
  cache?: Cache;
}

type Entity = EventMap["catalog.changed"]["entity"];

/**
 * Everything catalog reads cache lives in one namespace, dropped as a whole on every write:
 * "catalog:<database identity>", so databases sharing one Redis never read each other's entries.
 */
const CACHE_NAMESPACE = "catalog";
const EXPORT_BATCH = 500;
/** Attempts at a generated slug when concurrent creates keep taking the chosen one. */
const SLUG_ATTEMPTS = 5;

const slugTaken = () => new AppError("slug_taken", "This slug is already in use.", [{ path: "slug", message: "Already taken" }]);
const unknownReference = (path: "brandId" | "sectorId", what: string) =>
  new AppError("validation_failed", `No ${what.toLowerCase()} has this id.`, [{ path, message: `Unknown ${what.toLowerCase()}` }]);

function assertAdmin(actor: CatalogActor | undefined): asserts actor is CatalogActor {
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  if (actor.role !== "admin") throw new AppError("forbidden", "Only admins can change the catalog.");
}

/** Who may ask for which products: `status` is for staff; shoppers always get the shopper view. */
function visibilityFor(status: ProductStatusFilter | undefined, viewer: CatalogViewer | undefined): ProductVisibility {
  if (status === undefined) return "shopper";
  if (!seesArchived(viewer)) {
    if (status === "active") return "shopper";
    throw new AppError("forbidden", "Only staff can list archived products.");
  }
  return status;
}

/** Database errors a write can still meet after its own checks (a concurrent write won the race). */
function translateWriteError(err: unknown): never {
  const { code, constraint } = databaseErrorOf(err);
  if (code === "23505" && constraint?.endsWith("_slug_unique")) throw slugTaken();
  if (code === "23503" && constraint === "products_brand_id_brands_id_fk") throw unknownReference("brandId", "Brand");
  if (code === "23503" && constraint === "brands_sector_id_sectors_id_fk") throw unknownReference("sectorId", "Sector");
  throw err;
}
/** ON DELETE RESTRICT (23001) or a plain foreign key (23503): something still references the row. */
const stillReferenced = (err: unknown) => ["23001", "23503"].includes(databaseErrorOf(err).code ?? "");

/** The fields of `patch` whose value differs from `before` (undefined fields are not part of a PATCH). */
function changedFields<T extends object>(before: T, patch: Partial<T>): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(patch) as Array<keyof T>) {
    if (patch[key] !== undefined && patch[key] !== before[key]) changes[key] = patch[key];
  }
  return changes;
}
const pick = <T extends object>(source: T, keys: Array<keyof T>) => Object.fromEntries(keys.map((k) => [k, source[k]]));

/** A cache key that does not depend on the order of query parameters. */
const stableKey = (query: object) =>
  JSON.stringify(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))));
/** `:idOrSlug` as a cache key: UUIDs match case-insensitively, slugs exactly. */
const lookupKey = (idOrSlug: string) => (looksLikeUuid(idOrSlug) ? idOrSlug.toLowerCase() : idOrSlug);

const filterCriteria = (q: ProductExportFilters | ProductListFilters, visibility: ProductVisibility): ProductFilterCriteria => ({
  q: q.q,
  sector: q.sector,
  brand: q.brand,
  minPrice: q.minPrice,
  maxPrice: q.maxPrice,
  inStock: q.inStock,
  visibility,
});

/** An import row as the product it should become: a column the file leaves out keeps the stored value. */
function importedValues(row: ValidProductRow, brandId: string, existing: StoredProduct | undefined): ProductValues {
  const d = row.data;
  const has = (column: "description" | "imageUrl") => row.columns.has(column);
  return {
    slug: d.slug,
    name: d.name,
    description: has("description") ? (d.description ?? "") : (existing?.description ?? ""),
    priceCents: d.priceCents,
    currency: d.currency ?? existing?.currency ?? "USD",
    stock: d.stock,
    imageUrl: has("imageUrl") ? (d.imageUrl ?? "") : (existing?.imageUrl ?? ""),
    status: d.status ?? existing?.status ?? "active",
    brandId,
  };
}
const EDITABLE: Array<keyof ProductValues> = ["name", "description", "priceCents", "currency", "stock", "imageUrl", "status", "brandId"];
const sameProduct = (a: ProductValues, b: ProductValues) => EDITABLE.every((k) => a[k] === b[k]);

export function createCatalogService(repo: CatalogRepo, deps: CatalogDeps = {}) {
  const { events, cache } = deps;

  // The namespace carries the database's identity (see repo.cacheScope), fetched once; a failed lookup
  // (database unreachable) is retried on the next call, and that call goes uncached.
  let namespace: Promise<string> | undefined;
  async function cacheNamespace(): Promise<string | undefined> {
    namespace ??= repo.cacheScope().then((scope) => `${CACHE_NAMESPACE}:${scope}`);
    try {
      return await namespace;
    } catch {
      namespace = undefined;
      return undefined;
    }
  }

  /** Shopper reads go through the cache; staff and admin reads never do (they may include archived objects). */
  async function cached<T>(viewer: CatalogViewer | undefined, key: string, load: () => Promise<T>): Promise<T> {
    const ns = cache && !seesArchived(viewer) ? await cacheNamespace() : undefined;
    return cache && ns ? cache.getOrLoad(ns, key, load) : load();
  }
  async function invalidateCache(): Promise<void> {
    const ns = cache ? await cacheNamespace() : undefined;
    if (cache && ns) await cache.invalidate(ns);
  }
  // Writes by other replicas (or other features' stock changes) arrive as events.
  events?.subscribe("catalog.changed", () => invalidateCache());

  /**
   * After a write committed: drop the cached catalog before the response goes out (the Redis hash is
   * shared, so every replica's next read is fresh), then tell the realtime layer and other replicas.
   */
  async function changed(entity: Entity, id: string): Promise<void> {
    await invalidateCache();
    await events?.publish("catalog.changed", { entity, id });
  }

  const audit = () => {
    if (!deps.audit) throw new Error("catalog writes need the audit service");
    return deps.audit;
  };
  const record = (
    actor: CatalogActor,
    action: CatalogAuditAction,
    target: { type: Entity | "products"; id: string } | null,
    summary: Record<string, unknown>,
    meta: RequestMeta,
    executor: Parameters<AuditService["record"]>[2],
  ) => audit().record({ actor: { id: actor.id, email: actor.email }, action, target, summary }, meta, executor);

  /**
   * Inserts with the explicit slug (taken → 409 slug_taken) or one generated from the name, moving on
   * to the next free -2, -3 … when a concurrent create took it (ON CONFLICT DO NOTHING tells, so the
   * transaction stays usable).
   */
  async function insertWithSlug(
    tx: CatalogQueries,
    table: CatalogTable,
    explicit: string | undefined,
    name: string,
    insert: (slug: string) => Promise<string | undefined>,
  ): Promise<string> {
    if (explicit !== undefined) {
      const id = await insert(explicit);
      if (!id) throw slugTaken();
      return id;
    }
    const base = slugify(name, table.slice(0, -1));
    for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
      const id = await insert(nextFreeSlug(base, await tx.takenSlugs(table, base)));
      if (id) return id;
    }
    throw slugTaken();
  }

  async function assertSlugFree(tx: CatalogQueries, table: CatalogTable, slug: string | undefined, id: string) {
    if (slug !== undefined && (await tx.slugTakenByOther(table, slug, id))) throw slugTaken();
  }

  /** Runs a write transaction, mapping the database errors a race can still cause. */
  async function write<T>(fn: (tx: CatalogQueries, executor: Parameters<AuditService["record"]>[2]) => Promise<T>): Promise<T> {
    try {
      return await repo.transaction(fn);
    } catch (err) {
      if (err instanceof AppError) throw err;
      translateWriteError(err);
    }
  }

  async function loadProductList(query: ProductListFilters, visibility: ProductVisibility): Promise<ProductList> {
    const sort: ProductSort = query.sort ?? (query.q !== undefined ? "relevance" : "newest");
    const after = query.cursor === undefined ? undefined : decodeKeyset(query.cursor, sort, PRODUCT_KEY_CHECKS[sort]);
    const criteria = filterCriteria(query, visibility);
    // Page and facets are independent statements: on a pool they run side by side.
    const [rows, facets] = await Promise.all([
      repo.listProducts({ ...criteria, sort, after, take: query.limit + 1 }),
      query.facets ? repo.productFacets(criteria) : Promise.resolve<Facets | undefined>(undefined),
    ]);
    const page = toPage(rows, query.limit, sort, (r) => r.key, (r) => r.item);
    return facets ? { ...page, facets } : page;
  }

  return {
    // ================================================================ reads

    async listSectors(viewer?: CatalogViewer): Promise<{ data: Sector[] }> {
      return cached(viewer, "sectors", async () => ({ data: await repo.listSectors() }));
    },

    async getSector(idOrSlug: string, viewer?: CatalogViewer): Promise<Sector> {
      return cached(viewer, `sector:${lookupKey(idOrSlug)}`, async () => {
        const sector = await repo.findSector(idOrSlug);
        if (!sector) throw notFound("Sector");
        return sector;
      });
    },

    async listBrands(query: BrandListFilters, viewer?: CatalogViewer): Promise<ListOf<Brand>> {
      const after = query.cursor === undefined ? undefined : decodeKeyset(query.cursor, BRAND_SORT, [isText, isId]);
      return cached(viewer, `brands:${stableKey(query)}`, async () => {
        const rows = await repo.listBrands({ sector: query.sector, q: query.q, after, take: query.limit + 1 });
        return toPage(rows, query.limit, BRAND_SORT, (r) => r.key, (r) => r.item);
      });
    },

    async getBrand(idOrSlug: string, viewer?: CatalogViewer): Promise<Brand> {
      if (seesArchived(viewer)) {
        const brand = await repo.findBrand(idOrSlug);
        if (!brand) throw notFound("Brand");
        return brand;
      }
      return cached(viewer, `brand:${lookupKey(idOrSlug)}`, async () => {
        const brand = await repo.findBrand(idOrSlug);
        if (!brand || brand.status !== "active") throw notFound("Brand");
        return brand;
      });
    },

    /**
     * Products, sort defaulting to relevance with a search query and newest otherwise. Shoppers see
     * active products of active brands; staff may pass `status` (archived/all → 403 for anyone else).
     * With facets=true the counts of the whole filtered list come along.
     */
    async listProducts(query: ProductListFilters, viewer?: CatalogViewer): Promise<ProductList> {
      const visibility = visibilityFor(query.status, viewer);
      return cached(viewer, `products:${stableKey({ ...query, status: visibility })}`, () => loadProductList(query, visibility));
    },

    /** Archived products (or products of archived brands) are 404 for shoppers. */
    async getProduct(idOrSlug: string, viewer?: CatalogViewer): Promise<Product> {
      return cached(viewer, `product:${lookupKey(idOrSlug)}`, async () => {
        const found = await repo.findProduct(idOrSlug);
        if (!found || (!found.visible && !seesArchived(viewer))) throw notFound("Product");
        return found.product;
      });
    },

    /** Hit/miss counts of the catalog cache (for the metrics feature). */
    cacheStats(): CacheStats {
      return cache?.stats() ?? { hits: 0, misses: 0, errors: 0 };
    },
    /** Drops every cached catalog read: for data written behind the service's back (seed script, tests' factories). */
    invalidateCache,

    // ================================================================ admin writes

    async createSector(actor: CatalogActor | undefined, input: SectorCreate, meta: RequestMeta): Promise<Sector> {
      assertAdmin(actor);
      const sector = await write(async (tx, executor) => {
        const values = { name: input.name, description: input.description ?? "", emoji: input.emoji ?? "" };
        const id = await insertWithSlug(tx, "sectors", input.slug, input.name, (slug) => tx.insertSector({ ...values, slug }));
        const created = (await tx.findSector(id))!;
        await record(actor, "catalog.sector.created", { type: "sector", id }, { slug: created.slug, name: created.name }, meta, executor);
        return created;
      });
      await changed("sector", sector.id);
      return sector;
    },

    async updateSector(actor: CatalogActor | undefined, id: string, patch: SectorUpdate, meta: RequestMeta): Promise<Sector> {
      assertAdmin(actor);
      const { sector, didChange } = await write(async (tx, executor) => {
        const before = await tx.lockSector(id);
        if (!before) throw notFound("Sector");
        const changes = changedFields(before, patch);
        const keys = Object.keys(changes) as Array<keyof typeof changes>;
        if (keys.length === 0) return { sector: (await tx.findSector(id))!, didChange: false };
        await assertSlugFree(tx, "sectors", changes.slug, id);
        await tx.updateSector(id, changes);
        const after = (await tx.findSector(id))!;
        await record(actor, "catalog.sector.updated", { type: "sector", id }, { slug: after.slug, before: pick(before, keys), after: changes }, meta, executor);
        return { sector: after, didChange: true };
      });
      if (didChange) await changed("sector", id);
      return sector;
    },

    /** A sector that still has brands (active or archived) is a 409 conflict. */
    async deleteSector(actor: CatalogActor | undefined, id: string, meta: RequestMeta): Promise<void> {
      assertAdmin(actor);
      const hasBrands = (n: number) =>
        new AppError("conflict", `This sector still has ${n} brand${n === 1 ? "" : "s"}; move or delete them first.`);
      try {
        // Not write(): here a foreign key error means "a brand was added meanwhile", not "unknown sector".
        await repo.transaction(async (tx, executor) => {
          const sector = await tx.lockSector(id);
          if (!sector) throw notFound("Sector");
          const brandCount = await tx.brandCountOfSector(id);
          if (brandCount > 0) throw hasBrands(brandCount);
          await tx.delete("sectors", id);
          await record(actor, "catalog.sector.deleted", { type: "sector", id }, { slug: sector.slug, name: sector.name }, meta, executor);
        });
      } catch (err) {
        if (stillReferenced(err)) throw hasBrands(1); // a brand was added meanwhile
        throw err;
      }
      await changed("sector", id);
    },

    async createBrand(actor: CatalogActor | undefined, input: BrandCreate, meta: RequestMeta): Promise<Brand> {
      assertAdmin(actor);
      const brand = await write(async (tx, executor) => {
        if (!(await tx.exists("sectors", input.sectorId))) throw unknownReference("sectorId", "Sector");
        const values = { name: input.name, description: input.description ?? "", sectorId: input.sectorId };
        const id = await insertWithSlug(tx, "brands", input.slug, input.name, (slug) => tx.insertBrand({ ...values, slug }));
        const created = (await tx.findBrand(id))!;
        await record(
          actor,
          "catalog.brand.created",
          { type: "brand", id },
          { slug: created.slug, name: created.name, sectorId: input.sectorId },
          meta,
          executor,
        );
        return created;
      });
      await changed("brand", brand.id);
      return brand;
    },

    async updateBrand(actor: CatalogActor | undefined, id: string, patch: BrandUpdate, meta: RequestMeta): Promise<Brand> {
      assertAdmin(actor);
      const { brand, didChange } = await write(async (tx, executor) => {
        const before = await tx.lockBrand(id);
        if (!before) throw notFound("Brand");
        const changes = changedFields(before, patch);
        const keys = Object.keys(changes) as Array<keyof typeof changes>;
        if (keys.length === 0) return { brand: (await tx.findBrand(id))!, didChange: false };
        if (changes.sectorId !== undefined && !(await tx.exists("sectors", changes.sectorId))) throw unknownReference("sectorId", "Sector");
        await assertSlugFree(tx, "brands", changes.slug, id);
        await tx.updateBrand(id, changes);
        const after = (await tx.findBrand(id))!;
        await record(actor, "catalog.brand.updated", { type: "brand", id }, { slug: after.slug, before: pick(before, keys), after: changes }, meta, executor);
        return { brand: after, didChange: true };
      });
      if (didChange) await changed("brand", id);
      return brand;
    },

    /** A brand that still has products (active or archived) is a 409 conflict. */
    async deleteBrand(actor: CatalogActor | undefined, id: string, meta: RequestMeta): Promise<void> {
      assertAdmin(actor);
      const hasProducts = (n: number) =>
        new AppError("conflict", `This brand still has ${n} product${n === 1 ? "" : "s"}; move or delete them first.`);
      try {
        await repo.transaction(async (tx, executor) => {
          const brand = await tx.lockBrand(id);
          if (!brand) throw notFound("Brand");
          const productCount = await tx.productCountOfBrand(id);
          if (productCount > 0) throw hasProducts(productCount);
          await tx.delete("brands", id);
          await record(actor, "catalog.brand.deleted", { type: "brand", id }, { slug: brand.slug, name: brand.name }, meta, executor);
        });
      } catch (err) {
        if (stillReferenced(err)) throw hasProducts(1); // a product was added meanwhile
        throw err;
      }
      await changed("brand", id);
    },

    async createProduct(actor: CatalogActor | undefined, input: ProductCreate, meta: RequestMeta): Promise<Product> {
      assertAdmin(actor);
      const product = await write(async (tx, executor) => {
        if (!(await tx.exists("brands", input.brandId))) throw unknownReference("brandId", "Brand");
        const values = {
          name: input.name,
          description: input.description ?? "",
          priceCents: input.priceCents,
          currency: input.currency ?? "USD",
          stock: input.stock,
          imageUrl: input.imageUrl ?? "",
          status: input.status ?? "active",
          brandId: input.brandId,
        };
        const id = await insertWithSlug(tx, "products", input.slug, input.name, (slug) => tx.insertProduct({ ...values, slug }));
        const created = (await tx.findProduct(id))!.product;
        await record(
          actor,
          "catalog.product.created",
          { type: "product", id },
          { slug: created.slug, name: created.name, priceCents: created.priceCents, stock: created.stock, brandId: input.brandId },
          meta,
          executor,
        );
        return created;
      });
      await changed("product", product.id);
      return product;
    },

    async updateProduct(actor: CatalogActor | undefined, id: string, patch: ProductUpdate, meta: RequestMeta): Promise<Product> {
      assertAdmin(actor);
      const { product, didChange } = await write(async (tx, executor) => {
        const before = await tx.lockProduct(id);
        if (!before) throw notFound("Product");
        const changes = changedFields<ProductValues>(before, patch);
        const keys = Object.keys(changes) as Array<keyof ProductValues>;
        if (keys.length === 0) return { product: (await tx.findProduct(id))!.product, didChange: false };
        if (changes.brandId !== undefined && !(await tx.exists("brands", changes.brandId))) throw unknownReference("brandId", "Brand");
        await assertSlugFree(tx, "products", changes.slug, id);
        await tx.updateProduct(id, changes);
        const after = (await tx.findProduct(id))!.product;
        await record(actor, "catalog.product.updated", { type: "product", id }, { slug: after.slug, before: pick(before, keys), after: changes }, meta, executor);
        return { product: after, didChange: true };
      });
      if (didChange) await changed("product", id);
      return product;
    },

    /**
     * Deletes a product, or archives it when an order references it (orders keep their lines). Both
     * answer the same (204); the audit trail says which happened.
     */
    async deleteProduct(actor: CatalogActor | undefined, id: string, meta: RequestMeta): Promise<"deleted" | "archived"> {
      assertAdmin(actor);
      const archive = (tx: CatalogQueries, executor: Parameters<AuditService["record"]>[2], product: StoredProduct) =>
        (product.status === "archived" ? Promise.resolve() : tx.archiveProduct(id)).then(() =>
          record(actor, "catalog.product.archived", { type: "product", id }, { slug: product.slug, reason: "referenced by orders" }, meta, executor),
        );
      let outcome: "deleted" | "archived";
      try {
        outcome = await repo.transaction(async (tx, executor) => {
          // The row lock makes a concurrent checkout of this product wait for (and then see) our decision.
          const product = await tx.lockProduct(id);
          if (!product) throw notFound("Product");
          if (await tx.productInOrders(id)) {
            await archive(tx, executor, product);
            return "archived" as const;
          }
          await tx.delete("products", id);
          await record(actor, "catalog.product.deleted", { type: "product", id }, { slug: product.slug, name: product.name }, meta, executor);
          return "deleted" as const;
        });
      } catch (err) {
        if (!stillReferenced(err)) throw err;
        // An order line appeared between the check and the delete: archive after all.
        outcome = await repo.transaction(async (tx, executor) => {
          const product = await tx.lockProduct(id);
          if (!product) throw notFound("Product");
          await archive(tx, executor, product);
          return "archived" as const;
        });
      }
      await changed("product", id);
      return outcome;
    },

    /**
     * Adds delta (may be negative) to a product's stock atomically; a change that would go below zero
     * is 409 out_of_stock and changes nothing.
     */
    async adjustStock(actor: CatalogActor | undefined, id: string, delta: number, meta: RequestMeta): Promise<Product> {
      assertAdmin(actor);
      const product = await write(async (tx, executor) => {
        const result = await tx.adjustStock(id, delta);
        if (!result) {
          const stock = await tx.stockOf(id);
          if (stock === undefined) throw notFound("Product");
          throw new AppError("out_of_stock", `The stock is ${stock}; a change of ${delta} would take it below zero.`, [
            { path: "delta", message: `Must be at least ${-stock}` },
          ]);
        }
        const after = (await tx.findProduct(id))!.product;
        await record(
          actor,
          "catalog.product.stock_adjusted",
          { type: "product", id },
          { slug: after.slug, delta, before: { stock: result.before }, after: { stock: result.after } },
          meta,
          executor,
        );
        return after;
      });
      await changed("product", id);
      return product;
    },

    // ================================================================ CSV

    /**
     * The filtered products (the list's filters; `status` for staff) as records for the CSV export,
     * fetched in keyset batches by slug. The first batch is read before this resolves, so a bad
     * request or a database failure is still an ordinary error response.
     */
    async exportProducts(actor: CatalogActor | undefined, query: ProductExportFilters): Promise<AsyncIterable<ProductCsvRecord>> {
      assertAdmin(actor);
      const criteria = filterCriteria(query, visibilityFor(query.status, actor));
      let batch = await repo.exportProducts(criteria, undefined, EXPORT_BATCH);
      return (async function* () {
        for (;;) {
          yield* batch;
          if (batch.length < EXPORT_BATCH) return;
          batch = await repo.exportProducts(criteria, batch.at(-1)!.slug, EXPORT_BATCH);
        }
      })();
    },

    /**
     * Creates or updates products from CSV, matched by slug. `dry-run` reports what `apply` would do
     * and every row error; `apply` with any row error is 422 import_failed and writes nothing,
     * otherwise it writes every row in one transaction and records one audit entry.
     */
    async importProducts(actor: CatalogActor | undefined, csv: string, mode: ProductImportMode, meta: RequestMeta): Promise<ProductImportResult> {
      assertAdmin(actor);
      const parsed = parseProductCsv(csv);

      /** Resolves brands, checks rows against stored products, and says what would change. */
      const plan = async (tx: CatalogQueries) => {
        const errors: ProductImportRowError[] = [...parsed.errors];
        const brandIds = await tx.brandIdsBySlug(parsed.valid.map((r) => r.data.brandSlug));
        const existing = await tx.productsBySlug(parsed.valid.map((r) => r.data.slug));
        const creates: ProductValues[] = [];
        const updates: ProductValues[] = [];
        for (const row of parsed.valid) {
          const brandId = brandIds.get(row.data.brandSlug);
          if (!brandId) {
            errors.push({ row: row.row, column: "brandSlug", message: `No brand has the slug "${row.data.brandSlug}"` });
            continue;
          }
          const stored = existing.get(row.data.slug);
          const values = importedValues(row, brandId, stored);
          if (!stored) creates.push(values);
          else if (!sameProduct(stored, values)) updates.push(values);
        }
        errors.sort((a, b) => a.row - b.row);
        return { errors, creates, updates };
      };

      if (mode === "dry-run") {
        const { errors, creates, updates } = await plan(repo);
        return { mode, rows: parsed.rows, created: creates.length, updated: updates.length, errors };
      }

      const { created, updated } = await write(async (tx, executor) => {
        const { errors, creates, updates } = await plan(tx);
        if (errors.length > 0) {
          throw new AppError(
            "import_failed",
            `${new Set(errors.map((e) => e.row)).size} of ${parsed.rows} rows have errors; nothing was imported.`,
            rowErrorsAsDetails(errors),
          );
        }
        const counts = await tx.upsertProducts([...creates, ...updates]);
        await record(actor, "catalog.products.imported", { type: "products", id: "*" }, { rows: parsed.rows, ...counts }, meta, executor);
        return counts;
      });
      if (created + updated > 0) await changed("product", "*");
      return { mode, rows: parsed.rows, created, updated, errors: [] };
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
