import { eq, inArray, sql } from "drizzle-orm";
import { products } from "@shared/schema";
import { executorOf, type Db, type TxScope } from "../../db";
import { chunks, LOOKUP_BATCH } from "./catalog-sql";
import type { Locked } from "./taxonomy.repo";
import { editableProductFields, storedProductColumns, type ProductDraft, type ProductValues, type StoredProduct } from "./product.mapper";

/** Product writes: the admin API's row-level statements, the stock adjustment and the CSV import's lookups and upsert. */

/** Rows per multi-row INSERT of an import: 9 parameters each keeps a statement well under PostgreSQL's 65,535. */
const IMPORT_BATCH = 500;

/** The import's upsert: every editable column takes the incoming value, and only when one of them differs. */
const incomingValues = Object.fromEntries(editableProductFields.map((k) => [k, sql`excluded.${sql.identifier(products[k].name)}`]));
const storedTuple = sql.join(
  editableProductFields.map((k) => products[k]),
  sql`, `,
);
const incomingTuple = sql.join(Object.values(incomingValues), sql`, `);

export function createProductWritesRepo(db: Db) {
  return {
    /** The new id, or undefined when the slug is taken (ON CONFLICT DO NOTHING: no error, so the transaction stays usable). */
    async insertProduct(values: ProductDraft, tx?: TxScope): Promise<string | undefined> {
      const [row] = await executorOf(db, tx).insert(products).values(values).onConflictDoNothing({ target: products.slug }).returning({ id: products.id });
      return row?.id;
    },
    async lockProduct(id: string, tx?: TxScope): Promise<Locked<StoredProduct> | undefined> {
      const [row] = await executorOf(db, tx)
        .select({ ...storedProductColumns, version: products.version })
        .from(products)
        .where(eq(products.id, id))
        .for("update");
      return row;
    },
    async updateProduct(id: string, changes: Partial<ProductValues>, tx?: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(products)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(eq(products.id, id));
    },
    async archiveProduct(id: string, tx?: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(products)
        .set({ status: "archived", updatedAt: sql`now()` })
        .where(eq(products.id, id));
    },

    /**
     * Whether any order line references the product. A deliberate cross-feature read of order_items
     * (an EXISTS check only): the delete rule "products in orders are archived" needs it, and the
     * orders feature offers no function for it yet.
     */
    async productInOrders(id: string, tx?: TxScope): Promise<boolean> {
      const { rows } = await executorOf(db, tx).execute(sql`select 1 from order_items where product_id = ${id}::uuid limit 1`);
      return rows.length > 0;
    },

    /**
     * Adds delta to the stock in one conditional statement (never read-modify-write): concurrent
     * adjustments queue on the row lock and each re-checks the condition on the latest stock.
     * Undefined when no row qualified: no such product, or the stock would go below zero.
     */
    async adjustStock(id: string, delta: number, tx?: TxScope): Promise<{ before: number; after: number } | undefined> {
      const [row] = await executorOf(db, tx)
        .update(products)
        .set({ stock: sql`${products.stock} + ${delta}::int`, updatedAt: sql`now()` })
        .where(sql`${products.id} = ${id}::uuid and ${products.stock} + ${delta}::int >= 0`)
        .returning({ before: sql<number>`${products.stock} - ${delta}::int`, after: products.stock });
      return row;
    },
    /** The current stock, or undefined when the product does not exist. */
    async stockOf(id: string, tx?: TxScope): Promise<number | undefined> {
      const [row] = await executorOf(db, tx).select({ stock: products.stock }).from(products).where(eq(products.id, id));
      return row?.stock;
    },

    async productsBySlug(slugs: string[], tx?: TxScope): Promise<Map<string, StoredProduct>> {
      const found = new Map<string, StoredProduct>();
      for (const batch of chunks([...new Set(slugs)], LOOKUP_BATCH)) {
        const rows = await executorOf(db, tx).select(storedProductColumns).from(products).where(inArray(products.slug, batch));
        for (const r of rows) found.set(r.slug, r);
      }
      return found;
    },

    /**
     * Creates or updates products by slug with multi-row INSERT … ON CONFLICT (slug) DO UPDATE, the
     * update guarded by "something changed", so identical rows are not rewritten (nor counted).
     * `xmax = 0` tells an inserted row from an updated one in RETURNING.
     */
    async upsertProducts(rows: ProductDraft[], tx?: TxScope): Promise<{ created: string[]; updated: string[] }> {
      const created: string[] = [];
      const updated: string[] = [];
      for (const batch of chunks(rows, IMPORT_BATCH)) {
        const result = await executorOf(db, tx)
          .insert(products)
          .values(batch)
          .onConflictDoUpdate({
            target: products.slug,
            set: { ...incomingValues, updatedAt: sql`now()` },
            setWhere: sql`(${storedTuple}) is distinct from (${incomingTuple})`,
          })
          .returning({ id: products.id, inserted: sql<boolean>`(xmax = 0)` });
        for (const r of result) (r.inserted ? created : updated).push(r.id);
      }
      return { created, updated };
    },
  };
}
