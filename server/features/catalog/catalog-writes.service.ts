import type { Brand, BrandCreate, BrandUpdate, Product, ProductCreate, ProductUpdate, Sector, SectorCreate, SectorUpdate } from "@shared/contracts/catalog";
import type { TxScope } from "../../db";
import { AppError, notFound } from "../../lib/app-error";
import { assertVersion, type IfMatch } from "../../lib/versioning";
import type { RequestMeta } from "../audit/audit.service";
import { assertAdmin, type CatalogActor } from "./catalog-access";
import type { CatalogCache, CatalogEntity } from "./catalog-cache";
import type { CatalogTable } from "./catalog-sql";
import { slugTaken, stillReferenced, unknownReference, type CatalogWriter } from "./catalog-writer";
import type { CatalogRepo } from "./catalog.repo";
import { productDraft, type StoredProduct } from "./product.mapper";
import { resolveVariantWrite, sameVariants } from "./product-variants";
import type { StoredBrand, StoredSector } from "./taxonomy.repo";
import { nextFreeSlug, slugify } from "./slugify";

/** Attempts at a generated slug when concurrent creates keep taking the chosen one. */
const SLUG_ATTEMPTS = 5;

/** The fields of `patch` whose value differs from `before` (undefined fields are not part of a PATCH). */
function changedFields<T extends object>(before: T, patch: Partial<T>): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(patch) as Array<keyof T>) {
    if (patch[key] !== undefined && patch[key] !== before[key]) changes[key] = patch[key];
  }
  return changes;
}
const pick = <T extends object>(source: T, keys: Array<keyof T>) => Object.fromEntries(keys.map((k) => [k, source[k]]));

/** A catalog object type as the shared update and delete flows handle it. */
interface ObjectKind<Stored, Json> {
  entity: CatalogEntity;
  table: CatalogTable;
  /** For "<label> not found". */
  label: string;
  /** The row under FOR UPDATE, with the version If-Match is checked against. */
  lock(id: string, tx: TxScope): Promise<(Stored & { version: number }) | undefined>;
  find(id: string, tx: TxScope): Promise<Json>;
  update(id: string, changes: Partial<Stored>, tx: TxScope): Promise<void>;
  /** Throws when a change points at something that does not exist. */
  checkReferences?(changes: Partial<Stored>, tx: TxScope): Promise<void>;
  /** What must be gone before a delete (sectors: brands; brands: products). */
  children?: { noun: string; count(id: string, tx: TxScope): Promise<number> };
}

/**
 * The admin writes of sectors, brands and products (create, update, delete, stock adjustment): each one
 * transaction with its audit row; after commit, the cache is dropped and `catalog.changed` published.
 */
export function createCatalogWrites(repo: CatalogRepo, writer: CatalogWriter, { changed }: Pick<CatalogCache, "changed">) {
  const { write, record, announce, replaceVariants } = writer;
  /**
   * Inserts with the explicit slug (taken → 409 slug_taken) or one generated from the name, moving on
   * to the next free -2, -3 … when a concurrent create took it (ON CONFLICT DO NOTHING tells, so the
   * transaction stays usable).
   */
  async function insertWithSlug(
    table: CatalogTable,
    explicit: string | undefined,
    name: string,
    insert: (slug: string) => Promise<string | undefined>,
    tx: TxScope,
  ): Promise<string> {
    if (explicit !== undefined) {
      const id = await insert(explicit);
      if (!id) throw slugTaken();
      return id;
    }
    const base = slugify(name, table.slice(0, -1));
    for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
      const id = await insert(nextFreeSlug(base, await repo.takenSlugs(table, base, tx)));
      if (id) return id;
    }
    throw slugTaken();
  }

  async function assertSlugFree(table: CatalogTable, slug: string | undefined, id: string, tx: TxScope) {
    if (slug !== undefined && (await repo.slugTakenByOther(table, slug, id, tx))) throw slugTaken();
  }

  /** The references a change points at must exist (400 validation_failed otherwise). */
  const referenced = (table: "sectors" | "brands", path: "sectorId" | "brandId", label: string) => async (id: string | undefined, tx: TxScope) => {
    if (id !== undefined && !(await repo.exists(table, id, tx))) throw unknownReference(path, label);
  };
  const sectorExists = referenced("sectors", "sectorId", "Sector");
  const brandExists = referenced("brands", "brandId", "Brand");

  const sectorKind: ObjectKind<StoredSector, Sector> = {
    entity: "sector",
    table: "sectors",
    label: "Sector",
    lock: repo.lockSector,
    find: async (id, tx) => (await repo.findSector(id, tx))!,
    update: repo.updateSector,
    children: { noun: "brand", count: repo.brandCountOfSector },
  };
  const brandKind: ObjectKind<StoredBrand, Brand> = {
    entity: "brand",
    table: "brands",
    label: "Brand",
    lock: repo.lockBrand,
    find: async (id, tx) => (await repo.findBrand(id, tx))!,
    update: repo.updateBrand,
    checkReferences: (changes, tx) => sectorExists(changes.sectorId, tx),
    children: { noun: "product", count: repo.productCountOfBrand },
  };
  const productKind: ObjectKind<StoredProduct, Product> = {
    entity: "product",
    table: "products",
    label: "Product",
    lock: repo.lockProduct,
    find: async (id, tx) => (await repo.findProduct(id, tx))!.product,
    update: repo.updateProduct,
    checkReferences: (changes, tx) => brandExists(changes.brandId, tx),
  };

  /** Create: the references must exist, the slug is the given one or one generated from the name (insertWithSlug). */
  async function createObject<Stored, Json extends { id: string; slug: string; name: string }>(
    kind: ObjectKind<Stored, Json>,
    actor: CatalogActor | undefined,
    input: Partial<Stored> & { name: string; slug?: string },
    insert: (slug: string, tx: TxScope) => Promise<string | undefined>,
    summary: (created: Json) => Record<string, unknown>,
    meta: RequestMeta,
  ): Promise<Json> {
    assertAdmin(actor);
    const created = await write(async (tx) => {
      await kind.checkReferences?.(input, tx);
      const id = await insertWithSlug(kind.table, input.slug, input.name, (slug) => insert(slug, tx), tx);
      const row = await kind.find(id, tx);
      await record(actor, `catalog.${kind.entity}.created`, { type: kind.entity, id }, { slug: row.slug, name: row.name, ...summary(row) }, meta, tx);
      if (kind.entity === "product") await announce("product.created", row, tx);
      return row;
    });
    await changed(kind.entity, created.id);
    return created;
  }

  /** PATCH: only the fields that differ are written and audited; no difference, no write and no event. */
  async function updateObject<Stored extends { slug: string }, Json extends { slug: string }>(
    kind: ObjectKind<Stored, Json>,
    actor: CatalogActor | undefined,
    id: string,
    patch: Partial<Stored>,
    meta: RequestMeta,
    ifMatch: IfMatch,
  ): Promise<Json> {
    assertAdmin(actor);
    const { after, didChange } = await write(async (tx) => {
      const before = await kind.lock(id, tx);
      if (!before) throw notFound(kind.label);
      assertVersion(ifMatch, before.version, kind.label);
      const changes = changedFields(before, patch);
      const keys = Object.keys(changes) as Array<keyof Stored>;
      if (keys.length === 0) return { after: await kind.find(id, tx), didChange: false };
      await kind.checkReferences?.(changes, tx);
      await assertSlugFree(kind.table, changes.slug, id, tx);
      await kind.update(id, changes, tx);
      const updated = await kind.find(id, tx);
      await record(
        actor,
        `catalog.${kind.entity}.updated`,
        { type: kind.entity, id },
        { slug: updated.slug, before: pick(before, keys), after: changes },
        meta,
        tx,
      );
      if (kind.entity === "product") await announce("product.updated", updated, tx);
      return { after: updated, didChange: true };
    });
    if (didChange) await changed(kind.entity, id);
    return after;
  }

  /** Deletes a sector or brand; one that still has children (active or archived) is a 409 conflict. */
  async function deleteChildless<Stored extends { slug: string; name: string }, Json>(
    kind: ObjectKind<Stored, Json>,
    actor: CatalogActor | undefined,
    id: string,
    meta: RequestMeta,
    ifMatch: IfMatch,
  ): Promise<void> {
    assertAdmin(actor);
    const children = kind.children!;
    const stillHas = (n: number) =>
      new AppError("conflict", `This ${kind.entity} still has ${n} ${children.noun}${n === 1 ? "" : "s"}; move or delete them first.`);
    try {
      // Not write(): here a foreign key error means "a child was added meanwhile", not "unknown reference".
      await repo.transaction(async (tx) => {
        const row = await kind.lock(id, tx);
        if (!row) throw notFound(kind.label);
        assertVersion(ifMatch, row.version, kind.label);
        const count = await children.count(id, tx);
        if (count > 0) throw stillHas(count);
        await repo.delete(kind.table, id, tx);
        await record(actor, `catalog.${kind.entity}.deleted`, { type: kind.entity, id }, { slug: row.slug, name: row.name }, meta, tx);
      });
    } catch (err) {
      if (stillReferenced(err)) throw stillHas(1); // a child was added meanwhile
      throw err;
    }
    await changed(kind.entity, id);
  }

  /**
   * A product PATCH that touches options, variants, price or stock (issue 12): the product row is locked first
   * (then its variants: the lock order checkout uses), the variant list rewritten only when it differs.
   */
  async function updateVariants(
    actor: CatalogActor | undefined,
    id: string,
    plain: Partial<StoredProduct>,
    variantInput: Parameters<typeof resolveVariantWrite>[2],
    meta: RequestMeta,
    ifMatch: IfMatch,
  ): Promise<Product> {
    assertAdmin(actor);
    const { after, didChange } = await write(async (tx) => {
      const before = await repo.lockProduct(id, tx);
      if (!before) throw notFound("Product");
      assertVersion(ifMatch, before.version, "Product");
      const changes = changedFields(before, plain);
      const keys = Object.keys(changes) as Array<keyof StoredProduct>;
      await productKind.checkReferences!(changes, tx);
      await assertSlugFree("products", changes.slug, id, tx);
      const next = resolveVariantWrite(changes.slug ?? before.slug, before, variantInput)!;
      const variantsChanged = !sameVariants(before, next);
      if (keys.length === 0 && !variantsChanged) return { after: await productKind.find(id, tx), didChange: false };
      if (keys.length) await repo.updateProduct(id, changes, tx);
      if (variantsChanged) await replaceVariants(id, next.options, next.variants, tx);
      const updated = await productKind.find(id, tx);
      // The audit names what the admin changed: the variant list when it was sent, the product's price and stock as they moved.
      const listSent = variantInput.variants !== undefined || variantInput.options !== undefined;
      const variantAudit = (v: { options: unknown; variants: unknown }) => (variantsChanged && listSent ? { options: v.options, variants: v.variants } : {});
      const totals = (["priceCents", "stock"] as const).filter((k) => before[k] !== updated[k]);
      await record(
        actor,
        "catalog.product.updated",
        { type: "product", id },
        {
          slug: updated.slug,
          before: { ...pick(before, keys), ...pick(before, [...totals]), ...variantAudit(before) },
          after: { ...changes, ...pick(updated, [...totals]), ...variantAudit(next) },
        },
        meta,
        tx,
      );
      await announce("product.updated", updated, tx);
      return { after: updated, didChange: true };
    });
    if (didChange) await changed("product", id);
    return after;
  }

  return {
    createSector: (actor: CatalogActor | undefined, input: SectorCreate, meta: RequestMeta): Promise<Sector> =>
      createObject(
        sectorKind,
        actor,
        input,
        (slug, tx) => repo.insertSector({ name: input.name, description: input.description ?? "", emoji: input.emoji ?? "", slug }, tx),
        () => ({}),
        meta,
      ),
    updateSector: (actor: CatalogActor | undefined, id: string, patch: SectorUpdate, meta: RequestMeta, ifMatch?: IfMatch): Promise<Sector> =>
      updateObject(sectorKind, actor, id, patch, meta, ifMatch),

    /** A sector that still has brands (active or archived) is a 409 conflict. */
    deleteSector: (actor: CatalogActor | undefined, id: string, meta: RequestMeta, ifMatch?: IfMatch): Promise<void> =>
      deleteChildless(sectorKind, actor, id, meta, ifMatch),
    createBrand: (actor: CatalogActor | undefined, input: BrandCreate, meta: RequestMeta): Promise<Brand> =>
      createObject(
        brandKind,
        actor,
        input,
        (slug, tx) => repo.insertBrand({ name: input.name, description: input.description ?? "", sectorId: input.sectorId, slug }, tx),
        () => ({ sectorId: input.sectorId }),
        meta,
      ),
    updateBrand: (actor: CatalogActor | undefined, id: string, patch: BrandUpdate, meta: RequestMeta, ifMatch?: IfMatch): Promise<Brand> =>
      updateObject(brandKind, actor, id, patch, meta, ifMatch),

    /** A brand that still has products (active or archived) is a 409 conflict. */
    deleteBrand: (actor: CatalogActor | undefined, id: string, meta: RequestMeta, ifMatch?: IfMatch): Promise<void> =>
      deleteChildless(brandKind, actor, id, meta, ifMatch),

    /** Without `variants` the insert trigger gives the product its default variant; with them, they replace it. */
    createProduct: (actor: CatalogActor | undefined, input: ProductCreate, meta: RequestMeta): Promise<Product> =>
      createObject(
        productKind,
        actor,
        { name: input.name, slug: input.slug, brandId: input.brandId },
        async (slug, tx) => {
          const next = input.variants ? resolveVariantWrite(slug, undefined, input) : undefined;
          const prices = next?.variants.map((v) => v.priceCents) ?? [];
          const priceCents = input.priceCents ?? Math.min(...prices);
          const stock = input.stock ?? next!.variants.reduce((sum, v) => sum + v.stock, 0);
          const id = await repo.insertProduct(productDraft({ ...input, priceCents, stock }, slug), tx);
          if (id && next) await replaceVariants(id, next.options, next.variants, tx);
          return id;
        },
        (created) => ({ priceCents: created.priceCents, stock: created.stock, brandId: input.brandId, variants: created.variants.length }),
        meta,
      ),

    /** Plain fields go through the shared PATCH flow; options, variants, price and stock through updateVariants. */
    updateProduct: (actor: CatalogActor | undefined, id: string, patch: ProductUpdate, meta: RequestMeta, ifMatch?: IfMatch): Promise<Product> => {
      const { options, variants, priceCents, stock, ...plain } = patch;
      if (options === undefined && variants === undefined && priceCents === undefined && stock === undefined)
        return updateObject(productKind, actor, id, plain as Partial<StoredProduct>, meta, ifMatch);
      return updateVariants(actor, id, plain as Partial<StoredProduct>, { options, variants, priceCents, stock }, meta, ifMatch);
    },

    /**
     * Deletes a product, or archives it when an order references it (orders keep their lines). Both
     * answer the same (204); the audit trail says which happened.
     */
    async deleteProduct(actor: CatalogActor | undefined, id: string, meta: RequestMeta, ifMatch?: IfMatch): Promise<"deleted" | "archived"> {
      assertAdmin(actor);
      const archive = async (product: StoredProduct, tx: TxScope) => {
        if (product.status !== "archived") await repo.archiveProduct(id, tx);
        await record(actor, "catalog.product.archived", { type: "product", id }, { slug: product.slug, reason: "referenced by orders" }, meta, tx);
        // Archived, not gone: receivers see the product with its new status.
        if (product.status !== "archived") await announce("product.updated", async () => (await repo.findProduct(id, tx))!.product, tx);
      };
      let outcome: "deleted" | "archived";
      try {
        outcome = await repo.transaction(async (tx) => {
          // The row lock makes a concurrent checkout of this product wait for (and then see) our decision.
          const product = await repo.lockProduct(id, tx);
          if (!product) throw notFound("Product");
          assertVersion(ifMatch, product.version, "Product");
          if (await repo.productInOrders(id, tx)) {
            await archive(product, tx);
            return "archived" as const;
          }
          await repo.delete("products", id, tx);
          await record(actor, "catalog.product.deleted", { type: "product", id }, { slug: product.slug, name: product.name }, meta, tx);
          await announce("product.deleted", { id, slug: product.slug, name: product.name }, tx);
          return "deleted" as const;
        });
      } catch (err) {
        if (!stillReferenced(err)) throw err;
        // An order line appeared between the check and the delete: archive after all.
        outcome = await repo.transaction(async (tx) => {
          const product = await repo.lockProduct(id, tx);
          if (!product) throw notFound("Product");
          await archive(product, tx);
          return "archived" as const;
        });
      }
      await changed("product", id);
      return outcome;
    },

    /**
     * Adds delta (may be negative) to the stock of a product's one variant (a product with options: 409
     * conflict, name the variant instead) or of the named variant, atomically; a change that would go below
     * zero is 409 out_of_stock and changes nothing.
     */
    async adjustStock(actor: CatalogActor | undefined, id: string, delta: number, meta: RequestMeta, variantId?: string): Promise<Product> {
      assertAdmin(actor);
      const product = await write(async (tx) => {
        let target = variantId;
        if (target === undefined) {
          const stored = await repo.findProduct(id, tx);
          if (!stored) throw notFound("Product");
          if (stored.product.variants.length !== 1)
            throw new AppError(
              "conflict",
              "This product has several variants: adjust the stock of one of them (POST /products/:id/variants/:variantId/stock).",
            );
          target = stored.product.variants[0]!.id;
        }
        const result = await repo.adjustVariantStock(id, target, delta, tx);
        if (!result) {
          const stock = await repo.variantStockOf(id, target, tx);
          if (stock === undefined) throw notFound(variantId ? "Variant" : "Product");
          throw new AppError("out_of_stock", `The stock is ${stock}; a change of ${delta} would take it below zero.`, [
            { path: "delta", message: `Must be at least ${-stock}` },
          ]);
        }
        const after = (await repo.findProduct(id, tx))!.product;
        const sku = after.variants.find((v) => v.id === target)?.sku;
        await record(
          actor,
          "catalog.product.stock_adjusted",
          { type: "product", id },
          { slug: after.slug, ...(variantId ? { variantId, sku } : {}), delta, before: { stock: result.before }, after: { stock: result.after } },
          meta,
          tx,
        );
        await announce("product.updated", after, tx);
        return after;
      });
      await changed("product", id);
      return product;
    },
  };
}
