import { and, asc, eq, inArray, isNotNull, notExists, sql } from "drizzle-orm";
import { mediaFiles, productMedia, type ProductMediaRow } from "@shared/schema";
import type { RenditionFormat } from "@shared/contracts/media";
import type { ProductOption } from "@shared/contracts/variants";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";
import type { Rendition } from "./image-processing";

export type NewProductMedia = Pick<ProductMediaRow, "productId" | "hash" | "alt" | "width" | "height" | "sourceBytes" | "sourceFormat">;

/** The media tables (ADR 052): product_media (which picture, where in the gallery) and media_files (the bytes). */
export function createMediaRepo(db: Db) {
  return {
    transaction: <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn),

    listForProduct(productId: string, tx?: TxScope): Promise<ProductMediaRow[]> {
      return executorOf(db, tx)
        .select()
        .from(productMedia)
        .where(eq(productMedia.productId, productId))
        .orderBy(asc(productMedia.position), asc(productMedia.createdAt), asc(productMedia.id));
    },

    async find(productId: string, mediaId: string, tx?: TxScope): Promise<ProductMediaRow | undefined> {
      const [row] = await executorOf(db, tx)
        .select()
        .from(productMedia)
        .where(and(eq(productMedia.id, mediaId), eq(productMedia.productId, productId)))
        .limit(1);
      return row;
    },

    /** Holds concurrent writes to one product's gallery in line (positions are read, then written). */
    async lockGallery(productId: string, tx: TxScope): Promise<void> {
      await executorOf(db, tx).execute(sql`select pg_advisory_xact_lock(hashtext(${`product_media:${productId}`}))`);
    },

    async filesExist(hash: string, tx?: TxScope): Promise<boolean> {
      const [row] = await executorOf(db, tx).select({ hash: mediaFiles.hash }).from(mediaFiles).where(eq(mediaFiles.hash, hash)).limit(1);
      return Boolean(row);
    },

    /** Idempotent: the same upload twice (same hash) writes its renditions once. */
    async insertFiles(hash: string, renditions: Rendition[], tx: TxScope): Promise<void> {
      for (const r of renditions)
        await executorOf(db, tx).insert(mediaFiles).values({ hash, width: r.width, height: r.height, format: r.format, bytes: r.bytes }).onConflictDoNothing();
    },

    async insert(values: NewProductMedia, position: number, tx: TxScope): Promise<ProductMediaRow> {
      const [row] = await executorOf(db, tx)
        .insert(productMedia)
        .values({ ...values, position })
        .returning();
      return row!;
    },

    async update(mediaId: string, change: Partial<Pick<ProductMediaRow, "alt" | "optionValue">>, tx: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(productMedia)
        .set({ ...change, updatedAt: new Date() })
        .where(eq(productMedia.id, mediaId));
    },

    /** Unbinds the product's pictures bound to an option value `options` no longer has; returns how many. */
    async unbindMissingOptionValues(productId: string, options: readonly ProductOption[], tx: TxScope): Promise<number> {
      const exec = executorOf(db, tx);
      const bound = await exec
        .select({ id: productMedia.id, optionValue: productMedia.optionValue })
        .from(productMedia)
        .where(and(eq(productMedia.productId, productId), isNotNull(productMedia.optionValue)));
      const stale = bound.filter(({ optionValue: v }) => v && !options.some((o) => o.name === v.name && o.values.includes(v.value))).map((row) => row.id);
      if (stale.length) await exec.update(productMedia).set({ optionValue: null, updatedAt: new Date() }).where(inArray(productMedia.id, stale));
      return stale.length;
    },

    async setPositions(ids: string[], tx: TxScope): Promise<void> {
      for (const [position, id] of ids.entries())
        await executorOf(db, tx).update(productMedia).set({ position, updatedAt: new Date() }).where(eq(productMedia.id, id));
    },

    async remove(mediaId: string, tx: TxScope): Promise<void> {
      await executorOf(db, tx).delete(productMedia).where(eq(productMedia.id, mediaId));
    },

    /** Renditions no picture refers to any more (after a delete, or a product deleted with its pictures). */
    async deleteUnusedFiles(hashes: string[] | "all", tx?: TxScope): Promise<number> {
      const unused = notExists(
        executorOf(db, tx)
          .select({ one: sql`1` })
          .from(productMedia)
          .where(eq(productMedia.hash, mediaFiles.hash)),
      );
      const rows = await executorOf(db, tx)
        .delete(mediaFiles)
        .where(hashes === "all" ? unused : and(inArray(mediaFiles.hash, hashes), unused))
        .returning({ hash: mediaFiles.hash });
      return rows.length;
    },

    async findFile(hash: string, width: number, format: RenditionFormat): Promise<Buffer | undefined> {
      const [row] = await db
        .select({ bytes: mediaFiles.bytes })
        .from(mediaFiles)
        .where(and(eq(mediaFiles.hash, hash), eq(mediaFiles.width, width), eq(mediaFiles.format, format)))
        .limit(1);
      return row && Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
    },
  };
}
export type MediaRepo = ReturnType<typeof createMediaRepo>;
