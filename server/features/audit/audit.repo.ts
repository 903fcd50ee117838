import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { auditLog } from "@shared/schema";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";
import { cursorTimestamp } from "../../lib/timestamp-cursor";

export type NewAuditRow = typeof auditLog.$inferInsert;
export interface AuditRowWithCursor {
  row: typeof auditLog.$inferSelect;
  /** created_at as the database's UTC text with microseconds (cursor value). */
  createdAtText: string;
}

export interface AuditQuery {
  actorId?: string;
  actorEmail?: string;
  action?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

const createdAtText = cursorTimestamp(auditLog.createdAt);

export function createAuditRepo(db: Db) {
  return {
    transaction: <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn),

    /** `tx` lets a service write the audit row inside the transaction of the change it records. */
    async insert(entry: NewAuditRow, tx?: TxScope): Promise<void> {
      await executorOf(db, tx).insert(auditLog).values(entry);
    },

    /** Newest first; keyset paging on (created_at, id). Fetches limit + 1 rows. */
    async list(q: AuditQuery): Promise<AuditRowWithCursor[]> {
      const conditions: SQL[] = [];
      if (q.actorId) conditions.push(eq(auditLog.actorId, q.actorId));
      if (q.actorEmail) conditions.push(eq(auditLog.actorEmail, q.actorEmail));
      if (q.action) conditions.push(eq(auditLog.action, q.action));
      if (q.after) conditions.push(sql`(${auditLog.createdAt}, ${auditLog.id}) < (${q.after.createdAt}::timestamptz, ${q.after.id}::uuid)`);
      const rows = await db
        .select({ row: auditLog, createdAtText })
        .from(auditLog)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(q.limit + 1);
      return rows;
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
