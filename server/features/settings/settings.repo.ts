import { sql } from "drizzle-orm";
import { settings } from "@shared/schema";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";

/** The settings table: one JSON value per key. */
export function createSettingsRepo(db: Db) {
  return {
    transaction: <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn),

    async readAll(tx?: TxScope): Promise<Record<string, unknown>> {
      const rows = await executorOf(db, tx).select({ key: settings.key, value: settings.value }).from(settings);
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },

    async write(values: Record<string, unknown>, tx: TxScope): Promise<void> {
      for (const [key, value] of Object.entries(values)) {
        await executorOf(db, tx)
          .insert(settings)
          .values({ key, value })
          .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
      }
    },
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
