import { formatOrderNumber, type CreatedOrder, type Order, type OrderCreate, type Quote, type QuoteLine, type QuoteRequest } from "@shared/contracts/orders";
import type { ActingUser } from "../../lib/acting-user";
import { AppError } from "../../lib/app-error";
import type { RequestMeta } from "../audit/audit.service";
import type { TxScope } from "../../db";
import { isOrderable } from "../catalog/catalog.stock";
import type { ChargeOutcome } from "../payments/payments.service";
import { PLACED_STATUS, replayStored, requestFingerprint, storedErrorBody, type CheckoutResult, type IdempotentRequest } from "./orders.idempotency";
import type { OrderPublisher } from "./orders.events";
import { toOrderJson } from "./orders.mapper";
import type { EventRow, OrderRow } from "./orders.repo";
import type { OrdersDeps } from "./orders.deps";
import { MAX_ORDER_TOTAL_CENTS, priceLines } from "./pricing";
import { createCheckoutRepo } from "./checkout.repo";
import { refusalOf, resolvedOf } from "./orders.lines";
import { resolveBuyer, withGuestToken, type Buyer } from "./orders.guest";

/**
 * Checkout: place → charge → settle, two statements around the payment call (ADR 075), so no database lock is held
 * while the provider is on the network:
 *   1. ONE statement claims the Idempotency-Key, locks the lines' variants, checks them (orderable, one currency,
 *      in stock, total in range) and only then takes the stock and inserts the order (pending) + items + first event
 *      + audit row: never a half-written order, never an oversell. Refused lines come back as they were found,
 *      and orders.lines.ts turns them into the answer;
 *   2. after the charge: pending → paid (charge row, event, audit, outbox job, the key's stored 201) in ONE
 *      statement, or pending → cancelled (failed charge row, stock released, event) in a transaction.
 * A crash between 1 and 2 leaves a pending order holding its stock (and its Idempotency-Key "in progress"
 * until it expires): a consistent state a sweeper can cancel later.
 */

const SYSTEM_ACTOR = "system";

/** How far a checkout got: decides what a failure must do with its Idempotency-Key. */
interface CheckoutProgress {
  /** This request holds its Idempotency-Key (only then may a failure store an answer under it or release it). */
  keyClaimed: boolean;
  orderCommitted: boolean;
  responseStored: boolean;
}

type ClaimedKey = { userId: string; key: string };
type KeyClaim = { ownerId: string; key: string; fingerprint: string };

export function createCheckout(deps: OrdersDeps, publisher: OrderPublisher) {
  const { repo, stock, audit, payments, logger, pricing, notify, notifySql } = deps;

  const checkoutRepo = createCheckoutRepo(deps.db);

  /**
   * Statement 1: the pending order with its stock taken, or nothing at all. "taken" when the Idempotency-Key was
   * already claimed (then nothing was locked or written).
   */
  async function insertPendingOrder(user: Buyer, input: OrderCreate, meta: RequestMeta, claim: KeyClaim | undefined, progress: CheckoutProgress) {
    const rows = await checkoutRepo.placeOrder({
      claim,
      lines: input.items,
      userId: user.id,
      guestEmail: user.id ? null : user.email,
      shippingAddress: user.shippingAddress,
      pricing,
      maxTotalCents: MAX_ORDER_TOTAL_CENTS,
      eventActor: user.id ?? "guest",
      stock: stock.checkoutSql,
      audit: (from) => audit.recordSql({ actor: user, action: "order.created", targetType: "order" }, meta, { ...checkoutRepo.placedAuditColumns(), from }),
    });
    const first = rows[0]!;
    if (claim && !first.claimed) return "taken" as const;
    progress.keyClaimed = Boolean(claim);
    if (first.order_id === null) throw refusalOf(input, rows.map(resolvedOf), pricing);
    // No order.notify here: the order is announced (order.created with its outcome) when it leaves pending, so
    // a checkout writes one outbox row, not two; one that dies before settling is announced by the sweep.
    const items = rows.map((r) => ({
      productId: r.product_id,
      variantId: r.variant_id,
      sku: r.sku!,
      optionValues: r.option_values ?? {},
      name: r.name!,
      unitPriceCents: r.price_cents!,
      quantity: r.quantity,
      lineTotalCents: r.price_cents! * r.quantity,
    }));
    const row: OrderRow = {
      id: first.order_id,
      number: Number(first.number),
      userId: user.id,
      guestEmail: user.id ? null : user.email,
      status: "pending",
      subtotalCents: Number(first.subtotal_cents),
      taxCents: Number(first.tax_cents),
      shippingCents: Number(first.shipping_cents),
      totalCents: Number(first.total_cents),
      currency: first.order_currency!,
      shippingAddress: user.shippingAddress,
      createdAt: new Date(first.created_at!),
      updatedAt: new Date(first.updated_at!),
      createdAtText: first.created_at_text!,
    };
    const created: EventRow = { orderId: row.id, status: "pending", actor: user.id ?? "guest", at: new Date(first.event_at!) };
    const soldOut = [...new Set(rows.filter((r) => r.stock_after === 0).map((r) => r.product_id))];
    return { row, items, events: [created], soldOut };
  }
  type PlacedOrder = Exclude<Awaited<ReturnType<typeof insertPendingOrder>>, "taken">;

  /** The charge's transaction row: recorded whatever its outcome, for the order's full amount. */
  const chargeRow = (row: OrderRow, status: "succeeded" | "failed", reference: string) => ({
    orderId: row.id,
    kind: "charge" as const,
    status,
    amountCents: row.totalCents,
    currency: row.currency,
    provider: payments.providerName,
    reference,
  });

  /** Transaction 2 after a succeeded charge: pending → paid, or — if the order was cancelled meanwhile — refund the charge. */
  async function settlePaid(
    user: Buyer,
    placed: PlacedOrder,
    charge: Extract<ChargeOutcome, { outcome: "succeeded" }>,
    meta: RequestMeta,
    progress: CheckoutProgress,
    claimed: ClaimedKey | undefined,
  ): Promise<Order> {
    const { row } = placed;
    const paidOrder = (updatedAt: Date, at: Date) =>
      toOrderJson({ ...row, status: "paid", updatedAt }, placed.items, [...placed.events, { orderId: row.id, status: "paid", actor: SYSTEM_ACTOR, at }]);
    const summary = { number: formatOrderNumber(row.number), from: "pending", to: "paid", reason: "payment_succeeded" };
    const settle = (tx?: TxScope) =>
      checkoutRepo.settlePaid(
        {
          orderId: row.id,
          charge: chargeRow(row, "succeeded", charge.reference),
          actor: SYSTEM_ACTOR,
          audit: (from) =>
            audit.recordSql({ actor: user, action: "order.status_changed", targetType: "order" }, meta, { ...checkoutRepo.movedAuditColumns(summary), from }),
          notify: notifySql && ((from) => notifySql({ orderId: row.id, status: "paid", previousStatus: "pending" }, from)),
          // The stored 201 is this answer with the statement's own timestamps filled in (checkout.repo.ts).
          stored: claimed && {
            ownerId: claimed.userId,
            key: claimed.key,
            status: PLACED_STATUS,
            body: paidOrder(new Date(0), new Date(0)),
            eventIndex: placed.events.length,
          },
        },
        tx,
      );
    // Issue 11: a guest has no account to look the order up in; the confirmation carries the link back, enqueued
    // in the same transaction (the one checkout whose settle takes more than one statement).
    const moved = user.id
      ? await settle()
      : await repo.transaction(async (tx) => {
          const done = await settle(tx);
          if (done) await deps.guestOrderPaid?.(withGuestToken(deps.guestAccessKey, paidOrder(done.updatedAt, done.eventAt)), tx);
          return done;
        });
    if (moved) {
      progress.responseStored = Boolean(claimed);
      publisher.statusChanged(row, "paid", moved.eventAt);
      return paidOrder(moved.updatedAt, moved.eventAt);
    }
    // Cancelled (and its stock released) while the card was being charged: give the money back.
    const refund = await payments.refund({ orderId: row.id, chargeReference: charge.reference, amountCents: row.totalCents, currency: row.currency });
    await repo.transaction(async (tx) => {
      await repo.insertTransaction(
        {
          orderId: row.id,
          kind: "refund",
          status: refund.outcome === "succeeded" ? "succeeded" : "failed",
          amountCents: row.totalCents,
          currency: row.currency,
          provider: payments.providerName,
          reference: refund.outcome === "succeeded" ? refund.reference : `unavailable:${refund.reason}`,
        },
        tx,
      );
      await audit.record(
        {
          actor: user,
          action: "order.refunded",
          target: { type: "order", id: row.id },
          summary: { number: formatOrderNumber(row.number), amountCents: row.totalCents, refunded: refund.outcome === "succeeded" },
        },
        meta,
        tx,
      );
    });
    throw new AppError("invalid_transition", "The order was cancelled while the payment was being processed; the charge has been refunded.");
  }

  /** Transaction 2 after a declined or failed charge: pending → cancelled, failed charge row, stock back. Throws the 402. */
  async function settleFailed(
    user: Buyer,
    placed: PlacedOrder,
    charge: Exclude<ChargeOutcome, { outcome: "succeeded" }>,
    meta: RequestMeta,
    progress: CheckoutProgress,
    claimed: ClaimedKey | undefined,
  ): Promise<never> {
    const { row } = placed;
    // A provider outage is not the shopper's card saying no, but either way nothing was charged and the order is off.
    const error =
      charge.outcome === "declined"
        ? new AppError("payment_declined", `${charge.reason} The order was cancelled; you have not been charged.`)
        : new AppError("payment_declined", "The payment could not be processed; you have not been charged. Please try again in a few minutes.");
    const cancelled = await repo.transaction(async (tx) => {
      const moved = await repo.settlePayment(row.id, { from: "pending", to: "cancelled", actor: SYSTEM_ACTOR }, chargeRow(row, "failed", charge.reference), tx);
      // Not moved: cancelled meanwhile by someone else, who already gave the stock back.
      let outcome: { event: EventRow; backInStock: string[] } | undefined;
      if (moved) {
        await audit.record(
          {
            actor: user,
            action: "order.cancelled",
            target: { type: "order", id: row.id },
            summary: {
              number: formatOrderNumber(row.number),
              from: "pending",
              to: "cancelled",
              reason: charge.outcome === "declined" ? "payment_declined" : `payment_unavailable:${charge.reason}`,
            },
          },
          meta,
          tx,
        );
        await notify?.({ orderId: row.id, status: "cancelled", previousStatus: "pending", reason: "payment_failed" }, tx);
        outcome = { event: moved.event, backInStock: await stock.releaseStock(placed.items, tx) };
      }
      if (claimed) await repo.completeIdempotencyKey(claimed.userId, claimed.key, error.status, storedErrorBody(error), tx);
      return outcome;
    });
    progress.responseStored = Boolean(claimed);
    if (cancelled) {
      publisher.statusChanged(row, "cancelled", cancelled.event.at);
      publisher.stockCrossedZero(cancelled.backInStock);
    }
    throw error;
  }

  async function placeOrder(user: Buyer, input: OrderCreate, meta: RequestMeta, progress: CheckoutProgress, claim?: KeyClaim): Promise<Order | "taken"> {
    const placed = await insertPendingOrder(user, input, meta, claim, progress);
    if (placed === "taken") return placed;
    progress.orderCommitted = true;
    void publisher.publish("order.created", { orderId: placed.row.id, userId: user.id, order: toOrderJson(placed.row, placed.items, placed.events) });
    publisher.stockCrossedZero(placed.soldOut);

    const charge = await payments.charge({
      orderId: placed.row.id,
      amountCents: placed.row.totalCents,
      currency: placed.row.currency,
      cardNumber: input.payment.cardNumber,
    });
    const claimed = claim && { userId: claim.ownerId, key: claim.key };
    return charge.outcome === "succeeded"
      ? settlePaid(user, placed, charge, meta, progress, claimed)
      : settleFailed(user, placed, charge, meta, progress, claimed);
  }

  /**
   * Places an order. With an Idempotency-Key: the key is claimed by the statement that places the order, which
   * commits at once; a duplicate gets the stored answer (or "in progress" while the first is running; 422 for a
   * different body). 4xx answers are stored and replayed; a 5xx before the order was committed releases the
   * key so the client may retry. A 5xx after that keeps the key "in progress": a retry must not create a
   * second order next to a pending one. Keys are scoped to the buyer (a guest's to their e-mail).
   */
  async function createFor(user: Buyer, input: OrderCreate, idempotency: IdempotentRequest | undefined, meta: RequestMeta): Promise<CheckoutResult> {
    const progress: CheckoutProgress = { keyClaimed: false, orderCommitted: false, responseStored: false };
    const claim = idempotency && { ownerId: user.ownerId, key: idempotency.key, fingerprint: requestFingerprint(deps.fingerprintKey, idempotency, input) };
    try {
      const order = await placeOrder(user, input, meta, progress, claim);
      if (order !== "taken") return { outcome: "placed", order, replayed: false };
    } catch (err) {
      if (claim && progress.keyClaimed) {
        if (err instanceof AppError && err.status < 500) {
          if (!progress.responseStored) await repo.completeIdempotencyKey(claim.ownerId, claim.key, err.status, storedErrorBody(err));
        } else if (!progress.orderCommitted) {
          await repo
            .releaseIdempotencyKey(claim.ownerId, claim.key)
            .catch((releaseErr: unknown) => logger.error({ err: (releaseErr as Error)?.message }, "idempotency key not released"));
        }
      }
      throw err;
    }
    // Gone between the two statements (its request failed and released it): report it as still running.
    const stored = await repo.findIdempotencyKey(claim!.ownerId, claim!.key);
    return replayStored(stored ?? { fingerprint: claim!.fingerprint, responseStatus: null, responseBody: null }, claim!.fingerprint);
  }

  return {
    /** The cart quote: current prices and availability; lines with a problem are left out of the totals. */
    async quote(input: QuoteRequest): Promise<Quote> {
      const resolved = await stock.resolveLines(input.items);
      let currency: string | undefined;
      const lines: QuoteLine[] = input.items.map(({ productId, variantId, quantity }, i) => {
        const p = resolved[i]!;
        if ("problem" in p) {
          const problem = p.problem;
          return {
            productId,
            variantId: null,
            optionValues: {},
            slug: null,
            name: p.name ?? null,
            imageUrl: null,
            quantity,
            unitPriceCents: null,
            lineTotalCents: 0,
            available: 0,
            problem,
          };
        }
        const base = {
          productId,
          variantId: variantId ?? p.variantId,
          optionValues: p.optionValues,
          slug: p.slug,
          name: p.name,
          imageUrl: p.imageUrl,
          quantity,
          unitPriceCents: p.priceCents,
        };
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

    /** Checkout for a signed-in user or a guest (issue 11: `email` then, and the 201 carries the guest access token). */
    async create(
      viewer: ActingUser | undefined,
      input: OrderCreate,
      idempotency: IdempotentRequest | undefined,
      meta: RequestMeta,
    ): Promise<CheckoutResult<CreatedOrder>> {
      const user = await resolveBuyer(deps, viewer, input);
      const result = await createFor(user, input, idempotency, meta);
      return result.outcome === "placed" && !user.id ? { ...result, order: withGuestToken(deps.guestAccessKey, result.order) } : result;
    },
  };
}
