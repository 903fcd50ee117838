import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { idempotencyKeys, orderEvents, orderItems, orders, transactions, users, type orderStatuses } from "@shared/schema";
import type { ShippingAddress } from "@shared/contracts/orders";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";
import { containsPattern } from "../../lib/like";
import { cursorTimestamp, type CreatedAtCursor } from "../../lib/timestamp-cursor";

/**
 * The only module that touches orders, order_items, order_events, transactions and idempotency_keys.
 * The one exception to "own tables only" is a read-only join to users in `list`, for the staff search
 * by customer email (one statement instead of a users lookup plus a second orders query).
 */

type Status = (typeof orderStatuses)[number];

export interface OrderRow {
  id: string;
  number: number;
  /** Null for guest checkouts and for orders whose owner deleted the account. */
  userId: string | null;
  guestEmail: string | null;
  status: Status;
  subtotalCents: number;
  taxCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  shippingAddress: ShippingAddress;
  createdAt: Date;
  updatedAt: Date;
  /** created_at as the database's UTC text with microseconds (the keyset cursor value). */
  createdAtText: string;
}

export interface ItemRow {
  orderId: string;
  productId: string;
  /** Null once the variant was removed from the product (the line keeps its SKU and option values). */
  variantId: string | null;
  sku: string;
  optionValues: Record<string, string>;
  name: string;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
}

export interface EventRow {
  orderId: string;
  status: Status;
  actor: string;
  at: Date;
}

export type TransactionRow = typeof transactions.$inferSelect;
export type NewTransaction = Omit<typeof transactions.$inferInsert, "id" | "createdAt">;

/** A pending order as the reconciliation sweep sees it. */
export type StalePendingOrder = Pick<OrderRow, "id" | "number" | "userId" | "totalCents" | "currency">;
export type NewOrder = Pick<OrderRow, "userId" | "guestEmail" | "subtotalCents" | "taxCents" | "shippingCents" | "totalCents" | "currency" | "shippingAddress">;

export interface OrderListParams {
  userId?: string;
  status?: Status;
  /** Order number to match exactly. */
  number?: number;
  /** Part of the customer's email (case-insensitive). */
  emailContains?: string;
  /** Leave out orders cancelled before they were ever paid (a declined card): the shopper's own history. */
  hideUnpaidCancelled?: boolean;
  after?: CreatedAtCursor;
  limit: number;
}

export interface StoredIdempotency {
  fingerprint: string;
  responseStatus: number | null;
  responseBody: unknown;
}

const orderColumns = {
  id: orders.id,
  number: orders.number,
  userId: orders.userId,
  guestEmail: orders.guestEmail,
  status: orders.status,
  subtotalCents: orders.subtotalCents,
  taxCents: orders.taxCents,
  shippingCents: orders.shippingCents,
  totalCents: orders.totalCents,
  currency: orders.currency,
  shippingAddress: orders.shippingAddress,
  createdAt: orders.createdAt,
  updatedAt: orders.updatedAt,
  createdAtText: cursorTimestamp(orders.createdAt),
};

const itemColumns = {
  orderId: orderItems.orderId,
  productId: orderItems.productId,
  variantId: orderItems.variantId,
  sku: orderItems.sku,
  optionValues: orderItems.optionValues,
  name: orderItems.name,
  unitPriceCents: orderItems.unitPriceCents,
  quantity: orderItems.quantity,
  lineTotalCents: orderItems.lineTotalCents,
};

const eventColumns = { orderId: orderEvents.orderId, status: orderEvents.status, actor: orderEvents.actor, at: orderEvents.at };

/** Idempotency keys are kept 24 hours (clients may retry for at least 24 hours; docs/api.md). */
export const IDEMPOTENCY_TTL_HOURS = 24;

export function createOrdersRepo(db: Db) {
  return {
    transaction: <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn),

    /**
     * Records a payment outcome in ONE statement: the conditional status move (`from` → `to`), the transaction
     * row (always: a charge happened whether or not the order could still move) and, if the order moved, its
     * event. Undefined when the order was no longer `from` (someone else moved it first).
     */
    async settlePayment(
      orderId: string,
      move: { from: Status; to: Status; actor: string },
      payment: NewTransaction,
      tx: TxScope,
    ): Promise<{ updatedAt: Date; event: EventRow } | undefined> {
      const { rows } = await executorOf(db, tx).execute<{ updated_at: Date | string; event_at: Date | string }>(sql`
        with moved as (
          update ${orders} set status = ${move.to}, updated_at = clock_timestamp()
          where id = ${orderId} and status = ${move.from}
          returning id, updated_at
        ), t as (
          insert into ${transactions} (order_id, kind, status, amount_cents, currency, provider, reference)
          values (${payment.orderId}, ${payment.kind}, ${payment.status}, ${payment.amountCents}, ${payment.currency}, ${payment.provider}, ${payment.reference})
        ), e as (
          insert into ${orderEvents} (order_id, status, actor, at) select moved.id, ${move.to}, ${move.actor}, clock_timestamp() from moved returning at
        )
        select moved.updated_at, e.at as event_at from moved, e`);
      const r = rows[0];
      if (!r) return undefined;
      return { updatedAt: new Date(r.updated_at), event: { orderId, status: move.to, actor: move.actor, at: new Date(r.event_at) } };
    },

    /**
     * Appends a status event. clock_timestamp(), not now() (the transaction's start): the event is written
     * after the order row is locked, so events of one order are ordered by `at` even when their transactions overlapped.
     */
    async appendEvent(orderId: string, status: Status, actor: string, tx: TxScope): Promise<EventRow> {
      const [row] = await executorOf(db, tx)
        .insert(orderEvents)
        .values({ orderId, status, actor, at: sql`clock_timestamp()` })
        .returning(eventColumns);
      return row!;
    },

    /**
     * Moves an order from `from` to `to` in ONE conditional statement. Under concurrency exactly one caller
     * wins; the others get undefined (their WHERE no longer matches once the winner commits).
     */
    async transition(id: string, from: Status, to: Status, tx: TxScope): Promise<{ updatedAt: Date } | undefined> {
      const [row] = await executorOf(db, tx)
        .update(orders)
        .set({ status: to, updatedAt: sql`clock_timestamp()` })
        .where(and(eq(orders.id, id), eq(orders.status, from)))
        .returning({ updatedAt: orders.updatedAt });
      return row;
    },

    async findById(id: string, tx?: TxScope): Promise<OrderRow | undefined> {
      const [row] = await executorOf(db, tx).select(orderColumns).from(orders).where(eq(orders.id, id)).limit(1);
      return row;
    },

    /** Items of many orders in one query (list pages: no N+1). */
    async itemsOf(orderIds: readonly string[], tx?: TxScope): Promise<ItemRow[]> {
      if (orderIds.length === 0) return [];
      return executorOf(db, tx)
        .select(itemColumns)
        .from(orderItems)
        .where(inArray(orderItems.orderId, [...orderIds]))
        .orderBy(asc(orderItems.name), asc(orderItems.productId));
    },

    /** Events of many orders in one query, oldest first. */
    async eventsOf(orderIds: readonly string[], tx?: TxScope): Promise<EventRow[]> {
      if (orderIds.length === 0) return [];
      return executorOf(db, tx)
        .select(eventColumns)
        .from(orderEvents)
        .where(inArray(orderEvents.orderId, [...orderIds]))
        .orderBy(asc(orderEvents.at), asc(orderEvents.id));
    },

    /** Newest first, keyset paging on (created_at, id); fetches limit + 1 rows. */
    async list(params: OrderListParams): Promise<OrderRow[]> {
      const conditions: SQL[] = [];
      if (params.userId) conditions.push(eq(orders.userId, params.userId));
      if (params.status) conditions.push(eq(orders.status, params.status));
      const search: SQL[] = [];
      if (params.number !== undefined) search.push(eq(orders.number, params.number));
      if (params.emailContains) search.push(ilike(users.email, containsPattern(params.emailContains)));
      if (search.length) conditions.push(or(...search)!);
      if (params.hideUnpaidCancelled) {
        conditions.push(
          sql`not (${orders.status} = 'cancelled' and not exists (select 1 from ${orderEvents} where ${orderEvents.orderId} = ${orders.id} and ${orderEvents.status} = 'paid'))`,
        );
      }
      if (params.after) conditions.push(sql`(${orders.createdAt}, ${orders.id}) < (${params.after.createdAt}::timestamptz, ${params.after.id}::uuid)`);
      const base = db.select(orderColumns).from(orders);
      const joined = params.emailContains ? base.innerJoin(users, eq(users.id, orders.userId)) : base;
      return joined
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(params.limit + 1);
    },

    async insertTransaction(values: NewTransaction, tx: TxScope): Promise<TransactionRow> {
      const [row] = await executorOf(db, tx).insert(transactions).values(values).returning();
      return row!;
    },

    async transactionsOf(orderId: string): Promise<TransactionRow[]> {
      return db.select().from(transactions).where(eq(transactions.orderId, orderId)).orderBy(asc(transactions.createdAt), asc(transactions.id));
    },

    async succeededCharge(orderId: string, tx: TxScope): Promise<TransactionRow | undefined> {
      const [row] = await executorOf(db, tx)
        .select()
        .from(transactions)
        .where(and(eq(transactions.orderId, orderId), eq(transactions.kind, "charge"), eq(transactions.status, "succeeded")))
        .limit(1);
      return row;
    },

    /** Paid, shipped or delivered orders created since midnight UTC (the dashboard's business figures). */
    async figuresSinceUtcMidnight(): Promise<{ orders: number; revenueCents: number; customers: number }> {
      const [row] = await db
        .select({
          orders: sql<number>`count(*)::int`,
          revenueCents: sql<string>`coalesce(sum(${orders.totalCents}), 0)::bigint`,
          customers: sql<number>`count(distinct ${orders.userId})::int`,
        })
        .from(orders)
        .where(
          and(
            inArray(orders.status, ["paid", "shipped", "delivered"]),
            sql`${orders.createdAt} >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'`,
          ),
        );
      return { orders: row?.orders ?? 0, revenueCents: Number(row?.revenueCents ?? 0), customers: row?.customers ?? 0 };
    },

    /**
     * Orders still pending `olderThanSeconds` after they were placed, oldest first (the reconciliation sweep). Only
     * what settling needs: the sealed address is not read, so one row that cannot be opened (a key removed too
     * early, a row restored from another installation) cannot stop the sweep for every other order.
     */
    async stalePending(olderThanSeconds: number, limit: number): Promise<StalePendingOrder[]> {
      return db
        .select({ id: orders.id, number: orders.number, userId: orders.userId, totalCents: orders.totalCents, currency: orders.currency })
        .from(orders)
        .where(and(eq(orders.status, "pending"), sql`${orders.createdAt} < now() - make_interval(secs => ${olderThanSeconds})`))
        .orderBy(asc(orders.createdAt))
        .limit(limit);
    },

    // ---------------------------------------------------------------- idempotency keys

    /** Deletes every expired key (claims also purge a user's own expired keys; this catches users who never return). */
    async purgeExpiredIdempotencyKeys(): Promise<number> {
      const rows = await db
        .delete(idempotencyKeys)
        .where(sql`${idempotencyKeys.expiresAt} <= now()`)
        .returning({ key: idempotencyKeys.key });
      return rows.length;
    },

    /**
     * The stored row of a key that checkout's statement could not claim (checkout.repo.ts placeOrder claims in the
     * statement that places the order; this read runs only for a duplicate).
     */
    async findIdempotencyKey(userId: string, key: string): Promise<StoredIdempotency | undefined> {
      const [row] = await db
        .select({ fingerprint: idempotencyKeys.fingerprint, responseStatus: idempotencyKeys.responseStatus, responseBody: idempotencyKeys.responseBody })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
        .limit(1);
      return row;
    },

    /** Stores the final response of a claimed key (inside the transaction that produced it, when there is one). */
    async completeIdempotencyKey(userId: string, key: string, status: number, body: unknown, tx?: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(idempotencyKeys)
        .set({ responseStatus: status, responseBody: body })
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    },

    /** Gives an unfinished key back (its request failed in a retryable way). */
    async releaseIdempotencyKey(userId: string, key: string): Promise<void> {
      await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.responseStatus)));
    },
  };
}
export type OrdersRepo = ReturnType<typeof createOrdersRepo>;
