import { createCheckout } from "./orders.checkout";
import type { OrdersDeps } from "./orders.deps";
import { createOrderPublisher } from "./orders.events";
import { createOrderLifecycle } from "./orders.lifecycle";
import { createOrderQueries } from "./orders.queries";

/**
 * The orders feature's service (shared/contracts/orders.ts, docs/api.md), one module per job:
 *   orders.checkout.ts   cart quote and checkout (Idempotency-Key claim → place → charge → settle)
 *   orders.lifecycle.ts  status changes and cancellation (refund, stock back)
 *   orders.queries.ts    one order, lists, payment transactions, dashboard figures
 *   orders.mapper.ts     row → the Order and Transaction JSON
 *   orders.deps.ts       what the service is built from (wired in server/services.ts)
 */

export function createOrdersService(deps: OrdersDeps) {
  const publisher = createOrderPublisher(deps.events, deps.logger);
  const queries = createOrderQueries(deps.repo, deps.findCustomer);
  const { quote, create } = createCheckout(deps, publisher);
  const { changeStatus, cancel } = createOrderLifecycle(deps, publisher, queries);
  const { get, list, transactions, businessFiguresToday } = queries;
  /** The order as the API shows it, for background jobs that act on it (no viewer: callers are the system). */
  const findById = queries.orderJsonById;
  return { quote, create, get, list, changeStatus, cancel, transactions, businessFiguresToday, findById };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
