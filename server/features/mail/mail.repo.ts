import { and, desc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import { mailOutbox } from "@shared/schema";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";
import { cursorTimestamp, type CreatedAtCursor } from "../../lib/timestamp-cursor";

export type OutboxRow = typeof mailOutbox.$inferSelect;
export type NewOutboxRow = typeof mailOutbox.$inferInsert;
/** A list entry: everything but the bodies, which are sealed (ADR 074) and not shown in lists, so not opened. */
export type OutboxSummaryRow = Omit<OutboxRow, "html" | "text">;
export interface OutboxRowWithCursor {
  row: OutboxSummaryRow;
  createdAtText: string;
}

export interface OutboxQuery {
  status?: OutboxRow["status"];
  template?: string;
  after?: CreatedAtCursor;
  limit: number;
}

const createdAtText = cursorTimestamp(mailOutbox.createdAt);
const { html: _html, text: _text, ...summaryColumns } = getTableColumns(mailOutbox);

export function createMailRepo(db: Db) {
  return {
    transaction: <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn),

    async findByDedupeKey(key: string, tx?: TxScope): Promise<OutboxRow | undefined> {
      const [row] = await executorOf(db, tx).select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, key)).limit(1);
      return row;
    },

    async findById(id: string): Promise<OutboxRow | undefined> {
      const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).limit(1);
      return row;
    },

    /**
     * Writes the outcome of one send. A message with a dedupe key is one row whatever the retries: the
     * latest outcome (and body) replaces an earlier failed one.
     */
    async saveOutcome(values: NewOutboxRow, tx?: TxScope): Promise<OutboxRow> {
      const executor = executorOf(db, tx);
      if (!values.dedupeKey) {
        const [row] = await executor.insert(mailOutbox).values(values).returning();
        return row!;
      }
      const [row] = await executor
        .insert(mailOutbox)
        .values(values)
        .onConflictDoUpdate({
          target: mailOutbox.dedupeKey,
          set: {
            toAddress: values.toAddress,
            subject: values.subject,
            html: values.html,
            text: values.text,
            status: values.status,
            error: values.error ?? null,
            sentAt: values.sentAt ?? null,
          },
        })
        .returning();
      return row!;
    },

    /** Newest first; keyset paging on (created_at, id). Fetches limit + 1 rows. */
    async list(q: OutboxQuery): Promise<OutboxRowWithCursor[]> {
      const conditions: SQL[] = [];
      if (q.status) conditions.push(eq(mailOutbox.status, q.status));
      if (q.template) conditions.push(eq(mailOutbox.template, q.template));
      if (q.after) conditions.push(sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (${q.after.createdAt}::timestamptz, ${q.after.id}::uuid)`);
      return db
        .select({ row: summaryColumns, createdAtText })
        .from(mailOutbox)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
        .limit(q.limit + 1);
    },
  };
}
export type MailRepo = ReturnType<typeof createMailRepo>;
