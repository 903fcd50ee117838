import { formatOrderNumber, type CreatedOrder, type Order, type OrderCreate, type Quote, type QuoteLine, type QuoteRequest } from "@shared/contracts/orders";
import type { ErrorDetail } from "@shared/errors";
import type { ActingUser } from "../../lib/acting-user";
import { AppError } from "../../lib/app-error";
import type { RequestMeta } from "../audit/audit.service";
import { isOrderable, type OrderableProduct } from "../catalog/catalog.stock";
import type { ChargeOutcome } from "../payments/payments.service";
import { PLACED_STATUS, replayStored, requestFingerprint, storedErrorBody, type CheckoutResult, type IdempotentRequest } from "./orders.idempotency";
import type { OrderPublisher } from "./orders.events";
import { toOrderJson } from "./orders.mapper";
import type { EventRow, OrderRow } from "./orders.repo";
import type { OrdersDeps } from "./orders.deps";
import { MAX_ORDER_TOTAL_CENTS, priceLines } from "./pricing";
import { resolveBuyer, withGuestToken, type Buyer } from "./orders.guest";

/**
 * Checkout: claim the Idempotency-Key → place the order → charge → settle. Placing is two short
 * transactions around the payment call, so no database lock is held while the provider is on the network:
 *   1. read the products (no locks; their prices are the order's prices), validate, insert the order
 *      (pending) + items + first event + audit, then reserve the stock with conditional decrements (last,
 *      so product row locks live only until the commit); any failure rolls ALL of it back: never a
 *      half-written order;
 *   2. after the charge: pending → paid (charge row, event) or pending → cancelled (failed charge row,
 *      stock released, event) — plus the Idempotency-Key's stored response, in the same transaction.
 * A crash between 1 and 2 leaves a pending order holding its stock (and its Idempotency-Key "in progress"
 * until it expires): a consistent state a sweeper can cancel later.
 */

const SYSTEM_ACTOR = "system";

/** How far a checkout got: decides what a failure must do with its Idempotency-Key. */
interface CheckoutProgress {
  orderCommitted: boolean;
  responseStored: boolean;
}

type ClaimedKey = { userId: string; key: string };

/** 409 naming the request line (`itemIndex`, its position in the body) that cannot be served. */
function outOfStock(lines: Array<{ product: OrderableProduct; quantity: number }>, index: number, itemIndex = index): AppError {
  const line = lines[index]!;
  const left = Math.max(0, Math.min(line.product.stock, line.quantity - 1));
  return new AppError("out_of_stock", `Not enough stock for ${line.product.name}.`, [
    { path: `items.${itemIndex}.quantity`, message: left > 0 ? `Only ${left} left` : "Out of stock" },
  ]);
}

export function createCheckout(deps: OrdersDeps, publisher: OrderPublisher) {
  const { repo, stock, audit, payments, logger, pricing, notify } = deps;

  /** Transaction 1: the pending order with its stock reserved, or nothing at all. */
  async function insertPendingOrder(user: Buyer, input: OrderCreate, meta: RequestMeta) {
    return repo.transaction(async (tx) => {
      const resolved = await stock.resolveLines(input.items, tx);
      const unavailable: ErrorDetail[] = [];
      resolved.forEach((product, i) => {
        if ("problem" in product) {
          if (product.problem === "variant_required") unavailable.push({ path: `items.${i}.variantId`, message: `Choose which ${product.name} you want` });
          else unavailable.push({ path: `items.${i}.${input.items[i]!.variantId ? "variantId" : "productId"}`, message: "No such product" });
        } else if (!isOrderable(product)) unavailable.push({ path: `items.${i}.productId`, message: `${product.name} is no longer sold` });
      });
      if (unavailable.length) throw new AppError("validation_failed", "Some items cannot be ordered.", unavailable);

      const lines = input.items.map((line, i) => ({ product: resolved[i] as OrderableProduct, quantity: line.quantity }));
      const currency = lines[0]!.product.currency;
      const otherCurrency = lines.flatMap((l, i) =>
        l.product.currency === currency ? [] : [{ path: `items.${i}.productId`, message: `Priced in ${l.product.currency}, not ${currency}` }],
      );
      if (otherCurrency.length) throw new AppError("validation_failed", "All items of an order must be priced in the same currency.", otherCurrency);

      // Fail fast on what the read already shows; the conditional decrement below is what actually guards.
      const short = lines.findIndex((l) => l.product.stock < l.quantity);
      if (short >= 0) throw outOfStock(lines, short);

      const items = lines.map(({ product, quantity }) => ({
        productId: product.id,
        variantId: product.variantId,
        sku: product.sku,
        optionValues: product.optionValues,
        name: product.name,
        unitPriceCents: product.priceCents,
        quantity,
        lineTotalCents: product.priceCents * quantity,
      }));
      const totals = priceLines(items, pricing);
      if (totals.totalCents > MAX_ORDER_TOTAL_CENTS) {
        throw new AppError("validation_failed", "The order total is too large.", [{ path: "items", message: "Split the order into smaller ones" }]);
      }

      const { row, event: created } = await repo.insertPendingOrder(
        { userId: user.id, guestEmail: user.id ? null : user.email, ...totals, currency, shippingAddress: user.shippingAddress },
        items,
        user.id ?? "guest",
        tx,
      );
      await audit.record(
        {
          actor: user,
          action: "order.created",
          target: { type: "order", id: row.id },
          summary: { number: formatOrderNumber(row.number), totalCents: totals.totalCents, currency, lines: items.length },
        },
        meta,
        tx,
      );
      // No order.notify here: the order is announced (order.created with its outcome) when it leaves pending, so
      // a checkout writes one outbox row, not two; one that dies before settling is announced by the sweep.
      // Last: the product rows stay locked only from here to the commit.
      const reserved = await stock.reserveStock(items, tx);
      if (!reserved.ok) {
        // Someone else got there first (or archived it meanwhile): answer with the product as it is now.
        const index = lines.findIndex((l) => l.product.id === reserved.productId && l.product.variantId === reserved.variantId);
        const [now] = await stock.resolveLines([{ productId: reserved.productId, variantId: reserved.variantId ?? undefined }], tx);
        if (!now || "problem" in now || !isOrderable(now))
          throw new AppError("validation_failed", "Some items cannot be ordered.", [
            { path: `items.${index}.productId`, message: "This product is no longer sold" },
          ]);
        throw outOfStock([{ product: now, quantity: lines[index]!.quantity }], 0, index);
      }
      return { row, items, events: [created], soldOut: reserved.soldOut };
    });
  }
  type PlacedOrder = Awaited<ReturnType<typeof insertPendingOrder>>;

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
    const paid = await repo.transaction(async (tx) => {
      const moved = await repo.settlePayment(row.id, { from: "pending", to: "paid", actor: SYSTEM_ACTOR }, chargeRow(row, "succeeded", charge.reference), tx);
      if (!moved) return undefined;
      await audit.record(
        {
          actor: user,
          action: "order.status_changed",
          target: { type: "order", id: row.id },
          summary: { number: formatOrderNumber(row.number), from: "pending", to: "paid", reason: "payment_succeeded" },
        },
        meta,
        tx,
      );
      await notify?.({ orderId: row.id, status: "paid", previousStatus: "pending" }, tx);
      const order = toOrderJson({ ...row, status: "paid", updatedAt: moved.updatedAt }, placed.items, [...placed.events, moved.event]);
      if (claimed) await repo.completeIdempotencyKey(claimed.userId, claimed.key, PLACED_STATUS, order, tx);
      // Issue 11: a guest has no account to look the order up in; the confirmation carries the link back.
      if (!user.id) await deps.guestOrderPaid?.(withGuestToken(deps.guestAccessKey, order), tx);
      return { order, event: moved.event };
    });
    if (paid) {
      progress.responseStored = Boolean(claimed);
      publisher.statusChanged(row, "paid", paid.event.at);
      return paid.order;
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

  async function placeOrder(user: Buyer, input: OrderCreate, meta: RequestMeta, progress: CheckoutProgress, claimed?: ClaimedKey): Promise<Order> {
    const placed = await insertPendingOrder(user, input, meta);
    progress.orderCommitted = true;
    void publisher.publish("order.created", { orderId: placed.row.id, userId: user.id, order: toOrderJson(placed.row, placed.items, placed.events) });
    publisher.stockCrossedZero(placed.soldOut);

    const charge = await payments.charge({
      orderId: placed.row.id,
      amountCents: placed.row.totalCents,
      currency: placed.row.currency,
      cardNumber: input.payment.cardNumber,
    });
    return charge.outcome === "succeeded"
      ? settlePaid(user, placed, charge, meta, progress, claimed)
      : settleFailed(user, placed, charge, meta, progress, claimed);
  }

  /**
   * Places an order. With an Idempotency-Key: the key is claimed in its own committed statement before any
   * work; a duplicate gets the stored answer (or "in progress" while the first is running; 422 for a
   * different body). 4xx answers are stored and replayed; a 5xx before the order was committed releases the
   * key so the client may retry. A 5xx after that keeps the key "in progress": a retry must not create a
   * second order next to a pending one. Keys are scoped to the buyer (a guest's to their e-mail).
   */
  async function createFor(user: Buyer, input: OrderCreate, idempotency: IdempotentRequest | undefined, meta: RequestMeta): Promise<CheckoutResult> {
    const progress: CheckoutProgress = { orderCommitted: false, responseStored: false };
    if (!idempotency) return { outcome: "placed", order: await placeOrder(user, input, meta, progress), replayed: false };

    const expected = requestFingerprint(deps.fingerprintKey, idempotency, input);
    const stored = await repo.claimIdempotencyKey(user.ownerId, idempotency.key, expected);
    if (stored) return replayStored(stored, expected);
    const claimed = { userId: user.ownerId, key: idempotency.key };
    try {
      return { outcome: "placed", order: await placeOrder(user, input, meta, progress, claimed), replayed: false };
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        if (!progress.responseStored) await repo.completeIdempotencyKey(user.ownerId, idempotency.key, err.status, storedErrorBody(err));
      } else if (!progress.orderCommitted) {
        await repo
          .releaseIdempotencyKey(user.ownerId, idempotency.key)
          .catch((releaseErr: unknown) => logger.error({ err: (releaseErr as Error)?.message }, "idempotency key not released"));
      }
      throw err;
    }
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
