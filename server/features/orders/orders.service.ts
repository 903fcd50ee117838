import type { Order } from "@shared/contracts/orders";
import type { ActingUser } from "../../lib/acting-user";
import { AppError } from "../../lib/app-error";
import { createOrderAccounts } from "./orders.accounts";
import { createOrdersAccountsRepo } from "./orders.accounts.repo";
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
  /** Guest access, guest orders joining an account, anonymising and export (issue 11). */
  const accounts = createOrderAccounts(deps.repo, createOrdersAccountsRepo(deps.db), deps.guestAccessKey);
  /** GET /orders/:id: the viewer's order (any, for staff), or without a session a guest's through its access token. */
  const getForViewer = async (user: ActingUser | undefined, id: string, access: string | undefined): Promise<Order> => {
    if (access) return accounts.getWithAccess(id, access);
    if (!user) throw new AppError("unauthenticated", "Sign in to see this order.");
    return get(user, id);
  };
  return { quote, create, get, getForViewer, list, changeStatus, cancel, transactions, businessFiguresToday, findById, accounts };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
