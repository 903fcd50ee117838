import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { orders } from "@shared/schema";
import { executorOf, type Db, type TxScope } from "../../db";

/** Orders as account self-service sees them (issue 11): guest orders joining an account, anonymising, export. */
export function createOrdersAccountsRepo(db: Db) {
  return {
    /** Guest orders placed with `email` become the account's; returns how many. */
    async attachGuestOrders(email: string, userId: string, tx: TxScope): Promise<number> {
      const rows = await executorOf(db, tx)
        .update(orders)
        .set({ userId, guestEmail: null, updatedAt: sql`now()` })
        .where(and(eq(orders.guestEmail, email), isNull(orders.userId)))
        .returning({ id: orders.id });
      return rows.length;
    },

    /**
     * Keeps the user's orders for the books but replaces who and where: the owner link, the name, the street and
     * the postal code go; city, country, items and amounts stay (what accounting and tax need).
     */
    async anonymiseOrdersOf(userId: string, tx: TxScope): Promise<number> {
      // The address is sealed (issue 16 §5): the database cannot pick city and country out of it, so each row is
      // opened and rewritten here.
      const rows = await executorOf(db, tx)
        .select({ id: orders.id, address: orders.shippingAddress })
        .from(orders)
        .where(eq(orders.userId, userId))
        .for("update");
      for (const { id, address } of rows) {
        await executorOf(db, tx)
          .update(orders)
          .set({
            userId: null,
            guestEmail: null,
            shippingAddress: { name: "Deleted customer", line1: "—", city: address.city, postalCode: "--", country: address.country },
            updatedAt: sql`now()`,
          })
          .where(eq(orders.id, id));
      }
      return rows.length;
    },

    /** Ids of every order of the user, oldest first (the data export). */
    async orderIdsOf(userId: string): Promise<string[]> {
      const rows = await db.select({ id: orders.id }).from(orders).where(eq(orders.userId, userId)).orderBy(asc(orders.createdAt), desc(orders.id));
      return rows.map((r) => r.id);
    },
  };
}
export type OrdersAccountsRepo = ReturnType<typeof createOrdersAccountsRepo>;
