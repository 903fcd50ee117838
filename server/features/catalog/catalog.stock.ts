import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { brands, products, type ProductStatus } from "@shared/schema";
import { executorOf, type Db, type TxScope } from "../../db";
import { productImagePath } from "./product-image";

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
  priceCents: number;
  currency: string;
  stock: number;
  imageUrl: string;
  status: ProductStatus;
  brandStatus: ProductStatus;
}

export interface StockLine {
  productId: string;
  quantity: number;
}

/** Shoppers may buy a product only when it and its brand are active. */
export const isOrderable = (p: Pick<OrderableProduct, "status" | "brandStatus">) => p.status === "active" && p.brandStatus === "active";

/** Sorted by product id: every transaction takes its product row locks in the same order, so none can deadlock. */
const inLockOrder = (lines: readonly StockLine[]) => [...lines].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));

export function createCatalogStock(db: Db) {
  return {
    /** Current price, stock and status of the given products (missing ids are simply absent). A plain read: no locks. */
    async loadProductsForOrder(ids: readonly string[], tx?: TxScope): Promise<OrderableProduct[]> {
      if (ids.length === 0) return [];
      const rows = await executorOf(db, tx)
        .select({
          id: products.id,
          slug: products.slug,
          name: products.name,
          priceCents: products.priceCents,
          currency: products.currency,
          stock: products.stock,
          imageUrl: products.imageUrl,
          status: products.status,
          brandStatus: brands.status,
        })
        .from(products)
        .innerJoin(brands, eq(brands.id, products.brandId))
        .where(inArray(products.id, [...ids]));
      return rows.map((r) => ({ ...r, imageUrl: r.imageUrl || productImagePath(r.slug) }));
    },

    /**
     * Takes `quantity` of each product out of stock, one conditional UPDATE per line in product-id order:
     * `stock >= quantity` is checked by the same statement that writes, under the row lock, so concurrent
     * checkouts can never oversell (a read-then-write could). Only active products of active brands qualify.
     * Returns the first line that could not be reserved (not enough stock, archived or missing); the caller
     * must then roll its transaction back, which also undoes the lines already decremented. On success,
     * `soldOut` lists the products this reservation took to zero (the catalog's cached lists must hear of it).
     */
    async reserveStock(lines: readonly StockLine[], tx: TxScope): Promise<{ ok: true; soldOut: string[] } | { ok: false; productId: string }> {
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
        if (updated.length === 0) return { ok: false, productId: line.productId };
        if (updated[0]!.stock === 0) soldOut.push(line.productId);
      }
      return { ok: true, soldOut };
    },

    /**
     * Puts reserved stock back (a declined payment, a cancelled order), in product-id order. Archived
     * products get their stock back too: the units exist whatever the product's status.
     * Returns the products that were sold out and are available again.
     */
    async releaseStock(lines: readonly StockLine[], tx: TxScope): Promise<string[]> {
      const backInStock: string[] = [];
      for (const line of inLockOrder(lines)) {
        const [row] = await executorOf(db, tx)
          .update(products)
          .set({ stock: sql`${products.stock} + ${line.quantity}` })
          .where(eq(products.id, line.productId))
          .returning({ stock: products.stock });
        if (row && row.stock === line.quantity) backInStock.push(line.productId);
      }
      return backInStock;
    },
  };
}
export type CatalogStock = ReturnType<typeof createCatalogStock>;
