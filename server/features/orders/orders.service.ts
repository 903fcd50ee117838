import { createHmac } from "node:crypto";
import type { Role } from "@shared/contracts/auth";
import type { ListOf } from "@shared/contracts/common";
import {
  canTransition,
  formatOrderNumber,
  IDEMPOTENT_REPLAYED_HEADER,
  parseOrderNumber,
  type BusinessFigures,
  type Order,
  type OrderCreate,
  type OrderListFilters,
  type OrderStatus,
  type Quote,
  type QuoteLine,
  type QuoteRequest,
  type Transaction,
} from "@shared/contracts/orders";
import type { ErrorBody, ErrorDetail } from "@shared/errors";
import { AppError, notFound } from "../../lib/app-error";
import type { EventBus } from "../../lib/events";
import type { Logger } from "../../lib/logger";
import { toPage } from "../../lib/pagination";
import { decodeCreatedAtCursor } from "../../lib/timestamp-cursor";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import { isOrderable, type CatalogStock, type OrderableProduct } from "../catalog/catalog.stock";
import type { ChargeOutcome, PaymentsService } from "../payments/payments.service";
import type { EventRow, ItemRow, OrderRow, OrdersRepo, StoredIdempotency, TransactionRow } from "./orders.repo";
import { MAX_ORDER_TOTAL_CENTS, priceLines, type PricingConfig } from "./pricing";

/**
 * Checkout and the order life cycle .
 *
 * Placing an order is two short transactions around the payment call, so no database lock is held while
 * the provider is on the network:
 *   1. read the products (no locks; their prices are the order's prices), validate, insert the order
 *      (pending) + items + first event + audit, then reserve the stock with conditional decrements (last,
 *      so product row locks live only until the commit); any failure rolls ALL of it back: never a
 *      half-written order;
 *   2. after the charge: pending → paid (charge row, event) or pending → cancelled (failed charge row,
 *      stock released, event) — plus the Idempotency-Key's stored response, in the same transaction.
 * A crash between 1 and 2 leaves a pending order holding its stock (and its Idempotency-Key "in progress"
 * until it expires): a consistent state a sweeper can cancel later (not built yet).
 *
 * Every status change is one conditional UPDATE (WHERE status = <from>): of two racing requests exactly one
 * wins, so a refund and a stock restore happen exactly once; the loser gets 409 invalid_transition.
 */

export interface OrdersViewer {
  id: string;
  email: string;
  role: Role;
}

export interface OrdersDeps {
  repo: OrdersRepo;
  stock: CatalogStock;
  audit: AuditService;
  payments: PaymentsService;
  events: EventBus;
  logger: Logger;
  pricing: PricingConfig;
  /** Keys the Idempotency-Key fingerprint (an HMAC, so the stored value reveals nothing about the card number). */
  fingerprintKey: Buffer;
}

export interface CreateOrderResult {
  status: number;
  order: Order;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

const SYSTEM_ACTOR = "system";
const LIST_SORT = "orders:newest";
const isStaff = (viewer: OrdersViewer) => viewer.role === "staff" || viewer.role === "admin";
const actorOf = (viewer: OrdersViewer) => ({ id: viewer.id, email: viewer.email, role: viewer.role });

const byName = (a: ItemRow | Omit<ItemRow, "orderId">, b: ItemRow | Omit<ItemRow, "orderId">) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0;

/** The Order JSON (shared/contracts/orders.ts), field by field. */
function toOrderJson(row: OrderRow, items: ReadonlyArray<Omit<ItemRow, "orderId">>, events: readonly EventRow[]): Order {
  return {
    id: row.id,
    number: formatOrderNumber(row.number),
    userId: row.userId,
    status: row.status,
    items: [...items].sort(byName).map((i) => ({
      productId: i.productId,
      name: i.name,
      unitPriceCents: i.unitPriceCents,
      quantity: i.quantity,
      lineTotalCents: i.lineTotalCents,
    })),
    subtotalCents: row.subtotalCents,
    taxCents: row.taxCents,
    shippingCents: row.shippingCents,
    totalCents: row.totalCents,
    currency: row.currency,
    shippingAddress: row.shippingAddress,
    events: events.map((e) => ({ status: e.status, at: e.at.toISOString(), actor: e.actor })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toTransactionJson(t: TransactionRow): Transaction {
  return {
    id: t.id,
    kind: t.kind,
    status: t.status,
    amountCents: t.amountCents,
    currency: t.currency,
    provider: t.provider,
    reference: t.reference,
    createdAt: t.createdAt.toISOString(),
  };
}

/** Map.groupBy arrived in Node 21; the server also runs on Node 20. */
function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** JSON with object keys sorted at every level: equal payloads give equal text whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const invalidTransition = (from: OrderStatus, to: OrderStatus) =>
  new AppError("invalid_transition", `An order that is ${from} cannot become ${to}.`, [{ path: "status", message: `Not allowed from ${from}` }]);

/** The body a 4xx answer is stored with for Idempotency-Key replays (no request id: a replay gets its own). */
const storedErrorBody = (err: AppError): ErrorBody => ({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });

/** How far a checkout got: decides what a failure must do with its Idempotency-Key. */
interface CheckoutProgress {
  orderCommitted: boolean;
  responseStored: boolean;
}

export function createOrdersService(deps: OrdersDeps) {
  const { repo, stock, audit, payments, events, logger, pricing } = deps;

  /** Events go out after the commit; a failed publish is logged, never turned into a failed request. */
  const publish: EventBus["publish"] = (topic, payload) =>
    events.publish(topic, payload).catch((err: unknown) => logger.warn({ err: (err as Error)?.message, topic }, "order event not published"));

  /**
   * Stock that crossed zero (sold out, or back after a cancellation) changes what shoppers may see in the
   * catalog's cached lists (in stock / out of stock): tell the catalog, like its own writes do. Smaller stock
   * changes do not invalidate its cache (that would empty it on every order); its TTL bounds their staleness.
   */
  const announceStockCrossings = (productIds: readonly string[]) => {
    for (const id of productIds) void publish("catalog.changed", { entity: "product", id });
  };

  const publishStatus = (row: Pick<OrderRow, "id" | "number" | "userId">, status: OrderStatus, at: Date) =>
    publish("order.status_changed", { orderId: row.id, number: formatOrderNumber(row.number), userId: row.userId, status, at: at.toISOString() });

  async function orderJsonById(id: string): Promise<Order | undefined> {
    const row = await repo.findById(id);
    if (!row) return undefined;
    const [items, orderEvents] = await Promise.all([repo.itemsOf([id]), repo.eventsOf([id])]);
    return toOrderJson(row, items, orderEvents);
  }

  /** The order if the viewer may see it: its owner, staff or admin. Anyone else gets the same 404 as for no order. */
  async function visibleOrder(viewer: OrdersViewer, id: string): Promise<OrderRow> {
    const row = await repo.findById(id);
    if (!row || (!isStaff(viewer) && row.userId !== viewer.id)) throw notFound("Order");
    return row;
  }

  function fingerprint(input: OrderCreate): string {
    return createHmac("sha256", deps.fingerprintKey).update(`POST /api/v1/orders\n${canonicalJson(input)}`).digest("hex");
  }

  function replay(stored: StoredIdempotency, expectedFingerprint: string): CreateOrderResult {
    if (stored.fingerprint !== expectedFingerprint) {
      throw new AppError("idempotency_key_reused", "This Idempotency-Key was already used for a different request. Use a new key for a new order.");
    }
    if (stored.responseStatus === null) {
      throw new AppError("idempotency_in_progress", "A request with this Idempotency-Key is still being processed. Retry in a moment.", undefined, { "Retry-After": "1" });
    }
    if (stored.responseStatus < 300) return { status: stored.responseStatus, order: stored.responseBody as Order, replayed: true };
    const { error } = stored.responseBody as ErrorBody;
    throw new AppError(error.code, error.message, error.details, { [IDEMPOTENT_REPLAYED_HEADER]: "true" });
  }

  /** Transaction 1: the pending order with its stock reserved, or nothing at all. */
  async function insertPendingOrder(viewer: OrdersViewer, input: OrderCreate, meta: RequestMeta) {
    return repo.transaction(async (tx) => {
      const products = new Map((await stock.loadProductsForOrder(input.items.map((i) => i.productId), tx)).map((p) => [p.id, p]));
      const unavailable: ErrorDetail[] = [];
      input.items.forEach((line, i) => {
        const product = products.get(line.productId);
        if (!product) unavailable.push({ path: `items.${i}.productId`, message: "No such product" });
        else if (!isOrderable(product)) unavailable.push({ path: `items.${i}.productId`, message: `${product.name} is no longer sold` });
      });
      if (unavailable.length) throw new AppError("validation_failed", "Some items cannot be ordered.", unavailable);

      const lines = input.items.map((line) => {
        const product = products.get(line.productId)!;
        return { product, quantity: line.quantity };
      });
      const currency = lines[0]!.product.currency;
      const otherCurrency = lines.flatMap((l, i) => (l.product.currency === currency ? [] : [{ path: `items.${i}.productId`, message: `Priced in ${l.product.currency}, not ${currency}` }]));
      if (otherCurrency.length) throw new AppError("validation_failed", "All items of an order must be priced in the same currency.", otherCurrency);

      // Fail fast on what the read already shows; the conditional decrement below is what actually guards.
      const short = lines.findIndex((l) => l.product.stock < l.quantity);
      if (short >= 0) throw outOfStock(lines, short);

      const items = lines.map(({ product, quantity }) => ({
        productId: product.id,
        name: product.name,
        unitPriceCents: product.priceCents,
        quantity,
        lineTotalCents: product.priceCents * quantity,
      }));
      const totals = priceLines(items, pricing);
      if (totals.totalCents > MAX_ORDER_TOTAL_CENTS) {
        throw new AppError("validation_failed", "The order total is too large.", [{ path: "items", message: "Split the order into smaller ones" }]);
      }

      const { row, event: created } = await repo.insertPendingOrder(tx, { userId: viewer.id, ...totals, currency, shippingAddress: input.shippingAddress }, items, viewer.id);
      await audit.record(
        {
          actor: actorOf(viewer),
          action: "order.created",
          target: { type: "order", id: row.id },
          summary: { number: formatOrderNumber(row.number), totalCents: totals.totalCents, currency, lines: items.length },
        },
        meta,
        tx,
      );
      // Last: the product rows stay locked only from here to the commit.
      const reserved = await stock.reserveStock(items, tx);
      if (!reserved.ok) {
        // Someone else got there first (or archived it meanwhile): answer with the product as it is now.
        const index = lines.findIndex((l) => l.product.id === reserved.productId);
        const [now] = await stock.loadProductsForOrder([reserved.productId], tx);
        if (!now || !isOrderable(now)) throw new AppError("validation_failed", "Some items cannot be ordered.", [{ path: `items.${index}.productId`, message: "This product is no longer sold" }]);
        throw outOfStock([{ product: now, quantity: lines[index]!.quantity }], 0, index);
      }
      return { row, items, events: [created], soldOut: reserved.soldOut };
    });
  }

  /** 409 naming the request line (`itemIndex`, its position in the body) that cannot be served. */
  function outOfStock(lines: Array<{ product: OrderableProduct; quantity: number }>, index: number, itemIndex = index): AppError {
    const line = lines[index]!;
    const left = Math.max(0, Math.min(line.product.stock, line.quantity - 1));
    return new AppError("out_of_stock", `Not enough stock for ${line.product.name}.`, [
      { path: `items.${itemIndex}.quantity`, message: left > 0 ? `Only ${left} left` : "Out of stock" },
    ]);
  }

  /** Transaction 2 after a succeeded charge: pending → paid, or — if the order was cancelled meanwhile — refund the charge. */
  async function settlePaid(
    viewer: OrdersViewer,
    placed: Awaited<ReturnType<typeof insertPendingOrder>>,
    charge: Extract<ChargeOutcome, { outcome: "succeeded" }>,
    meta: RequestMeta,
    progress: CheckoutProgress,
    idempotency: { userId: string; key: string } | undefined,
  ): Promise<Order> {
    const { row } = placed;
    const paid = await repo.transaction(async (tx) => {
      const chargeRow = { orderId: row.id, kind: "charge" as const, status: "succeeded" as const, amountCents: row.totalCents, currency: row.currency, provider: payments.providerName, reference: charge.reference };
      const moved = await repo.settlePayment(tx, row.id, { from: "pending", to: "paid", actor: SYSTEM_ACTOR }, chargeRow);
      if (!moved) return undefined;
      await audit.record(
        { actor: actorOf(viewer), action: "order.status_changed", target: { type: "order", id: row.id }, summary: { number: formatOrderNumber(row.number), from: "pending", to: "paid", reason: "payment_succeeded" } },
        meta,
        tx,
      );
      const order = toOrderJson({ ...row, status: "paid", updatedAt: moved.updatedAt }, placed.items, [...placed.events, moved.event]);
      if (idempotency) await repo.completeIdempotencyKey(idempotency.userId, idempotency.key, 201, order, tx);
      return { order, event: moved.event };
    });
    if (paid) {
      progress.responseStored = Boolean(idempotency);
      void publishStatus(row, "paid", paid.event.at);
      return paid.order;
    }
    // Cancelled (and its stock released) while the card was being charged: give the money back.
    const refund = await payments.refund({ orderId: row.id, chargeReference: charge.reference, amountCents: row.totalCents, currency: row.currency });
    await repo.transaction(async (tx) => {
      await repo.insertTransaction(tx, {
        orderId: row.id,
        kind: "refund",
        status: refund.outcome === "succeeded" ? "succeeded" : "failed",
        amountCents: row.totalCents,
        currency: row.currency,
        provider: payments.providerName,
        reference: refund.outcome === "succeeded" ? refund.reference : `unavailable:${refund.reason}`,
      });
      await audit.record(
        { actor: actorOf(viewer), action: "order.refunded", target: { type: "order", id: row.id }, summary: { number: formatOrderNumber(row.number), amountCents: row.totalCents, refunded: refund.outcome === "succeeded" } },
        meta,
        tx,
      );
    });
    throw new AppError("invalid_transition", "The order was cancelled while the payment was being processed; the charge has been refunded.");
  }

  /** Transaction 2 after a declined or failed charge: pending → cancelled, failed charge row, stock back. Throws the 402. */
  async function settleFailed(
    viewer: OrdersViewer,
    placed: Awaited<ReturnType<typeof insertPendingOrder>>,
    charge: Exclude<ChargeOutcome, { outcome: "succeeded" }>,
    meta: RequestMeta,
    progress: CheckoutProgress,
    idempotency: { userId: string; key: string } | undefined,
  ): Promise<never> {
    const { row } = placed;
    // A provider outage is not the shopper's card saying no, but either way nothing was charged and the order is off.
    const error =
      charge.outcome === "declined"
        ? new AppError("payment_declined", `${charge.reason} The order was cancelled; you have not been charged.`)
        : new AppError("payment_declined", "The payment could not be processed; you have not been charged. Please try again in a few minutes.");
    const cancelled = await repo.transaction(async (tx) => {
      const failedCharge = { orderId: row.id, kind: "charge" as const, status: "failed" as const, amountCents: row.totalCents, currency: row.currency, provider: payments.providerName, reference: charge.reference };
      const moved = await repo.settlePayment(tx, row.id, { from: "pending", to: "cancelled", actor: SYSTEM_ACTOR }, failedCharge);
      // Not moved: cancelled meanwhile by someone else, who already gave the stock back.
      let outcome: { event: EventRow; backInStock: string[] } | undefined;
      if (moved) {
        await audit.record(
          {
            actor: actorOf(viewer),
            action: "order.cancelled",
            target: { type: "order", id: row.id },
            summary: { number: formatOrderNumber(row.number), from: "pending", to: "cancelled", reason: charge.outcome === "declined" ? "payment_declined" : `payment_unavailable:${charge.reason}` },
          },
          meta,
          tx,
        );
        outcome = { event: moved.event, backInStock: await stock.releaseStock(placed.items, tx) };
      }
      if (idempotency) await repo.completeIdempotencyKey(idempotency.userId, idempotency.key, error.status, storedErrorBody(error), tx);
      return outcome;
    });
    progress.responseStored = Boolean(idempotency);
    if (cancelled) {
      void publishStatus(row, "cancelled", cancelled.event.at);
      announceStockCrossings(cancelled.backInStock);
    }
    throw error;
  }

  async function placeOrder(viewer: OrdersViewer, input: OrderCreate, meta: RequestMeta, progress: CheckoutProgress, idempotency?: { userId: string; key: string }): Promise<Order> {
    const placed = await insertPendingOrder(viewer, input, meta);
    progress.orderCommitted = true;
    void publish("order.created", { orderId: placed.row.id, userId: viewer.id, order: toOrderJson(placed.row, placed.items, placed.events) });
    announceStockCrossings(placed.soldOut);

    const charge = await payments.charge({ orderId: placed.row.id, amountCents: placed.row.totalCents, currency: placed.row.currency, cardNumber: input.payment.cardNumber });
    return charge.outcome === "succeeded"
      ? settlePaid(viewer, placed, charge, meta, progress, idempotency)
      : settleFailed(viewer, placed, charge, meta, progress, idempotency);
  }

  /** Moves an order along the status machine; cancelling restores stock and refunds a paid order. */
  async function applyTransition(viewer: OrdersViewer, row: OrderRow, to: OrderStatus, meta: RequestMeta): Promise<Order> {
    const from = row.status;
    if (!canTransition(from, to)) throw invalidTransition(from, to);
    const number = formatOrderNumber(row.number);
    const changed = await repo.transaction(async (tx) => {
      const moved = await repo.transition(tx, row.id, from, to);
      if (!moved) return undefined; // lost a race: someone else moved it first
      let refund: TransactionRow | undefined;
      let backInStock: string[] = [];
      if (to === "cancelled") {
        const charge = from === "paid" ? await repo.succeededCharge(tx, row.id) : undefined;
        if (charge) {
          // Inside the transaction: if the provider cannot refund, the order stays paid (rolled back), never cancelled unrefunded.
          // Only the order row is locked during the call; product rows are locked after it.
          const result = await payments.refund({ orderId: row.id, chargeReference: charge.reference, amountCents: charge.amountCents, currency: charge.currency });
          if (result.outcome !== "succeeded") {
            throw new AppError("not_ready", "The payment service cannot refund this order right now, so it was not cancelled. Please try again later.");
          }
          refund = await repo.insertTransaction(tx, { orderId: row.id, kind: "refund", status: "succeeded", amountCents: charge.amountCents, currency: charge.currency, provider: payments.providerName, reference: result.reference });
        }
        backInStock = await stock.releaseStock(await repo.itemsOf([row.id], tx), tx);
      }
      const event = await repo.appendEvent(tx, row.id, to, viewer.id);
      await audit.record(
        { actor: actorOf(viewer), action: to === "cancelled" ? "order.cancelled" : "order.status_changed", target: { type: "order", id: row.id }, summary: { number, from, to } },
        meta,
        tx,
      );
      if (refund) {
        await audit.record(
          { actor: actorOf(viewer), action: "order.refunded", target: { type: "order", id: row.id }, summary: { number, amountCents: refund.amountCents, currency: refund.currency, reference: refund.reference } },
          meta,
          tx,
        );
      }
      return { event, backInStock };
    });
    if (!changed) {
      const now = await repo.findById(row.id);
      throw new AppError("invalid_transition", `The order changed meanwhile: it is now ${now?.status ?? "gone"} and cannot become ${to}.`, [
        { path: "status", message: `Not allowed from ${now?.status ?? from}` },
      ]);
    }
    void publishStatus(row, to, changed.event.at);
    announceStockCrossings(changed.backInStock);
    return (await orderJsonById(row.id))!;
  }

  return {
    /** POST /cart/quote: current prices and availability; lines with a problem are left out of the totals. */
    async quote(input: QuoteRequest): Promise<Quote> {
      const products = new Map((await stock.loadProductsForOrder(input.items.map((i) => i.productId))).map((p) => [p.id, p]));
      let currency: string | undefined;
      const lines: QuoteLine[] = input.items.map(({ productId, quantity }) => {
        const p = products.get(productId);
        if (!p) return { productId, slug: null, name: null, imageUrl: null, quantity, unitPriceCents: null, lineTotalCents: 0, available: 0, problem: "not_found" };
        const base = { productId, slug: p.slug, name: p.name, imageUrl: p.imageUrl, quantity, unitPriceCents: p.priceCents };
        if (!isOrderable(p)) return { ...base, lineTotalCents: 0, available: 0, problem: "archived" };
        if (p.stock === 0) return { ...base, lineTotalCents: 0, available: 0, problem: "out_of_stock" };
        if (p.stock < quantity) return { ...base, lineTotalCents: 0, available: p.stock, problem: "insufficient_stock" };
        currency ??= p.currency;
        if (p.currency !== currency) return { ...base, lineTotalCents: 0, available: p.stock, problem: "currency_mismatch" };
        return { ...base, lineTotalCents: p.priceCents * quantity, available: p.stock, problem: null };
      });
      const good = lines.filter((l) => l.problem === null).map((l) => ({ unitPriceCents: l.unitPriceCents!, quantity: l.quantity }));
      const totals = priceLines(good, pricing);
      return { lines, ...totals, currency: currency ?? "USD", orderable: lines.every((l) => l.problem === null) && totals.totalCents <= MAX_ORDER_TOTAL_CENTS };
    },

    /**
     * POST /orders. With an Idempotency-Key (IETF draft semantics, scoped to the user): the key is claimed
     * in its own committed statement before any work; a duplicate gets the stored answer (or 409 while the
     * first is running, 422 for a different body). 4xx answers are stored and replayed; a 5xx before the
     * order was committed releases the key so the client may retry. A 5xx after that keeps the key "in
     * progress": a retry must not create a second order next to a pending one.
     */
    async create(viewer: OrdersViewer, input: OrderCreate, idempotencyKey: string | undefined, meta: RequestMeta): Promise<CreateOrderResult> {
      const progress: CheckoutProgress = { orderCommitted: false, responseStored: false };
      if (!idempotencyKey) return { status: 201, order: await placeOrder(viewer, input, meta, progress), replayed: false };

      const expected = fingerprint(input);
      const stored = await repo.claimIdempotencyKey(viewer.id, idempotencyKey, expected);
      if (stored) return replay(stored, expected);
      const idempotency = { userId: viewer.id, key: idempotencyKey };
      try {
        return { status: 201, order: await placeOrder(viewer, input, meta, progress, idempotency), replayed: false };
      } catch (err) {
        if (err instanceof AppError && err.status < 500) {
          if (!progress.responseStored) await repo.completeIdempotencyKey(viewer.id, idempotencyKey, err.status, storedErrorBody(err));
        } else if (!progress.orderCommitted) {
          await repo.releaseIdempotencyKey(viewer.id, idempotencyKey).catch((releaseErr: unknown) => logger.error({ err: (releaseErr as Error)?.message }, "idempotency key not released"));
        }
        throw err;
      }
    },

    async get(viewer: OrdersViewer, id: string): Promise<Order> {
      const row = await visibleOrder(viewer, id);
      const [items, orderEvents] = await Promise.all([repo.itemsOf([id]), repo.eventsOf([id])]);
      return toOrderJson(row, items, orderEvents);
    },

    /**
     * Customers see only their own orders: their list is always scoped to them, and naming another user's
     * id is a 403 (not silently ignored). Staff and admins see all and may filter by userId. `q` matches an
     * order number (FP-000123 or 123) or, for staff, part of the customer's email.
     */
    async list(viewer: OrdersViewer, filters: OrderListFilters): Promise<ListOf<Order>> {
      if (!isStaff(viewer) && filters.userId && filters.userId !== viewer.id) throw new AppError("forbidden", "You can only list your own orders.");
      const userId = isStaff(viewer) ? filters.userId : viewer.id;
      const number = filters.q ? parseOrderNumber(filters.q) : undefined;
      const emailContains = filters.q && isStaff(viewer) ? filters.q : undefined;
      if (filters.q && number === undefined && !emailContains) return { data: [], pagination: { nextCursor: null, hasMore: false } };
      const rows = await repo.list({ userId, status: filters.status, number, emailContains, after: decodeCreatedAtCursor(filters.cursor, LIST_SORT), limit: filters.limit });
      const pageIds = rows.slice(0, filters.limit).map((r) => r.id);
      const [items, orderEvents] = await Promise.all([repo.itemsOf(pageIds), repo.eventsOf(pageIds)]);
      const itemsByOrder = groupBy(items, (i) => i.orderId);
      const eventsByOrder = groupBy(orderEvents, (e) => e.orderId);
      return toPage(rows, filters.limit, LIST_SORT, (r) => [r.createdAtText, r.id], (r) => toOrderJson(r, itemsByOrder.get(r.id) ?? [], eventsByOrder.get(r.id) ?? []));
    },

    /** POST /orders/:id/status (staff and admins). */
    async changeStatus(viewer: OrdersViewer, id: string, to: OrderStatus, meta: RequestMeta): Promise<Order> {
      if (!isStaff(viewer)) throw new AppError("forbidden", "Only staff can change an order's status.");
      return applyTransition(viewer, await visibleOrder(viewer, id), to, meta);
    },

    /** POST /orders/:id/cancel: the owner while pending or paid, or staff/admin. */
    async cancel(viewer: OrdersViewer, id: string, meta: RequestMeta): Promise<Order> {
      return applyTransition(viewer, await visibleOrder(viewer, id), "cancelled", meta);
    },

    /**
     * GET /orders/:id/transactions: staff and admins. Someone else's order is a 404 like everywhere else
     * (checked first, so a customer cannot probe which order ids exist); a customer's own order is a 403.
     */
    async transactions(viewer: OrdersViewer, id: string): Promise<{ data: Transaction[] }> {
      await visibleOrder(viewer, id);
      if (!isStaff(viewer)) throw new AppError("forbidden", "Only staff can see payment transactions.");
      return { data: (await repo.transactionsOf(id)).map(toTransactionJson) };
    },

    /** The order as the API shows it, for background jobs that act on it (no viewer: callers are the system). */
    findById: (id: string): Promise<Order | undefined> => orderJsonById(id),

    /** For the staff dashboard: paid, shipped or delivered orders created since midnight UTC. */
    async businessFiguresToday(): Promise<BusinessFigures> {
      const f = await repo.figuresSinceUtcMidnight();
      return { ordersToday: f.orders, revenueTodayCents: f.revenueCents, customersWhoOrderedToday: f.customers };
    },
  };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
