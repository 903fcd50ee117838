import { formatOrderNumber } from "@shared/contracts/orders";
import type { EventBus } from "../../lib/events";
import type { JobQueue } from "../jobs/jobs.types";
import type { OrdersCore } from "./orders.deps";
import type { StalePendingOrder } from "./orders.repo";

export const RECONCILE_PENDING_ORDERS = "orders.reconcile-pending";
export const PURGE_EXPIRED_IDEMPOTENCY_KEYS = "orders.purge-idempotency-keys";

/** The sweep's cadence: a crashed checkout's stock is back at most timeout + this (+ a poll) later. */
export const RECONCILE_EVERY_SECONDS = 30;
/** Orders one sweep looks at; more wait for the next tick (they are oldest first). */
const SWEEP_BATCH = 100;
const SYSTEM_ACTOR = "system";
const SYSTEM_AUDIT_ACTOR = { id: null, email: null, role: "system" };

export interface ReconcileDeps extends OrdersCore {
  pendingTimeoutSeconds: number;
}

export type ReconcileResult = "paid" | "cancelled" | "left";

/**
 * Orders heal themselves: a checkout whose process died between the pending order and its settlement (or
 * whose settlement failed) leaves the order pending with its stock reserved. Past the timeout the sweep asks
 * the provider what became of the order's charge (charges are keyed by order id) and settles it: paid when the
 * charge succeeded, cancelled with the stock released when it was declined or never arrived; a charge still
 * under way, or a provider that cannot answer, leaves the order for the next tick.
 *
 * Exactly once: every move is the repo's conditional status change (WHERE status = 'pending') in the same
 * transaction as its stock release, so of two sweeps (two workers, or a sweep racing a late checkout) one wins
 * and the other changes nothing. A checkout that settles after the sweep cancelled refunds its charge (orders.service).
 */
export function createPendingOrderReconciler(deps: ReconcileDeps) {
  const { repo, stock, audit, payments, events, logger, notify } = deps;

  const publish: EventBus["publish"] = (topic, payload) =>
    events.publish(topic, payload).catch((err: unknown) => logger.warn({ err: (err as Error)?.message, topic }, "order event not published"));

  async function settle(order: StalePendingOrder): Promise<ReconcileResult> {
    const charge = await payments.lookup(order.id);
    if (charge.status === "processing" || charge.status === "unavailable") return "left";
    const number = formatOrderNumber(order.number);

    if (charge.status === "succeeded") {
      const paid = await repo.transaction(async (tx) => {
        const chargeRow = {
          orderId: order.id,
          kind: "charge" as const,
          status: "succeeded" as const,
          amountCents: order.totalCents,
          currency: order.currency,
          provider: payments.providerName,
          reference: charge.reference,
        };
        const moved = await repo.settlePayment(order.id, { from: "pending", to: "paid", actor: SYSTEM_ACTOR }, chargeRow, tx);
        if (!moved) return undefined;
        await audit.record(
          {
            actor: SYSTEM_AUDIT_ACTOR,
            action: "order.status_changed",
            target: { type: "order", id: order.id },
            summary: { number, from: "pending", to: "paid", reason: "reconciled_charge_succeeded" },
          },
          {},
          tx,
        );
        await notify?.({ orderId: order.id, status: "paid", previousStatus: "pending" }, tx);
        return moved;
      });
      if (!paid) return "left";
      void publish("order.status_changed", { orderId: order.id, number, userId: order.userId, status: "paid", at: paid.event.at.toISOString() });
      return "paid";
    }

    const cancelled = await repo.transaction(async (tx) => {
      // A declined charge is recorded like checkout records it; a charge the provider never saw leaves no row.
      const moved =
        charge.status === "declined"
          ? await repo.settlePayment(
              order.id,
              { from: "pending", to: "cancelled", actor: SYSTEM_ACTOR },
              {
                orderId: order.id,
                kind: "charge",
                status: "failed",
                amountCents: order.totalCents,
                currency: order.currency,
                provider: payments.providerName,
                reference: charge.reference,
              },
              tx,
            )
          : await repo
              .transition(order.id, "pending", "cancelled", tx)
              .then(async (row) => row && { event: await repo.appendEvent(order.id, "cancelled", SYSTEM_ACTOR, tx) });
      if (!moved) return undefined;
      const reason = charge.status === "declined" ? "reconciled_charge_declined" : "reconciled_no_charge";
      await audit.record(
        {
          actor: SYSTEM_AUDIT_ACTOR,
          action: "order.cancelled",
          target: { type: "order", id: order.id },
          summary: { number, from: "pending", to: "cancelled", reason },
        },
        {},
        tx,
      );
      await notify?.({ orderId: order.id, status: "cancelled", previousStatus: "pending", reason: "abandoned" }, tx);
      return { event: moved.event, backInStock: await stock.releaseStock(await repo.itemsOf([order.id], tx), tx) };
    });
    if (!cancelled) return "left";
    void publish("order.status_changed", { orderId: order.id, number, userId: order.userId, status: "cancelled", at: cancelled.event.at.toISOString() });
    for (const id of cancelled.backInStock) void publish("catalog.changed", { entity: "product", id });
    return "cancelled";
  }

  return {
    /** One sweep; returns what became of each stale order it looked at. */
    async sweep(): Promise<Record<ReconcileResult, number>> {
      const counts: Record<ReconcileResult, number> = { paid: 0, cancelled: 0, left: 0 };
      for (const order of await repo.stalePending(deps.pendingTimeoutSeconds, SWEEP_BATCH)) {
        try {
          counts[await settle(order)]++;
        } catch (err) {
          counts.left++;
          logger.error({ orderId: order.id, err: (err as Error).message }, "reconciling a pending order failed");
        }
      }
      if (counts.paid || counts.cancelled) logger.info(counts, "reconciled pending orders");
      return counts;
    },
  };
}
export type PendingOrderReconciler = ReturnType<typeof createPendingOrderReconciler>;

/** The orders feature's periodic jobs: the pending-order sweep and expired Idempotency-Key cleanup. */
export function registerOrdersJobs(jobs: JobQueue, deps: { reconciler: PendingOrderReconciler } & Pick<OrdersCore, "repo" | "logger">): void {
  jobs.register(RECONCILE_PENDING_ORDERS, async () => void (await deps.reconciler.sweep()), {
    everySeconds: RECONCILE_EVERY_SECONDS,
    retryLimit: 1,
    retryDelaySeconds: 5,
  });
  jobs.register(
    PURGE_EXPIRED_IDEMPOTENCY_KEYS,
    async () => {
      const purged = await deps.repo.purgeExpiredIdempotencyKeys();
      if (purged) deps.logger.info({ purged }, "purged expired idempotency keys");
    },
    { everySeconds: 3_600 },
  );
}
