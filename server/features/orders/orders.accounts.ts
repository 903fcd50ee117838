import type { Order } from "@shared/contracts/orders";
import type { TxScope } from "../../db";
import { notFound } from "../../lib/app-error";
import { toOrderJson } from "./orders.mapper";
import type { OrdersAccountsRepo } from "./orders.accounts.repo";
import { guestTokenOpens } from "./orders.guest";
import type { OrdersRepo } from "./orders.repo";

/** What accounts and guests need from orders (issue 11). */
export function createOrderAccounts(repo: OrdersRepo, accountsRepo: OrdersAccountsRepo, guestAccessKey: Buffer) {
  async function toJsonList(ids: string[]): Promise<Order[]> {
    if (!ids.length) return [];
    const [items, events] = await Promise.all([repo.itemsOf(ids), repo.eventsOf(ids)]);
    const rows = await Promise.all(ids.map((id) => repo.findById(id)));
    return rows.flatMap((row) =>
      row
        ? [
            toOrderJson(
              row,
              items.filter((i) => i.orderId === row.id),
              events.filter((e) => e.orderId === row.id),
            ),
          ]
        : [],
    );
  }

  return {
    /** GET /orders/:id?access=…: the token opens this order only; anything else is the usual 404. */
    async getWithAccess(id: string, token: string): Promise<Order> {
      if (!guestTokenOpens(guestAccessKey, id, token)) throw notFound("Order");
      const [order] = await toJsonList([id]);
      if (!order) throw notFound("Order");
      return order;
    },
    attachGuestOrders: (email: string, userId: string, tx: TxScope) => accountsRepo.attachGuestOrders(email, userId, tx),
    anonymiseOrdersOf: (userId: string, tx: TxScope) => accountsRepo.anonymiseOrdersOf(userId, tx),
    /** Every order of the user with items and history (the data export). */
    async exportOrdersOf(userId: string): Promise<Order[]> {
      return toJsonList(await accountsRepo.orderIdsOf(userId));
    },
  };
}
export type OrderAccounts = ReturnType<typeof createOrderAccounts>;
