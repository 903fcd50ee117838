import { eq, or, sql } from "drizzle-orm";
import { mailOutbox } from "@shared/schema";
import { executorOf, runInTransaction, type Db } from "../../db";
import { prefixPattern } from "../../lib/like";

/**
 * Re-encryption of the outbox's rendered bodies (issue 16 §5, ADR 074): the walk of orders.reseal.repo.ts over two
 * text columns. Mails stored before the bodies were sealed are plain text; the column type reads them as they are and
 * this step seals them, so the periodic job is also their migration.
 */
export function createMailResealRepo(db: Db) {
  return async function resealMailOutbox(currentPrefix: string, limit: number): Promise<number> {
    const pattern = prefixPattern(currentPrefix);
    return runInTransaction(db, async (tx) => {
      const rows = await executorOf(db, tx)
        .select({ id: mailOutbox.id, html: mailOutbox.html, text: mailOutbox.text })
        .from(mailOutbox)
        .where(or(sql`${mailOutbox.html} not like ${pattern}`, sql`${mailOutbox.text} not like ${pattern}`))
        .limit(limit)
        .for("update", { skipLocked: true });
      for (const row of rows) {
        await executorOf(db, tx).update(mailOutbox).set({ html: row.html, text: row.text }).where(eq(mailOutbox.id, row.id));
      }
      return rows.length;
    });
  };
}
