import { and, arrayContains, arrayOverlaps, desc, eq, lt, ne, sql, type SQL } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "@shared/schema";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";
import type { WebhookEventType } from "@shared/contracts/webhooks";
import { cursorTimestamp, type CreatedAtCursor } from "../../lib/timestamp-cursor";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type NewEndpointRow = typeof webhookEndpoints.$inferInsert;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type NewDeliveryRow = typeof webhookDeliveries.$inferInsert;
export interface DeliveryRowWithCursor {
  row: DeliveryRow;
  createdAtText: string;
}

/** What one attempt leaves on its delivery row. */
export type AttemptRecord = Pick<DeliveryRow, "status" | "attempts" | "responseStatus" | "responseBody" | "durationMs" | "error" | "nextAttemptAt">;

const createdAtText = cursorTimestamp(webhookDeliveries.createdAt);

export function createWebhooksRepo(db: Db) {
  return {
    transaction: <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn),

    async insertEndpoint(values: NewEndpointRow): Promise<EndpointRow> {
      const [row] = await db.insert(webhookEndpoints).values(values).returning();
      return row!;
    },

    listEndpoints(): Promise<EndpointRow[]> {
      return db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
    },

    async findEndpoint(id: string): Promise<EndpointRow | undefined> {
      const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
      return row;
    },

    async updateEndpoint(id: string, patch: Partial<NewEndpointRow>): Promise<EndpointRow | undefined> {
      const [row] = await db
        .update(webhookEndpoints)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(webhookEndpoints.id, id))
        .returning();
      return row;
    },

    async deleteEndpoint(id: string): Promise<boolean> {
      const rows = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
      return rows.length > 0;
    },

    subscribedEndpoints(eventType: WebhookEventType, tx?: TxScope): Promise<Array<{ id: string }>> {
      return executorOf(db, tx)
        .select({ id: webhookEndpoints.id })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.events, [eventType])));
    },

    /** The subscriptions of the enabled endpoints subscribed to any of `eventTypes` (one query for several types). */
    subscriptionsAmong(eventTypes: WebhookEventType[], tx?: TxScope): Promise<Array<{ events: string[] }>> {
      return executorOf(db, tx)
        .select({ events: webhookEndpoints.events })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.enabled, true), arrayOverlaps(webhookEndpoints.events, eventTypes)));
    },

    /** Inserts deliveries; one whose (endpoint, event key) already exists is skipped. Returns the new rows. */
    async insertDeliveries(rows: NewDeliveryRow[], tx?: TxScope): Promise<DeliveryRow[]> {
      if (rows.length === 0) return [];
      return executorOf(db, tx).insert(webhookDeliveries).values(rows).onConflictDoNothing().returning();
    },

    async findDelivery(endpointId: string, deliveryId: string): Promise<DeliveryRow | undefined> {
      const [row] = await db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
        .limit(1);
      return row;
    },

    async findDeliveryWithEndpoint(deliveryId: string): Promise<{ delivery: DeliveryRow; endpoint: EndpointRow } | undefined> {
      const [row] = await db
        .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(eq(webhookDeliveries.id, deliveryId))
        .limit(1);
      return row;
    },

    /** Newest first; keyset paging on (created_at, id). Fetches limit + 1 rows. */
    listDeliveries(q: { endpointId: string; status?: DeliveryRow["status"]; after?: CreatedAtCursor; limit: number }): Promise<DeliveryRowWithCursor[]> {
      const conditions: SQL[] = [eq(webhookDeliveries.endpointId, q.endpointId)];
      if (q.status) conditions.push(eq(webhookDeliveries.status, q.status));
      if (q.after) conditions.push(sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${q.after.createdAt}::timestamptz, ${q.after.id}::uuid)`);
      return db
        .select({ row: webhookDeliveries, createdAtText })
        .from(webhookDeliveries)
        .where(and(...conditions))
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(q.limit + 1);
    },

    /**
     * Records an attempt only if the row is still where the attempt found it (pending after `attemptsBefore`
     * attempts): a duplicate run of the same job records nothing.
     */
    async recordAttempt(deliveryId: string, attemptsBefore: number, record: AttemptRecord, tx?: TxScope): Promise<DeliveryRow | undefined> {
      const [row] = await executorOf(db, tx)
        .update(webhookDeliveries)
        .set({ ...record, updatedAt: new Date() })
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending"), eq(webhookDeliveries.attempts, attemptsBefore)))
        .returning();
      return row;
    },

    /** Puts a finished delivery back to pending for one more attempt; undefined when it is already pending. */
    async reopenDelivery(deliveryId: string, tx?: TxScope): Promise<DeliveryRow | undefined> {
      const [row] = await executorOf(db, tx)
        .update(webhookDeliveries)
        .set({ status: "pending", nextAttemptAt: new Date(), updatedAt: new Date() })
        .where(and(eq(webhookDeliveries.id, deliveryId), ne(webhookDeliveries.status, "pending")))
        .returning();
      return row;
    },

    async resetFailures(endpointId: string, tx?: TxScope): Promise<void> {
      await executorOf(db, tx).update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, endpointId));
    },

    /**
     * Counts one more failed attempt in a row and, in the same statement, disables the endpoint when the run
     * reaches `disableAfter` (0 = never), so concurrent failures cannot skip the threshold.
     */
    async countFailure(endpointId: string, disableAfter: number, reason: string, tx?: TxScope): Promise<EndpointRow | undefined> {
      const reaches = sql`(${disableAfter} > 0 and ${webhookEndpoints.consecutiveFailures} + 1 >= ${disableAfter})`;
      const [row] = await executorOf(db, tx)
        .update(webhookEndpoints)
        .set({
          consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1`,
          enabled: sql`case when ${reaches} then false else ${webhookEndpoints.enabled} end`,
          disabledReason: sql`case when ${reaches} and ${webhookEndpoints.enabled} then ${reason} else ${webhookEndpoints.disabledReason} end`,
          updatedAt: new Date(),
        })
        .where(eq(webhookEndpoints.id, endpointId))
        .returning();
      return row;
    },

    /** Housekeeping: finished deliveries created before `before`; returns how many were deleted. */
    async deleteFinishedBefore(before: Date): Promise<number> {
      const rows = await db
        .delete(webhookDeliveries)
        .where(and(lt(webhookDeliveries.createdAt, before), ne(webhookDeliveries.status, "pending")))
        .returning({ id: webhookDeliveries.id });
      return rows.length;
    },
  };
}
export type WebhooksRepo = ReturnType<typeof createWebhooksRepo>;
