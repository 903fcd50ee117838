import type { Brand, BrandCreate, BrandUpdate, Product, ProductCreate, ProductUpdate, Sector, SectorCreate, SectorUpdate } from "@shared/contracts/catalog";
import type { TxScope } from "../../db";
import { AppError, notFound } from "../../lib/app-error";
import type { RequestMeta } from "../audit/audit.service";
import { assertAdmin, type CatalogActor } from "./catalog-access";
import type { CatalogCache } from "./catalog-cache";
import type { CatalogTable } from "./catalog-sql";
import { slugTaken, stillReferenced, unknownReference, type CatalogWriter } from "./catalog-writer";
import type { CatalogRepo } from "./catalog.repo";
import { productDraft, type ProductValues, type StoredProduct } from "./product.mapper";
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

/**
 * The admin writes of sectors, brands and products (create, update, delete, stock adjustment): each one
 * transaction with its audit row; after commit, the cache is dropped and `catalog.changed` published.
 */
export function createCatalogWrites(repo: CatalogRepo, { write, record }: CatalogWriter, { changed }: Pick<CatalogCache, "changed">) {
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

  return {
    async createSector(actor: CatalogActor | undefined, input: SectorCreate, meta: RequestMeta): Promise<Sector> {
      assertAdmin(actor);
      const sector = await write(async (tx) => {
        const values = { name: input.name, description: input.description ?? "", emoji: input.emoji ?? "" };
        const id = await insertWithSlug("sectors", input.slug, input.name, (slug) => repo.insertSector({ ...values, slug }, tx), tx);
        const created = (await repo.findSector(id, tx))!;
        await record(actor, "catalog.sector.created", { type: "sector", id }, { slug: created.slug, name: created.name }, meta, tx);
        return created;
      });
      await changed("sector", sector.id);
      return sector;
    },

    async updateSector(actor: CatalogActor | undefined, id: string, patch: SectorUpdate, meta: RequestMeta): Promise<Sector> {
      assertAdmin(actor);
      const { sector, didChange } = await write(async (tx) => {
        const before = await repo.lockSector(id, tx);
        if (!before) throw notFound("Sector");
        const changes = changedFields(before, patch);
        const keys = Object.keys(changes) as Array<keyof typeof changes>;
        if (keys.length === 0) return { sector: (await repo.findSector(id, tx))!, didChange: false };
        await assertSlugFree("sectors", changes.slug, id, tx);
        await repo.updateSector(id, changes, tx);
        const after = (await repo.findSector(id, tx))!;
        await record(actor, "catalog.sector.updated", { type: "sector", id }, { slug: after.slug, before: pick(before, keys), after: changes }, meta, tx);
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
        await repo.transaction(async (tx) => {
          const sector = await repo.lockSector(id, tx);
          if (!sector) throw notFound("Sector");
          const brandCount = await repo.brandCountOfSector(id, tx);
          if (brandCount > 0) throw hasBrands(brandCount);
          await repo.delete("sectors", id, tx);
          await record(actor, "catalog.sector.deleted", { type: "sector", id }, { slug: sector.slug, name: sector.name }, meta, tx);
        });
      } catch (err) {
        if (stillReferenced(err)) throw hasBrands(1); // a brand was added meanwhile
        throw err;
      }
      await changed("sector", id);
    },

    async createBrand(actor: CatalogActor | undefined, input: BrandCreate, meta: RequestMeta): Promise<Brand> {
      assertAdmin(actor);
      const brand = await write(async (tx) => {
        if (!(await repo.exists("sectors", input.sectorId, tx))) throw unknownReference("sectorId", "Sector");
        const values = { name: input.name, description: input.description ?? "", sectorId: input.sectorId };
        const id = await insertWithSlug("brands", input.slug, input.name, (slug) => repo.insertBrand({ ...values, slug }, tx), tx);
        const created = (await repo.findBrand(id, tx))!;
        await record(
          actor,
          "catalog.brand.created",
          { type: "brand", id },
          { slug: created.slug, name: created.name, sectorId: input.sectorId },
          meta,
          tx,
        );
        return created;
      });
      await changed("brand", brand.id);
      return brand;
    },

    async updateBrand(actor: CatalogActor | undefined, id: string, patch: BrandUpdate, meta: RequestMeta): Promise<Brand> {
      assertAdmin(actor);
      const { brand, didChange } = await write(async (tx) => {
        const before = await repo.lockBrand(id, tx);
        if (!before) throw notFound("Brand");
        const changes = changedFields(before, patch);
        const keys = Object.keys(changes) as Array<keyof typeof changes>;
        if (keys.length === 0) return { brand: (await repo.findBrand(id, tx))!, didChange: false };
        if (changes.sectorId !== undefined && !(await repo.exists("sectors", changes.sectorId, tx))) throw unknownReference("sectorId", "Sector");
        await assertSlugFree("brands", changes.slug, id, tx);
        await repo.updateBrand(id, changes, tx);
        const after = (await repo.findBrand(id, tx))!;
        await record(actor, "catalog.brand.updated", { type: "brand", id }, { slug: after.slug, before: pick(before, keys), after: changes }, meta, tx);
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
        await repo.transaction(async (tx) => {
          const brand = await repo.lockBrand(id, tx);
          if (!brand) throw notFound("Brand");
          const productCount = await repo.productCountOfBrand(id, tx);
          if (productCount > 0) throw hasProducts(productCount);
          await repo.delete("brands", id, tx);
          await record(actor, "catalog.brand.deleted", { type: "brand", id }, { slug: brand.slug, name: brand.name }, meta, tx);
        });
      } catch (err) {
        if (stillReferenced(err)) throw hasProducts(1); // a product was added meanwhile
        throw err;
      }
      await changed("brand", id);
    },

    async createProduct(actor: CatalogActor | undefined, input: ProductCreate, meta: RequestMeta): Promise<Product> {
      assertAdmin(actor);
      const product = await write(async (tx) => {
        if (!(await repo.exists("brands", input.brandId, tx))) throw unknownReference("brandId", "Brand");
        const id = await insertWithSlug("products", input.slug, input.name, (slug) => repo.insertProduct(productDraft(input, slug), tx), tx);
        const created = (await repo.findProduct(id, tx))!.product;
        await record(
          actor,
          "catalog.product.created",
          { type: "product", id },
          { slug: created.slug, name: created.name, priceCents: created.priceCents, stock: created.stock, brandId: input.brandId },
          meta,
          tx,
        );
        return created;
      });
      await changed("product", product.id);
      return product;
    },

    async updateProduct(actor: CatalogActor | undefined, id: string, patch: ProductUpdate, meta: RequestMeta): Promise<Product> {
      assertAdmin(actor);
      const { product, didChange } = await write(async (tx) => {
        const before = await repo.lockProduct(id, tx);
        if (!before) throw notFound("Product");
        const changes = changedFields<ProductValues>(before, patch);
        const keys = Object.keys(changes) as Array<keyof ProductValues>;
        if (keys.length === 0) return { product: (await repo.findProduct(id, tx))!.product, didChange: false };
        if (changes.brandId !== undefined && !(await repo.exists("brands", changes.brandId, tx))) throw unknownReference("brandId", "Brand");
        await assertSlugFree("products", changes.slug, id, tx);
        await repo.updateProduct(id, changes, tx);
        const after = (await repo.findProduct(id, tx))!.product;
        await record(actor, "catalog.product.updated", { type: "product", id }, { slug: after.slug, before: pick(before, keys), after: changes }, meta, tx);
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
      const archive = async (product: StoredProduct, tx: TxScope) => {
        if (product.status !== "archived") await repo.archiveProduct(id, tx);
        await record(actor, "catalog.product.archived", { type: "product", id }, { slug: product.slug, reason: "referenced by orders" }, meta, tx);
      };
      let outcome: "deleted" | "archived";
      try {
        outcome = await repo.transaction(async (tx) => {
          // The row lock makes a concurrent checkout of this product wait for (and then see) our decision.
          const product = await repo.lockProduct(id, tx);
          if (!product) throw notFound("Product");
          if (await repo.productInOrders(id, tx)) {
            await archive(product, tx);
            return "archived" as const;
          }
          await repo.delete("products", id, tx);
          await record(actor, "catalog.product.deleted", { type: "product", id }, { slug: product.slug, name: product.name }, meta, tx);
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
     * Adds delta (may be negative) to a product's stock atomically; a change that would go below zero
     * is 409 out_of_stock and changes nothing.
     */
    async adjustStock(actor: CatalogActor | undefined, id: string, delta: number, meta: RequestMeta): Promise<Product> {
      assertAdmin(actor);
      const product = await write(async (tx) => {
        const result = await repo.adjustStock(id, delta, tx);
        if (!result) {
          const stock = await repo.stockOf(id, tx);
          if (stock === undefined) throw notFound("Product");
          throw new AppError("out_of_stock", `The stock is ${stock}; a change of ${delta} would take it below zero.`, [
            { path: "delta", message: `Must be at least ${-stock}` },
          ]);
        }
        const after = (await repo.findProduct(id, tx))!.product;
        await record(
          actor,
          "catalog.product.stock_adjusted",
          { type: "product", id },
          { slug: after.slug, delta, before: { stock: result.before }, after: { stock: result.after } },
          meta,
          tx,
        );
        return after;
      });
      await changed("product", id);
      return product;
    },
  };
}
