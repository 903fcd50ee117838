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

    /**
     * The audit row as an INSERT … SELECT for another feature's single statement (checkout, ADR 075): one row per
     * row of `from` (a CTE of that statement), with the target id and summary computed there.
     */
    insertFromSql(entry: Omit<NewAuditRow, "targetId" | "summary">, targetId: SQL, summary: SQL, from: SQL): SQL {
      return sql`insert into ${auditLog} (actor_id, actor_email, action, target_type, target_id, ip, request_id, summary)
        select ${entry.actorId ?? null}::uuid, ${entry.actorEmail ?? null}, ${entry.action}, ${entry.targetType ?? null}, ${targetId}, ${entry.ip ?? null}::inet,
          ${entry.requestId ?? null}, ${summary} from ${from}`;
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
