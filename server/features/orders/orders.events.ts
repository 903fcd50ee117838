import { formatOrderNumber, type OrderStatus } from "@shared/contracts/orders";
import type { EventBus } from "../../lib/events";
import type { Logger } from "../../lib/logger";
import type { OrderRow } from "./orders.repo";

/** What checkout and the order life cycle announce, always after their commit. */
export function createOrderPublisher(events: EventBus, logger: Logger) {
  /** A failed publish is logged, never turned into a failed request. */
  const publish: EventBus["publish"] = (topic, payload) =>
    events.publish(topic, payload).catch((err: unknown) => logger.warn({ err: (err as Error)?.message, topic }, "order event not published"));

  return {
    publish,

    statusChanged: (row: Pick<OrderRow, "id" | "number" | "userId">, status: OrderStatus, at: Date) =>
      void publish("order.status_changed", { orderId: row.id, number: formatOrderNumber(row.number), userId: row.userId, status, at: at.toISOString() }),

    /**
     * Stock that crossed zero (sold out, or back after a cancellation) changes what shoppers may see in the
     * catalog's cached lists (in stock / out of stock): tell the catalog, like its own writes do. Smaller stock
     * changes do not invalidate its cache (that would empty it on every order); its TTL bounds their staleness.
     */
    stockCrossedZero(productIds: readonly string[]) {
      for (const id of productIds) void publish("catalog.changed", { entity: "product", id });
    },
  };
}
export type OrderPublisher = ReturnType<typeof createOrderPublisher>;
