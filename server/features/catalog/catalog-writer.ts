import type { CatalogAuditAction } from "@shared/contracts/catalog";
import type { TxScope } from "../../db";
import { databaseErrorOf } from "../../db/errors";
import { AppError } from "../../lib/app-error";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import type { ProductOption } from "@shared/contracts/variants";
import type { CatalogActor } from "./catalog-access";
import type { CatalogEntity } from "./catalog-cache";
import type { CatalogRepo } from "./catalog.repo";
import { skuTaken } from "./product-variants";
import type { VariantRow } from "./variants.repo";

/** What every catalog write shares: its transaction, the database errors a race can still cause, its audit row. */

export const slugTaken = () => new AppError("slug_taken", "This slug is already in use.", [{ path: "slug", message: "Already taken" }]);
export const unknownReference = (path: "brandId" | "sectorId", what: string) =>
  new AppError("validation_failed", `No ${what.toLowerCase()} has this id.`, [{ path, message: `Unknown ${what.toLowerCase()}` }]);

/** Database errors a write can still meet after its own checks (a concurrent write won the race). */
function translateWriteError(err: unknown): never {
  const { code, constraint } = databaseErrorOf(err);
  if (code === "23505" && constraint?.endsWith("_slug_unique")) throw slugTaken();
  if (code === "23505" && constraint === "product_variants_sku_unique") throw skuTaken();
  if (code === "23503" && constraint === "products_brand_id_brands_id_fk") throw unknownReference("brandId", "Brand");
  if (code === "23503" && constraint === "brands_sector_id_sectors_id_fk") throw unknownReference("sectorId", "Sector");
  throw err;
}
/** ON DELETE RESTRICT (23001) or a plain foreign key (23503): something still references the row. */
export const stillReferenced = (err: unknown) => ["23001", "23503"].includes(databaseErrorOf(err).code ?? "");

export type ProductEventType = "product.created" | "product.updated" | "product.deleted";

/** Outgoing webhooks as the catalog uses them (the webhooks service; its tables stay its own). */
export interface ProductWebhooks {
  /** Records deliveries of the event to subscribed endpoints inside `tx`: a rolled-back write announces nothing. */
  dispatch(type: ProductEventType, data: unknown, options: { tx?: TxScope }): Promise<number>;
  /** Whether any enabled endpoint wants the event (bulk writes skip building payloads nobody receives). */
  hasSubscribers(type: ProductEventType, tx?: TxScope): Promise<boolean>;
}

/**
 * What another feature must do inside a write whose product options changed (the media feature drops picture
 * bindings to option values that no longer exist, ADR 068); the catalog does not know its tables.
 */
export type OptionsChanged = (productId: string, options: readonly ProductOption[], tx: TxScope) => Promise<void>;

/** Without an audit service (read-only tools build the service from a repository alone) writes refuse to run. */
export function createCatalogWriter(
  repo: Pick<CatalogRepo, "transaction" | "replaceVariants">,
  audit: AuditService | undefined,
  webhooks?: ProductWebhooks,
  optionsChanged?: OptionsChanged,
) {
  return {
    /** Rewrites a product's options and variants, and tells the listener in the same transaction. */
    async replaceVariants(productId: string, options: ProductOption[], rows: VariantRow[], tx: TxScope): Promise<void> {
      await repo.replaceVariants(productId, options, rows, tx);
      await optionsChanged?.(productId, options, tx);
    },

    /**
     * The product.* webhook event of a write, in its transaction (none without the webhooks service). `data` may be
     * a function that reads it, so writes that need an extra read for the payload skip it when nothing listens.
     */
    async announce(type: ProductEventType, data: unknown, tx: TxScope): Promise<void> {
      if (!webhooks) return;
      await webhooks.dispatch(type, typeof data === "function" ? await (data as () => Promise<unknown>)() : data, { tx });
    },

    /** Whether bulk writes need to build product.* payloads at all. */
    async announcing(type: ProductEventType, tx: TxScope): Promise<boolean> {
      return webhooks ? webhooks.hasSubscribers(type, tx) : false;
    },

    /** Runs a write transaction, mapping the database errors a race can still cause. */
    async write<T>(fn: (tx: TxScope) => Promise<T>): Promise<T> {
      try {
        return await repo.transaction(fn);
      } catch (err) {
        if (err instanceof AppError) throw err;
        translateWriteError(err);
      }
    },

    /** The write's audit row, in its transaction. */
    record(
      actor: CatalogActor,
      action: CatalogAuditAction,
      target: { type: CatalogEntity | "products"; id: string } | null,
      summary: Record<string, unknown>,
      meta: RequestMeta,
      tx: TxScope | undefined,
    ): Promise<void> {
      if (!audit) throw new Error("catalog writes need the audit service");
      return audit.record({ actor: { id: actor.id, email: actor.email }, action, target, summary }, meta, tx);
    },
  };
}
export type CatalogWriter = ReturnType<typeof createCatalogWriter>;
