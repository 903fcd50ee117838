import { eq, sql } from "drizzle-orm";
import { orders } from "@shared/schema";
import { executorOf, runInTransaction, type Db } from "../../db";
import { prefixPattern } from "../../lib/like";

/**
 * Re-encryption of order addresses (issue 16 §5, ADR 058): rows not sealed under the current key (older keys, or plain
 * JSON from before encryption) are read (opened by the column type) and written back (sealed under the current key).
 * SKIP LOCKED lets several workers share the work and never waits on a checkout.
 */
export function createOrdersResealRepo(db: Db) {
  return async function resealOrders(currentPrefix: string, limit: number): Promise<number> {
    return runInTransaction(db, async (tx) => {
      const rows = await executorOf(db, tx)
        .select({ id: orders.id, address: orders.shippingAddress })
        .from(orders)
        .where(sql`(${orders.shippingAddress} #>> '{}') not like ${prefixPattern(currentPrefix)}`)
        .limit(limit)
        .for("update", { skipLocked: true });
      for (const row of rows) await executorOf(db, tx).update(orders).set({ shippingAddress: row.address }).where(eq(orders.id, row.id));
      return rows.length;
    });
  };
}
