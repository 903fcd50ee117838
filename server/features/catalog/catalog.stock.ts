import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { brands, products, productVariants, type ProductStatus } from "@shared/schema";
import { executorOf, type Db, type TxScope } from "../../db";
import { productImagePath } from "./product-image";
import { variantsJsonOf } from "./variants.repo";

/**
 * The catalog feature's stock API, used by orders (checkout, cancellation, the cart quote).
 * Kept apart from catalog.repo.ts so the order code and the catalog admin code evolve without
 * stepping on each other; it is still the catalog feature's code: the only other place that
 * touches the products table.
 *
 * Writes take the caller's transaction (`tx`, last, as every repo method does: ADR 013) so the stock
 * change commits or rolls back together with the order rows; reads default to the database.
 */

export interface OrderableProduct {
  id: string;
  slug: string;
  name: string;
  /** The variant a cart line resolves to: its price, stock, SKU and option values (issue 12). */
  variantId: string;
  sku: string;
  optionValues: Record<string, string>;
  priceCents: number;
  currency: string;
  stock: number;
  imageUrl: string;
  status: ProductStatus;
  brandStatus: ProductStatus;
}

/** What a cart line names: a product, and the variant unless the product has only one. */
export interface LineRef {
  productId: string;
  variantId?: string;
}
/** A cart line resolved: the variant to sell, or why there is none. */
export type ResolvedLine = OrderableProduct | { problem: "not_found" | "variant_required"; name?: string };

export interface StockLine {
  productId: string;
  /** Null for an order line whose variant has since been removed: there is nothing to give its units back to. */
  variantId: string | null;
  quantity: number;
}

/** Shoppers may buy a product only when it and its brand are active. */
export const isOrderable = (p: Pick<OrderableProduct, "status" | "brandStatus">) => p.status === "active" && p.brandStatus === "active";

/**
 * Sorted by product id, then variant id: every transaction takes its row locks in the same order (a product's
 * row before its variants', as the admin's variant writes do), so none can deadlock.
 */
const keyOfLine = (l: StockLine) => `${l.productId}/${l.variantId ?? ""}`;
const inLockOrder = (lines: readonly StockLine[]) => [...lines].sort((a, b) => (keyOfLine(a) < keyOfLine(b) ? -1 : keyOfLine(a) > keyOfLine(b) ? 1 : 0));

export function createCatalogStock(db: Db) {
  return {
    /** Each product's total stock over its variants (kept on the product row), for low-stock alerts. */
    async productTotals(productIds: readonly string[], tx?: TxScope): Promise<Array<{ id: string; name: string; stock: number }>> {
      if (productIds.length === 0) return [];
      return executorOf(db, tx)
        .select({ id: products.id, name: products.name, stock: products.stock })
        .from(products)
        .where(inArray(products.id, [...productIds]));
    },

    /**
     * Resolves cart lines to the variants they buy, with current price, stock and status, in one read (no
     * locks). A line without variantId takes the product's only variant; with several, it is `variant_required`.
     */
    async resolveLines(lines: readonly LineRef[], tx?: TxScope): Promise<ResolvedLine[]> {
      if (lines.length === 0) return [];
      const rows = await executorOf(db, tx)
        .select({
          id: products.id,
          slug: products.slug,
          name: products.name,
          currency: products.currency,
          imageUrl: products.imageUrl,
          status: products.status,
          brandStatus: brands.status,
          variants: variantsJsonOf("products"),
        })
        .from(products)
        .innerJoin(brands, eq(brands.id, products.brandId))
        .where(inArray(products.id, [...new Set(lines.map((l) => l.productId))]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return lines.map((line): ResolvedLine => {
        const row = byId.get(line.productId);
        if (!row) return { problem: "not_found" };
        const variant = line.variantId ? row.variants.find((v) => v.id === line.variantId) : row.variants.length === 1 ? row.variants[0] : undefined;
        if (!variant) return { problem: line.variantId ? "not_found" : "variant_required", name: row.name };
        const { variants: _all, ...product } = row;
        return {
          ...product,
          imageUrl: row.imageUrl || productImagePath(row.slug),
          variantId: variant.id,
          sku: variant.sku,
          optionValues: variant.optionValues,
          priceCents: variant.priceCents,
          stock: variant.stock,
        };
      });
    },

    /**
     * Takes `quantity` of each variant out of stock in lock order, each line two conditional UPDATEs (the
     * product's total, then the variant's own): `stock >= quantity` is checked by the statement that writes,
     * under the row lock, so concurrent checkouts can never oversell (a read-then-write could). Only active
     * products of active brands qualify. Returns the first line that could not be reserved (not enough stock,
     * archived or missing); the caller must then roll its transaction back, which also undoes the lines
     * already decremented. On success, `soldOut` lists the products this reservation took to zero.
     */
    async reserveStock(
      lines: readonly StockLine[],
      tx: TxScope,
    ): Promise<{ ok: true; soldOut: string[] } | { ok: false; productId: string; variantId: string | null }> {
      const soldOut: string[] = [];
      for (const line of inLockOrder(lines)) {
        const updated = await executorOf(db, tx)
          .update(products)
          .set({ stock: sql`${products.stock} - ${line.quantity}` })
          .where(
            and(
              eq(products.id, line.productId),
              gte(products.stock, line.quantity),
              eq(products.status, "active"),
              sql`exists (select 1 from ${brands} where ${brands.id} = ${products.brandId} and ${brands.status} = 'active')`,
            ),
          )
          .returning({ id: products.id, stock: products.stock });
        const variant =
          updated.length === 0 || line.variantId === null
            ? []
            : await executorOf(db, tx)
                .update(productVariants)
                .set({ stock: sql`${productVariants.stock} - ${line.quantity}` })
                .where(and(eq(productVariants.id, line.variantId), eq(productVariants.productId, line.productId), gte(productVariants.stock, line.quantity)))
                .returning({ id: productVariants.id });
        if (variant.length === 0) return { ok: false, productId: line.productId, variantId: line.variantId };
        if (updated[0]!.stock === 0) soldOut.push(line.productId);
      }
      return { ok: true, soldOut };
    },

    /**
     * Puts reserved stock back (a declined payment, a cancelled order), in lock order. Archived products get
     * their stock back too: the units exist whatever the product's status. A line whose variant was removed
     * gives nothing back. Returns the products that were sold out and are available again.
     */
    async releaseStock(lines: readonly StockLine[], tx: TxScope): Promise<string[]> {
      const backInStock: string[] = [];
      for (const line of inLockOrder(lines)) {
        if (line.variantId === null) continue;
        const [row] = await executorOf(db, tx)
          .update(products)
          .set({ stock: sql`${products.stock} + ${line.quantity}` })
          .where(
            and(
              eq(products.id, line.productId),
              sql`exists (select 1 from ${productVariants} where ${productVariants.id} = ${line.variantId}::uuid and ${productVariants.productId} = ${products.id})`,
            ),
          )
          .returning({ stock: products.stock });
        if (!row) continue;
        await executorOf(db, tx)
          .update(productVariants)
          .set({ stock: sql`${productVariants.stock} + ${line.quantity}` })
          .where(eq(productVariants.id, line.variantId));
        if (row.stock === line.quantity) backInStock.push(line.productId);
      }
      return backInStock;
    },
  };
}
export type CatalogStock = ReturnType<typeof createCatalogStock>;
