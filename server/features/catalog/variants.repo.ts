import { and, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import { products, productVariants } from "@shared/schema";
import type { OptionValues, ProductOption } from "@shared/contracts/variants";
import { executorOf, type Db, type TxScope } from "../../db";

/**
 * Variant writes (issue 12, ADR 050). products.price_cents (lowest variant price) and products.stock (sum of
 * the variants' stock) are kept by these statements, so list sorts, price filters and "in stock" keep using
 * the products indexes. Lock order, everywhere: the product row first, then its variant rows — checkout
 * (catalog.stock.ts) does the same, so no two writers can deadlock.
 */

export interface StoredVariant {
  id: string;
  sku: string;
  optionValues: OptionValues;
  priceCents: number;
  compareAtPriceCents: number | null;
  stock: number;
}
/** A variant as a write wants it: no id → a new variant. */
export type VariantRow = Omit<StoredVariant, "id"> & { id?: string };

/** A product's variants as the contract's objects, in admin order, from product_variants (json or jsonb). */
const variantObjectsOf = (productId: SQL, type: "json" | "jsonb") => {
  const t = sql.raw(type);
  return sql`coalesce((select ${t}_agg(${t}_build_object(
    'id', v.id, 'sku', v.sku, 'optionValues', v.option_values, 'priceCents', v.price_cents,
    'compareAtPriceCents', v.compare_at_price_cents, 'stock', v.stock) order by v.position, v.id)
  from product_variants v where v.product_id = ${productId}), '[]'::${t})`;
};

/**
 * The variants of a product as one JSON array (admin order), from product_variants: for the reads that must see the
 * rows themselves (writes under lock, the cart, the CSV export). Shopper reads take products.variants (ADR 079).
 * `productsAlias` names the products table as the outer query calls it: spelled out, because Drizzle leaves
 * columns unqualified in single-table selects, where `v.product_id = "id"` would silently compare v.id.
 */
export const variantsJsonOf = (productsAlias: "products" | "p") => sql<StoredVariant[]>`${variantObjectsOf(sql`${sql.identifier(productsAlias)}.id`, "json")}`;

/**
 * products.variants (ADR 079) rebuilt from product_variants: the same objects as variantsJsonOf, as jsonb. Only for
 * writes; reads take the column. Tools that write product_variants with raw SQL must set the column with this too.
 */
export const storedVariantsOf = (productId: SQL) => variantObjectsOf(productId, "jsonb");

/**
 * products.variants with stock moved by `moves`, a relation of (variant_id uuid, delta int): the stock writes
 * (checkout, cancellation, adjustment) change the copy in the UPDATE of the product row they make anyway, so the
 * copy costs them no statement, no row version and no trigger (ADR 079). `variants` is the row's own column:
 * under the row lock it is the latest version, so the moves apply to current stock.
 */
export const variantsWithStockMoved = (variants: SQL, moves: SQL) => sql`(select coalesce(jsonb_agg(case when m.delta is null then e.v
    else jsonb_set(e.v, '{stock}', to_jsonb((e.v->>'stock')::int + m.delta)) end order by e.i), '[]'::jsonb)
  from jsonb_array_elements(${variants}) with ordinality e(v, i) left join (${moves}) m(variant_id, delta) on m.variant_id = (e.v->>'id')::uuid)`;

/** One variant's move, for variantsWithStockMoved. */
export const oneVariantMove = (variantId: string, delta: number) => sql`select ${variantId}::uuid, ${delta}::int`;

export function createVariantsRepo(db: Db) {
  /** products.price_cents, stock and variants from the variants (after admin writes; stock writes use deltas). */
  async function syncProductFromVariants(productId: string, tx: TxScope): Promise<void> {
    await executorOf(db, tx).execute(sql`
      update products set
        price_cents = coalesce((select min(price_cents) from product_variants where product_id = ${productId}::uuid), price_cents),
        stock = coalesce((select sum(stock)::int from product_variants where product_id = ${productId}::uuid), 0),
        variants = ${storedVariantsOf(sql`${productId}::uuid`)},
        updated_at = now()
      where id = ${productId}::uuid`);
  }

  return {
    syncProductFromVariants,

    /**
     * Makes the product's variants exactly `rows`, in this order: rows with an id update that variant, rows
     * without are inserted, variants not named are deleted (their order lines keep a copy of SKU and values).
     * The caller holds the product's row lock and has checked that every id belongs to the product.
     */
    async replaceVariants(productId: string, options: ProductOption[], rows: VariantRow[], tx: TxScope): Promise<void> {
      const exec = executorOf(db, tx);
      const keep = rows.flatMap((r) => (r.id ? [r.id] : []));
      await exec.delete(productVariants).where(and(eq(productVariants.productId, productId), keep.length ? notInArray(productVariants.id, keep) : sql`true`));
      // SKUs may move between the kept variants: park them first so the unique index never sees a transient clash.
      if (keep.length)
        await exec
          .update(productVariants)
          .set({ sku: sql`'~' || ${productVariants.id}::text` })
          .where(inArray(productVariants.id, keep));
      for (const [position, r] of rows.entries()) {
        const values = {
          sku: r.sku,
          optionValues: r.optionValues,
          priceCents: r.priceCents,
          compareAtPriceCents: r.compareAtPriceCents,
          stock: r.stock,
          position,
        };
        if (r.id)
          await exec
            .update(productVariants)
            .set({ ...values, updatedAt: sql`now()` })
            .where(eq(productVariants.id, r.id));
        else await exec.insert(productVariants).values({ ...values, productId });
      }
      await exec.update(products).set({ options }).where(eq(products.id, productId));
      await syncProductFromVariants(productId, tx);
    },

    /**
     * Adds delta to one variant's stock (and its product's total), each a conditional statement: concurrent
     * adjustments queue on the row locks and re-check on the latest stock. Product first (the lock order).
     * Undefined when the variant is not the product's or its stock would go below zero; the caller rolls back.
     */
    async adjustVariantStock(productId: string, variantId: string, delta: number, tx: TxScope): Promise<{ before: number; after: number } | undefined> {
      const exec = executorOf(db, tx);
      const product = await exec
        .update(products)
        .set({
          stock: sql`${products.stock} + ${delta}::int`,
          variants: variantsWithStockMoved(sql`${products.variants}`, oneVariantMove(variantId, delta)),
          updatedAt: sql`now()`,
        })
        .where(sql`${products.id} = ${productId}::uuid and ${products.stock} + ${delta}::int >= 0`)
        .returning({ id: products.id });
      if (product.length === 0) return undefined;
      const [row] = await exec
        .update(productVariants)
        .set({ stock: sql`${productVariants.stock} + ${delta}::int`, updatedAt: sql`now()` })
        .where(
          sql`${productVariants.id} = ${variantId}::uuid and ${productVariants.productId} = ${productId}::uuid and ${productVariants.stock} + ${delta}::int >= 0`,
        )
        .returning({ before: sql<number>`${productVariants.stock} - ${delta}::int`, after: productVariants.stock });
      return row;
    },

    /** The variant's current stock, or undefined when the product has no such variant. */
    async variantStockOf(productId: string, variantId: string, tx?: TxScope): Promise<number | undefined> {
      const [row] = await executorOf(db, tx)
        .select({ stock: productVariants.stock })
        .from(productVariants)
        .where(and(eq(productVariants.id, variantId), eq(productVariants.productId, productId)));
      return row?.stock;
    },
  };
}
