import { eq, sql } from "drizzle-orm";
import { orderMessages } from "@shared/schema";
import { executorOf, runInTransaction, type Db } from "../../db";
import { prefixPattern } from "../../lib/like";

/**
 * Re-encryption of order message bodies (issue 16 §5, ADR 058): the walk of orders.reseal.repo.ts over one text
 * column. Messages written before the body was sealed are plain text; the column type reads them as they are and
 * this step seals them, so the periodic job is also their migration (ADR 074).
 */
export function createOrderMessagesResealRepo(db: Db) {
  return async function resealOrderMessages(currentPrefix: string, limit: number): Promise<number> {
    return runInTransaction(db, async (tx) => {
      const rows = await executorOf(db, tx)
        .select({ id: orderMessages.id, body: orderMessages.body })
        .from(orderMessages)
        .where(sql`${orderMessages.body} not like ${prefixPattern(currentPrefix)}`)
        .limit(limit)
        .for("update", { skipLocked: true });
      for (const row of rows) await executorOf(db, tx).update(orderMessages).set({ body: row.body }).where(eq(orderMessages.id, row.id));
      return rows.length;
    });
  };
}
