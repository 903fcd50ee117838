import { isStaff } from "@shared/contracts/auth";
import { canTransition, formatOrderNumber, type Order, type OrderStatus } from "@shared/contracts/orders";
import type { ActingUser } from "../../lib/acting-user";
import { AppError } from "../../lib/app-error";
import type { RequestMeta } from "../audit/audit.service";
import type { OrderPublisher } from "./orders.events";
import type { OrderQueries } from "./orders.queries";
import type { OrderRow, TransactionRow } from "./orders.repo";
import type { OrdersDeps } from "./orders.deps";

/**
 * Status changes after checkout: staff move orders along the status machine; owners (and staff) cancel.
 * Every change is one conditional UPDATE (WHERE status = <from>): of two racing requests exactly one wins,
 * so a refund and a stock restore happen exactly once; the loser gets 409 invalid_transition.
 */

const invalidTransition = (from: OrderStatus, to: OrderStatus) =>
  new AppError("invalid_transition", `An order that is ${from} cannot become ${to}.`, [{ path: "status", message: `Not allowed from ${from}` }]);

export function createOrderLifecycle(
  deps: Pick<OrdersDeps, "repo" | "stock" | "audit" | "payments" | "notify">,
  publisher: OrderPublisher,
  queries: OrderQueries,
) {
  const { repo, stock, audit, payments, notify } = deps;

  /** Moves an order along the status machine; cancelling restores stock and refunds a paid order. */
  async function applyTransition(user: ActingUser, row: OrderRow, to: OrderStatus, meta: RequestMeta): Promise<Order> {
    const from = row.status;
    if (!canTransition(from, to)) throw invalidTransition(from, to);
    const number = formatOrderNumber(row.number);
    const changed = await repo.transaction(async (tx) => {
      const moved = await repo.transition(row.id, from, to, tx);
      if (!moved) return undefined; // lost a race: someone else moved it first
      let refund: TransactionRow | undefined;
      let backInStock: string[] = [];
      if (to === "cancelled") {
        const charge = from === "paid" ? await repo.succeededCharge(row.id, tx) : undefined;
        if (charge) {
          // Inside the transaction: if the provider cannot refund, the order stays paid (rolled back), never cancelled unrefunded.
          // Only the order row is locked during the call; product rows are locked after it.
          const result = await payments.refund({
            orderId: row.id,
            chargeReference: charge.reference,
            amountCents: charge.amountCents,
            currency: charge.currency,
          });
          if (result.outcome !== "succeeded") {
            throw new AppError("not_ready", "The payment service cannot refund this order right now, so it was not cancelled. Please try again later.");
          }
          refund = await repo.insertTransaction(
            {
              orderId: row.id,
              kind: "refund",
              status: "succeeded",
              amountCents: charge.amountCents,
              currency: charge.currency,
              provider: payments.providerName,
              reference: result.reference,
            },
            tx,
          );
        }
        backInStock = await stock.releaseStock(await repo.itemsOf([row.id], tx), tx);
      }
      const event = await repo.appendEvent(row.id, to, user.id, tx);
      await notify?.({ orderId: row.id, status: to, previousStatus: from }, tx);
      await audit.record(
        {
          actor: user,
          action: to === "cancelled" ? "order.cancelled" : "order.status_changed",
          target: { type: "order", id: row.id },
          summary: { number, from, to },
        },
        meta,
        tx,
      );
      if (refund) {
        await audit.record(
          {
            actor: user,
            action: "order.refunded",
            target: { type: "order", id: row.id },
            summary: { number, amountCents: refund.amountCents, currency: refund.currency, reference: refund.reference },
          },
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
    publisher.statusChanged(row, to, changed.event.at);
    publisher.stockCrossedZero(changed.backInStock);
    return (await queries.orderJsonById(row.id))!;
  }

  return {
    /** Staff and admins move an order along the status machine. */
    async changeStatus(user: ActingUser, id: string, to: OrderStatus, meta: RequestMeta): Promise<Order> {
      if (!isStaff(user.role)) throw new AppError("forbidden", "Only staff can change an order's status.");
      return applyTransition(user, await queries.visibleOrder(user, id), to, meta);
    },

    /** The owner while pending or paid, or staff/admin. */
    async cancel(user: ActingUser, id: string, meta: RequestMeta): Promise<Order> {
      return applyTransition(user, await queries.visibleOrder(user, id), "cancelled", meta);
    },
  };
}
