import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { brands, products, productVariants, type ProductStatus } from "@shared/schema";
import { executorOf, type Db, type TxScope } from "../../db";
import { productImagePath } from "./product-image";
import { oneVariantMove, variantsJsonOf, variantsWithStockMoved } from "./variants.repo";

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

/** A checkout line as the one-statement checkout resolves it under lock (orders.repo.ts placeOrder, ADR 075). */
export interface LockedLineRow {
  idx: number;
  product_id: string;
  /** Null when the line did not resolve to a variant (then `problem` says why). */
  variant_id: string | null;
  quantity: number;
  problem: "not_found" | "variant_required" | null;
  name: string | null;
  slug: string | null;
  currency: string | null;
  image_url: string | null;
  status: ProductStatus | null;
  brand_status: ProductStatus | null;
  sku: string | null;
  option_values: Record<string, string> | null;
  price_cents: number | null;
  stock: number | null;
}

/**
 * The stock half of checkout's single statement (ADR 075), as CTEs the orders repo composes (catalog SQL stays here).
 * `requested` names a CTE of (idx, product_id, variant_id, quantity).
 *
 * lockCtes defines
 *   stock_locked  the variants the lines buy with their products, row-locked in lock order (product before its
 *                 variants, ids ascending, as releaseStock and the admin's variant writes), only when `lockWhen`;
 *                 FOR UPDATE hands back each row's latest committed version, so the checks see current stock;
 *   stock_lines   one row per request line (LockedLineRow), resolved as resolveLines does.
 * takeCtes defines stock_taken / stock_taken_variants: the decrements, summed per product and per variant, only
 * when `takeWhen` (which must include `stockSuffices`; under the locks it cannot go stale). Two parts because a
 * WITH list only sees the CTEs before it, and the orders side decides `takeWhen` in between.
 */
function checkoutLockCtes(requested: SQL, lockWhen: SQL): SQL {
  return sql`stock_locked as (
      select p.id as product_id, v.id as variant_id, p.name, p.slug, p.currency, p.image_url, p.status, b.status as brand_status,
        p.stock as product_stock, v.sku, v.option_values, v.price_cents, v.stock,
        (select count(*) from ${productVariants} w where w.product_id = p.id)::int as variant_count
      from ${products} p join ${brands} b on b.id = p.brand_id join ${productVariants} v on v.product_id = p.id
      where ${lockWhen} and p.id in (select product_id from ${requested})
        and (v.id in (select variant_id from ${requested} where variant_id is not null)
          or (select count(*) from ${productVariants} w where w.product_id = p.id) = 1)
      order by p.id, v.id
      for update of p, v
    ), stock_lines as (
      select r.idx, r.product_id, k.variant_id, r.quantity,
        case when pn.id is null then 'not_found' when k.variant_id is null then (case when r.variant_id is null then 'variant_required' else 'not_found' end) end as problem,
        coalesce(k.name, pn.name) as name, k.slug, k.currency, k.image_url, k.status, k.brand_status, k.product_stock,
        k.sku, k.option_values, k.price_cents, k.stock
      from ${requested} r
      left join ${products} pn on pn.id = r.product_id
      left join stock_locked k on k.product_id = r.product_id and (k.variant_id = r.variant_id or (r.variant_id is null and k.variant_count = 1))
    )`;
}

function checkoutTakeCtes(takeWhen: SQL): SQL {
  // The product's copy of its variants (ADR 079) moves in the same UPDATE: one statement, one row version.
  const moves = sql`select variant_id, -sum(quantity)::int from stock_lines where product_id = p.id group by variant_id`;
  return sql`stock_taken as (
      update ${products} p set stock = p.stock - w.quantity, variants = ${variantsWithStockMoved(sql`p.variants`, moves)}
      from (select product_id, sum(quantity)::int as quantity from stock_lines group by product_id) w
      where p.id = w.product_id and ${takeWhen}
      returning p.id, p.stock
    ), stock_taken_variants as (
      update ${productVariants} v set stock = v.stock - w.quantity
      from (select variant_id, sum(quantity)::int as quantity from stock_lines group by variant_id) w
      where v.id = w.variant_id and ${takeWhen}
      returning v.id
    )`;
}

/** True when every line resolved to an orderable variant and each variant and product has the units all lines ask for. */
const stockSuffices = sql`(
  not exists (select 1 from stock_lines where variant_id is null or status <> 'active' or brand_status <> 'active')
  and not exists (select 1 from stock_lines group by variant_id having sum(quantity) > min(stock))
  and not exists (select 1 from stock_lines group by product_id having sum(quantity) > min(product_stock)))`;

/** Checkout's statement parts (ADR 075): see checkoutLockCtes. */
export const checkoutStockSql = { lockCtes: checkoutLockCtes, takeCtes: checkoutTakeCtes, stockSuffices };
export type CheckoutStockSql = typeof checkoutStockSql;

export function createCatalogStock(db: Db) {
  return {
    /** SQL parts of checkout's single statement (no database of their own: the orders repo runs them). */
    checkoutSql: checkoutStockSql,

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
          .set({
            stock: sql`${products.stock} + ${line.quantity}`,
            variants: variantsWithStockMoved(sql`${products.variants}`, oneVariantMove(line.variantId, line.quantity)),
          })
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
