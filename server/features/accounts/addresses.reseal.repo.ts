import { eq, or, sql } from "drizzle-orm";
import { addresses } from "@shared/schema";
import { executorOf, runInTransaction, type Db } from "../../db";
import { prefixPattern } from "../../lib/like";

/** Re-encryption of saved addresses (issue 16 §5, ADR 058): the same walk as orders.reseal.repo.ts, field by field. */
export function createAddressesResealRepo(db: Db) {
  return async function resealAddresses(currentPrefix: string, limit: number): Promise<number> {
    const pattern = prefixPattern(currentPrefix);
    const stale = (column: typeof addresses.name | typeof addresses.line2) => sql`(${column} is not null and ${column} not like ${pattern})`;
    return runInTransaction(db, async (tx) => {
      const rows = await executorOf(db, tx)
        .select({
          id: addresses.id,
          name: addresses.name,
          line1: addresses.line1,
          line2: addresses.line2,
          city: addresses.city,
          postalCode: addresses.postalCode,
          country: addresses.country,
          phone: addresses.phone,
        })
        .from(addresses)
        .where(
          or(
            stale(addresses.name),
            stale(addresses.line1),
            stale(addresses.line2),
            stale(addresses.city),
            stale(addresses.postalCode),
            stale(addresses.country),
            stale(addresses.phone),
          ),
        )
        .limit(limit)
        .for("update", { skipLocked: true });
      for (const { id, ...fields } of rows) await executorOf(db, tx).update(addresses).set(fields).where(eq(addresses.id, id));
      return rows.length;
    });
  };
}
