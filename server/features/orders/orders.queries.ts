import { isStaff } from "@shared/contracts/auth";
import type { ListOf } from "@shared/contracts/common";
import { parseOrderNumber, type BusinessFigures, type Order, type OrderListFilters, type Transaction } from "@shared/contracts/orders";
import type { ActingUser } from "../../lib/acting-user";
import { AppError, notFound } from "../../lib/app-error";
import { toPage } from "../../lib/pagination";
import { decodeCreatedAtCursor } from "../../lib/timestamp-cursor";
import { toOrderJson, toTransactionJson } from "./orders.mapper";
import type { OrdersDeps } from "./orders.deps";
import type { OrderRow, OrdersRepo } from "./orders.repo";

/** Reading orders: one order, lists, payment transactions and the dashboard's figures. Who may see what is decided here. */

const LIST_SORT = "orders:newest";

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

export function createOrderQueries(repo: OrdersRepo, findCustomer?: OrdersDeps["findCustomer"]) {
  async function toJson(row: OrderRow): Promise<Order> {
    const [items, orderEvents] = await Promise.all([repo.itemsOf([row.id]), repo.eventsOf([row.id])]);
    return toOrderJson(row, items, orderEvents);
  }

  /** The order if the user may see it: its owner, staff or admin. Anyone else gets the same 404 as for no order. */
  async function visibleOrder(user: ActingUser, id: string): Promise<OrderRow> {
    const row = await repo.findById(id);
    if (!row || (!isStaff(user.role) && row.userId !== user.id)) throw notFound("Order");
    return row;
  }

  return {
    visibleOrder,

    /** Staff also get the customer's name and e-mail (a customer already knows who they are). */
    async get(user: ActingUser, id: string): Promise<Order> {
      const row = await visibleOrder(user, id);
      if (!isStaff(user.role) || !findCustomer) return toJson(row);
      // A guest order (or one whose owner deleted the account) has no customer record.
      const [json, customer] = await Promise.all([toJson(row), row.userId ? findCustomer(row.userId) : undefined]);
      return { ...json, customer: customer ? { id: customer.id, name: customer.name, email: customer.email } : null };
    },

    /** The order as it is now (after a change), for an answer; undefined if it is gone. */
    async orderJsonById(id: string): Promise<Order | undefined> {
      const row = await repo.findById(id);
      return row && toJson(row);
    },

    /**
     * Customers see only their own orders: their list is always scoped to them, and naming another user's
     * id is a 403 (not silently ignored). Staff and admins see all and may filter by userId. `q` matches an
     * order number (FP-000123 or 123) or, for staff, part of the customer's email. A customer's list leaves out
     * orders cancelled before payment (a declined card: to the shopper that was never an order); staff see them.
     */
    async list(user: ActingUser, filters: OrderListFilters): Promise<ListOf<Order>> {
      const staff = isStaff(user.role);
      if (!staff && filters.userId && filters.userId !== user.id) throw new AppError("forbidden", "You can only list your own orders.");
      const userId = staff ? filters.userId : user.id;
      const number = filters.q ? parseOrderNumber(filters.q) : undefined;
      const emailContains = filters.q && staff ? filters.q : undefined;
      if (filters.q && number === undefined && !emailContains) return { data: [], pagination: { nextCursor: null, hasMore: false } };
      const rows = await repo.list({
        userId,
        status: filters.status,
        number,
        emailContains,
        hideUnpaidCancelled: !staff,
        after: decodeCreatedAtCursor(filters.cursor, LIST_SORT),
        limit: filters.limit,
      });
      const pageIds = rows.slice(0, filters.limit).map((r) => r.id);
      const [items, orderEvents] = await Promise.all([repo.itemsOf(pageIds), repo.eventsOf(pageIds)]);
      const itemsByOrder = groupBy(items, (i) => i.orderId);
      const eventsByOrder = groupBy(orderEvents, (e) => e.orderId);
      return toPage(
        rows,
        filters.limit,
        LIST_SORT,
        (r) => [r.createdAtText, r.id],
        (r) => toOrderJson(r, itemsByOrder.get(r.id) ?? [], eventsByOrder.get(r.id) ?? []),
      );
    },

    /**
     * Payment transactions: staff and admins. Someone else's order is a 404 like everywhere else (checked
     * first, so a customer cannot probe which order ids exist); a customer's own order is a 403.
     */
    async transactions(user: ActingUser, id: string): Promise<{ data: Transaction[] }> {
      await visibleOrder(user, id);
      if (!isStaff(user.role)) throw new AppError("forbidden", "Only staff can see payment transactions.");
      return { data: (await repo.transactionsOf(id)).map(toTransactionJson) };
    },

    /** For the staff dashboard: paid, shipped or delivered orders created since midnight UTC. */
    async businessFiguresToday(): Promise<BusinessFigures> {
      const f = await repo.figuresSinceUtcMidnight();
      return { ordersToday: f.orders, revenueTodayCents: f.revenueCents, customersWhoOrderedToday: f.customers };
    },
  };
}
export type OrderQueries = ReturnType<typeof createOrderQueries>;
