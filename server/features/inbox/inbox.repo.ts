import { and, asc, desc, eq, gte, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Role } from "@shared/contracts/auth";
import type { StaffAlertKind } from "@shared/contracts/inbox";
import { lowStockThresholds, notificationPreferences, orderMessages, staffNotifications } from "@shared/schema";
import { executorOf, type Db, type TxScope } from "../../db";
import { cursorTimestamp, type CreatedAtCursor } from "../../lib/timestamp-cursor";

export type NotificationRow = typeof staffNotifications.$inferSelect;
export type OrderMessageRow = typeof orderMessages.$inferSelect;

export interface NewAlert {
  kind: StaffAlertKind;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string;
}

/** A notification row with its timestamps as the database's UTC text (microseconds: exact cursors). */
export interface NotificationRecord {
  id: string;
  recipientId: string;
  kind: StaffAlertKind;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

const notificationColumns = {
  id: staffNotifications.id,
  recipientId: staffNotifications.recipientId,
  kind: staffNotifications.kind,
  title: staffNotifications.title,
  body: staffNotifications.body,
  link: staffNotifications.link,
  readAt: sql<string | null>`case when ${staffNotifications.readAt} is null then null else ${cursorTimestamp(staffNotifications.readAt)} end`,
  createdAt: cursorTimestamp(staffNotifications.createdAt),
};

/** The inbox feature's tables: staff notifications, preferences, low-stock thresholds, order messages. */
export function createInboxRepo(db: Db) {
  return {
    /**
     * One statement: a row for every account of `roles` that has not muted the kind. A re-run (the fan-out job
     * retried) inserts nothing twice: (recipient, dedupe key) is unique. Returns only the rows inserted now.
     * Reads `users` and the preferences in the same statement (allowed cross-read: eslint.boundaries.js).
     */
    async fanOut(alert: NewAlert, roles: readonly Role[], tx?: TxScope): Promise<Array<NotificationRecord & { emailed: boolean }>> {
      const kindJson = sql`jsonb_build_array(${alert.kind}::text)`;
      const { rows } = await executorOf(db, tx).execute(sql`
        with inserted as (
          insert into staff_notifications (recipient_id, kind, title, body, link, dedupe_key)
          select u.id, ${alert.kind}, ${alert.title}, ${alert.body}, ${alert.link}, ${alert.dedupeKey}
          from users u left join notification_preferences p on p.user_id = u.id
          where u.role in (${sql.join(
            roles.map((r) => sql`${r}`),
            sql`, `,
          )}) and not coalesce(p.muted, '[]'::jsonb) @> ${kindJson}
          on conflict (recipient_id, dedupe_key) do nothing
          returning id, recipient_id, kind, title, body, link, read_at, created_at
        )
        select i.id, i.recipient_id as "recipientId", i.kind, i.title, i.body, i.link, null as "readAt",
          ${cursorTimestamp(sql`i.created_at`)} as "createdAt",
          coalesce(p.emailed, '[]'::jsonb) @> ${kindJson} as emailed
        from inserted i left join notification_preferences p on p.user_id = i.recipient_id`);
      return rows as unknown as Array<NotificationRecord & { emailed: boolean }>;
    },

    /** Newest first, keyset on (created_at, id); limit + 1 rows. */
    list(recipientId: string, q: { unreadOnly: boolean; after?: CreatedAtCursor; limit: number }): Promise<NotificationRecord[]> {
      const conditions: SQL[] = [eq(staffNotifications.recipientId, recipientId)];
      if (q.unreadOnly) conditions.push(isNull(staffNotifications.readAt));
      if (q.after) conditions.push(sql`(${staffNotifications.createdAt}, ${staffNotifications.id}) < (${q.after.createdAt}::timestamptz, ${q.after.id}::uuid)`);
      return db
        .select(notificationColumns)
        .from(staffNotifications)
        .where(and(...conditions))
        .orderBy(desc(staffNotifications.createdAt), desc(staffNotifications.id))
        .limit(q.limit + 1) as Promise<NotificationRecord[]>;
    },

    async unreadCount(recipientId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(staffNotifications)
        .where(and(eq(staffNotifications.recipientId, recipientId), isNull(staffNotifications.readAt)));
      return row?.n ?? 0;
    },

    /** Marks one of the recipient's notifications read (idempotent); undefined when it is not theirs. */
    async markRead(recipientId: string, id: string): Promise<NotificationRecord | undefined> {
      const mine = and(eq(staffNotifications.id, id), eq(staffNotifications.recipientId, recipientId));
      await db
        .update(staffNotifications)
        .set({ readAt: sql`now()` })
        .where(and(mine, isNull(staffNotifications.readAt)));
      const [row] = await db.select(notificationColumns).from(staffNotifications).where(mine);
      return row as NotificationRecord | undefined;
    },

    async markAllRead(recipientId: string): Promise<number> {
      const rows = await db
        .update(staffNotifications)
        .set({ readAt: sql`now()` })
        .where(and(eq(staffNotifications.recipientId, recipientId), isNull(staffNotifications.readAt)))
        .returning({ id: staffNotifications.id });
      return rows.length;
    },

    async preferences(userId: string): Promise<{ muted: string[]; emailed: string[] } | undefined> {
      const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
      return row;
    },

    async savePreferences(userId: string, muted: string[], emailed: string[]): Promise<void> {
      await db
        .insert(notificationPreferences)
        .values({ userId, muted, emailed })
        .onConflictDoUpdate({ target: notificationPreferences.userId, set: { muted, emailed, updatedAt: sql`now()` } });
    },

    /** Users of `roles` who want `kind` by e-mail (the unread-message mail goes only to them). */
    async emailRecipients(kind: StaffAlertKind, roles: readonly Role[]): Promise<string[]> {
      const { rows } = await db.execute(sql`
        select u.id from users u join notification_preferences p on p.user_id = u.id
        where u.role in (${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )}) and p.emailed @> jsonb_build_array(${kind}::text) and not p.muted @> jsonb_build_array(${kind}::text)`);
      return (rows as unknown as Array<{ id: string }>).map((r) => r.id);
    },

    async thresholds(productIds: string[]): Promise<Map<string, number>> {
      if (!productIds.length) return new Map();
      const rows = await db.select().from(lowStockThresholds).where(inArray(lowStockThresholds.productId, productIds));
      return new Map(rows.map((r) => [r.productId, r.threshold]));
    },

    async saveThreshold(productId: string, threshold: number): Promise<void> {
      await db.insert(lowStockThresholds).values({ productId, threshold }).onConflictDoUpdate({ target: lowStockThresholds.productId, set: { threshold } });
    },

    // ---- Order conversations ----

    async thread(orderId: string): Promise<OrderMessageRow[]> {
      return db.select().from(orderMessages).where(eq(orderMessages.orderId, orderId)).orderBy(asc(orderMessages.createdAt), asc(orderMessages.id));
    },

    async findMessage(id: string): Promise<OrderMessageRow | undefined> {
      const [row] = await db.select().from(orderMessages).where(eq(orderMessages.id, id));
      return row;
    },

    /** Messages of this author on this order (a guest: the order's guest messages) in the last minute: the rate limit. */
    async recentCount(orderId: string, authorId: string | null): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(orderMessages)
        .where(
          and(
            eq(orderMessages.orderId, orderId),
            authorId ? eq(orderMessages.authorId, authorId) : isNull(orderMessages.authorId),
            gte(orderMessages.createdAt, sql`now() - interval '1 minute'`),
          ),
        );
      return row?.n ?? 0;
    },

    async insertMessage(values: typeof orderMessages.$inferInsert, tx?: TxScope): Promise<OrderMessageRow> {
      const [row] = await executorOf(db, tx).insert(orderMessages).values(values).returning();
      return row!;
    },

    /** The read receipt: the other side's unread messages on this order become read now. Returns how many. */
    async markThreadRead(orderId: string, readerSide: "customer" | "staff"): Promise<{ count: number; readAt: Date | null }> {
      const rows = await db
        .update(orderMessages)
        .set({ readAt: sql`now()` })
        .where(and(eq(orderMessages.orderId, orderId), ne(orderMessages.authorSide, readerSide), isNull(orderMessages.readAt)))
        .returning({ readAt: orderMessages.readAt });
      return { count: rows.length, readAt: rows[0]?.readAt ?? null };
    },
  };
}
export type InboxRepo = ReturnType<typeof createInboxRepo>;
