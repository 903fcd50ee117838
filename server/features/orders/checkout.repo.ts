import { sql, type SQL } from "drizzle-orm";
import { idempotencyKeys, orderEvents, orderItems, orders, transactions } from "@shared/schema";
import type { ShippingAddress } from "@shared/contracts/orders";
import { executeNamedSql } from "../../db/prepared";
import { executorOf, type Db, type TxScope } from "../../db";
import type { CheckoutStockSql, LockedLineRow } from "../catalog/catalog.stock";
import { cursorTimestamp } from "../../lib/timestamp-cursor";
import { IDEMPOTENCY_TTL_HOURS, type NewTransaction } from "./orders.repo";
import type { PricingConfig } from "./pricing";

/**
 * Checkout's two statements (ADR 075): placing an order is ONE data-modifying statement and settling it after the
 * charge is another, each its own implicit transaction, each a named prepared statement of one fixed text (the
 * lines travel as one JSON array). The statements own this feature's tables; the catalog, audit and jobs parts
 * come from those features as SQL (catalog.stock.ts checkoutSql, audit recordSql, jobs enqueueSql).
 */

/** What places an order: the buyer's key claim (if any), the lines, the order's columns and the SQL of the other features. */
export interface PlaceOrderInput {
  claim?: { ownerId: string; key: string; fingerprint: string };
  lines: ReadonlyArray<{ productId: string; variantId?: string; quantity: number }>;
  userId: string | null;
  guestEmail: string | null;
  /** Already sealed for storage (the column's driver value). */
  shippingAddress: ShippingAddress;
  pricing: PricingConfig;
  maxTotalCents: number;
  /** The first event's actor: the user id, or "guest". */
  eventActor: string;
  stock: CheckoutStockSql;
  /** The order.created audit row over `placed, priced` (see placedAuditColumns). */
  audit: (placed: SQL) => SQL;
}

/** One row per request line (request order), with the order's columns when it was placed. */
export type PlacedRow = LockedLineRow &
  Record<string, unknown> & {
    claimed: boolean;
    order_id: string | null;
    number: string | null;
    subtotal_cents: number | null;
    tax_cents: number | null;
    shipping_cents: number | null;
    total_cents: number | null;
    order_currency: string | null;
    created_at: Date | string | null;
    updated_at: Date | string | null;
    created_at_text: string | null;
    event_at: Date | string | null;
    /** The product's total stock after this order took its units. */
    stock_after: number | null;
  };

/** The settle statement's inputs: the move to paid, the charge row, the follow-ups and the stored response. */
export interface SettlePaidInput {
  orderId: string;
  charge: NewTransaction;
  actor: string;
  /** The order.status_changed audit row and the order.notify job over the `moved` CTE. */
  audit: (moved: SQL) => SQL;
  notify?: (moved: SQL) => SQL;
  /** The Idempotency-Key's 201, as JSON whose `updatedAt` and last event's `at` the statement fills in. */
  stored?: { ownerId: string; key: string; status: number; body: unknown; eventIndex: number };
}

/** A timestamp as JavaScript's toISOString writes it (milliseconds, truncated like the drivers' Date parsing). */
const isoText = (ts: SQL) => sql`to_jsonb(to_char(${ts} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
const orderNumberText = (n: SQL) => sql`'FP-' || (case when length(${n}::text) >= 6 then ${n}::text else lpad(${n}::text, 6, '0') end)`;

export function createCheckoutRepo(db: Db) {
  return {
    /**
     * Claim + lock + check + decrement + order, items, first event and audit row, in ONE statement. Nothing but the
     * claim is written unless every line is orderable and in stock (checked under the row locks); a duplicate key
     * locks and writes nothing. The caller reads the outcome from the rows: `claimed`, then `order_id`.
     */
    async placeOrder(input: PlaceOrderInput): Promise<PlacedRow[]> {
      const lines = JSON.stringify(input.lines.map((l, i) => ({ idx: i, product_id: l.productId, variant_id: l.variantId ?? null, quantity: l.quantity })));
      const { ownerId = null, key = null, fingerprint = null } = input.claim ?? {};
      const { rows } = await executeNamedSql<PlacedRow>(
        db,
        sql`
        with req as (
          select r.idx, r.product_id, r.variant_id, r.quantity
          from jsonb_to_recordset(${lines}::jsonb) as r(idx int, product_id uuid, variant_id uuid, quantity int)
        ), purge as (
          delete from ${idempotencyKeys}
          where ${key}::text is not null and user_id = ${ownerId}::uuid and expires_at <= now() and key <> ${key}::text
        ), claim as (
          insert into ${idempotencyKeys} (user_id, key, fingerprint, expires_at)
          select ${ownerId}::uuid, ${key}::text, ${fingerprint}::text, now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}::int)
          where ${key}::text is not null
          on conflict (user_id, key) do update
            set fingerprint = excluded.fingerprint, response_status = null, response_body = null, created_at = now(), expires_at = excluded.expires_at
            where ${idempotencyKeys.expiresAt} <= now()
          returning 1
        ), claimed as (
          select ${key}::text is null or exists (select 1 from claim) as ok
        ), ${input.stock.lockCtes(sql`req`, sql`(select ok from claimed)`)}, totals as (
          select sum(price_cents::bigint * quantity) as subtotal, min(currency) as currency, count(*)::int as lines from stock_lines
        ), priced as (
          select subtotal, tax, shipping, subtotal + tax + shipping as total, currency, lines from (
            select subtotal, floor((subtotal::numeric * ${input.pricing.taxRateBps}::int + 5000) / 10000)::bigint as tax,
              (case when subtotal >= ${input.pricing.freeShippingThresholdCents}::int then 0 else ${input.pricing.shippingFlatCents}::int end)::bigint as shipping,
              currency, lines
            from totals) t
        ), go as (
          select (select ok from claimed) and ${input.stock.stockSuffices}
            and (select count(distinct currency) from stock_lines) = 1
            and (select total from priced) <= ${input.maxTotalCents}::bigint as ok
        ), ${input.stock.takeCtes(sql`(select ok from go)`)}, placed as (
          insert into ${orders} (user_id, guest_email, status, subtotal_cents, tax_cents, shipping_cents, total_cents, currency, shipping_address)
          select ${input.userId}::uuid, ${input.guestEmail}::text, 'pending', subtotal, tax, shipping, total, currency,
            ${orders.shippingAddress.mapToDriverValue(input.shippingAddress)}::jsonb
          from priced where (select ok from go)
          returning id, number, subtotal_cents, tax_cents, shipping_cents, total_cents, currency, created_at, updated_at
        ), items as (
          insert into ${orderItems} (order_id, product_id, variant_id, sku, option_values, name, unit_price_cents, quantity, line_total_cents)
          select placed.id, l.product_id, l.variant_id, l.sku, l.option_values, l.name, l.price_cents, l.quantity, l.price_cents * l.quantity
          from placed, stock_lines l
        ), first_event as (
          insert into ${orderEvents} (order_id, status, actor, at) select placed.id, 'pending', ${input.eventActor}::text, clock_timestamp() from placed returning at
        ), audited as (
          ${input.audit(sql`placed, priced`)}
        )
        select l.idx, l.product_id, l.variant_id, l.quantity, l.problem, l.name, l.slug, l.currency, l.image_url, l.status, l.brand_status,
          l.sku, l.option_values, l.price_cents, l.stock, (select ok from claimed) as claimed,
          placed.id as order_id, placed.number::text as number, placed.subtotal_cents, placed.tax_cents, placed.shipping_cents,
          placed.total_cents, placed.currency as order_currency, placed.created_at, placed.updated_at,
          ${cursorTimestamp(sql`placed.created_at`)} as created_at_text, first_event.at as event_at, t.stock as stock_after
        from stock_lines l
          left join placed on true
          left join first_event on true
          left join stock_taken t on t.id = l.product_id
        order by l.idx`,
      );
      return rows;
    },

    /** The target id and summary of placeOrder's audit row, from its `placed` and `priced` CTEs (as audit.record's summary). */
    placedAuditColumns: () => ({
      targetId: sql`placed.id::text`,
      summary: sql`jsonb_build_object('number', ${orderNumberText(sql`placed.number`)}, 'totalCents', placed.total_cents,
        'currency', placed.currency, 'lines', priced.lines)`,
    }),

    /** The target id and summary of settlePaid's audit row (the `moved` CTE's order; the summary is known beforehand). */
    movedAuditColumns: (summary: Record<string, unknown>) => ({ targetId: sql`moved.id::text`, summary: sql`${JSON.stringify(summary)}::jsonb` }),

    /**
     * pending → paid after a succeeded charge in ONE statement: the conditional move, the charge row (always), and
     * when the order moved its event, audit row, outbox job and the Idempotency-Key's stored 201. Undefined when the
     * order was no longer pending. `tx` only for a caller that must add a write of its own (a guest's mail).
     */
    async settlePaid(input: SettlePaidInput, tx?: TxScope): Promise<{ updatedAt: Date; eventAt: Date } | undefined> {
      const { charge, stored } = input;
      const moved = sql`moved`;
      const query = sql`
        with moved as (
          update ${orders} set status = 'paid', updated_at = clock_timestamp()
          where id = ${input.orderId}::uuid and status = 'pending'
          returning id, updated_at
        ), charged as (
          insert into ${transactions} (order_id, kind, status, amount_cents, currency, provider, reference)
          values (${charge.orderId}::uuid, ${charge.kind}, ${charge.status}, ${charge.amountCents}::int, ${charge.currency}, ${charge.provider}, ${charge.reference})
        ), paid_event as (
          insert into ${orderEvents} (order_id, status, actor, at) select moved.id, 'paid', ${input.actor}::text, clock_timestamp() from moved returning at
        ), audited as (
          ${input.audit(moved)}
        ), notified as (
          ${input.notify ? input.notify(moved) : sql`select 1 where false`}
        ), answered as (
          update ${idempotencyKeys} k
          set response_status = ${stored?.status ?? null}::int,
            response_body = jsonb_set(jsonb_set(${stored ? JSON.stringify(stored.body) : null}::jsonb, '{updatedAt}', ${isoText(sql`moved.updated_at`)}),
              array['events', ${String(stored?.eventIndex ?? 0)}::text, 'at'], ${isoText(sql`paid_event.at`)})
          from moved, paid_event
          where ${stored?.key ?? null}::text is not null and k.user_id = ${stored?.ownerId ?? null}::uuid and k.key = ${stored?.key ?? null}::text
        )
        select moved.updated_at, paid_event.at as event_at from moved, paid_event`;
      const { rows } = tx
        ? ((await executorOf(db, tx).execute(query)) as unknown as { rows: Array<{ updated_at: Date | string; event_at: Date | string }> })
        : await executeNamedSql<{ updated_at: Date | string; event_at: Date | string }>(db, query);
      const r = rows[0];
      return r ? { updatedAt: new Date(r.updated_at), eventAt: new Date(r.event_at) } : undefined;
    },
  };
}
export type CheckoutRepo = ReturnType<typeof createCheckoutRepo>;
