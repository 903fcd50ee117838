import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { accountTokens, addresses, type accountTokenPurposes } from "@shared/schema";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";

export type TokenPurpose = (typeof accountTokenPurposes)[number];
export type AddressRow = typeof addresses.$inferSelect;
export type AddressValues = Pick<AddressRow, "name" | "line1" | "line2" | "city" | "postalCode" | "country" | "phone">;

/** Owns account_tokens and addresses (issue 11). */
export function createAccountsRepo(db: Db) {
  return {
    transaction: <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn),

    async insertToken(values: { userId: string; purpose: TokenPurpose; tokenHash: string; email: string | null; expiresAt: Date }, tx: TxScope): Promise<void> {
      await executorOf(db, tx).insert(accountTokens).values(values);
    },

    /** Spends a token: only an unused, unexpired one of the given purposes matches, and only once (race-free). */
    async consumeToken(tokenHash: string, purposes: readonly TokenPurpose[], tx: TxScope) {
      const [row] = await executorOf(db, tx)
        .update(accountTokens)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(accountTokens.tokenHash, tokenHash),
            inArray(accountTokens.purpose, [...purposes]),
            isNull(accountTokens.usedAt),
            gt(accountTokens.expiresAt, sql`now()`),
          ),
        )
        .returning({ userId: accountTokens.userId, purpose: accountTokens.purpose, email: accountTokens.email });
      return row;
    },

    /** Spends every other open token of this purpose (a reset link mailed earlier dies with the reset). */
    async spendOpenTokens(userId: string, purpose: TokenPurpose, tx: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(accountTokens)
        .set({ usedAt: sql`now()` })
        .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
    },

    async latestTokenAt(userId: string, purpose: TokenPurpose): Promise<Date | undefined> {
      const [row] = await db
        .select({ at: accountTokens.createdAt })
        .from(accountTokens)
        .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)))
        .orderBy(desc(accountTokens.createdAt))
        .limit(1);
      return row?.at;
    },

    // ---- Saved addresses ----
    listAddresses(userId: string, tx?: TxScope): Promise<AddressRow[]> {
      return executorOf(db, tx)
        .select()
        .from(addresses)
        .where(eq(addresses.userId, userId))
        .orderBy(desc(addresses.isDefault), asc(addresses.createdAt), asc(addresses.id));
    },

    async findAddress(userId: string, id: string, tx?: TxScope): Promise<AddressRow | undefined> {
      const [row] = await executorOf(db, tx)
        .select()
        .from(addresses)
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
        .limit(1);
      return row;
    },

    /** Locks the user's address rows so "is there a default?" and "make this the default" cannot race. */
    async lockAddresses(userId: string, tx: TxScope): Promise<AddressRow[]> {
      return executorOf(db, tx).select().from(addresses).where(eq(addresses.userId, userId)).orderBy(asc(addresses.createdAt), asc(addresses.id)).for("update");
    },

    async clearDefault(userId: string, tx: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(addresses)
        .set({ isDefault: false })
        .where(and(eq(addresses.userId, userId), eq(addresses.isDefault, true)));
    },

    async insertAddress(values: AddressValues & { userId: string; isDefault: boolean }, tx: TxScope): Promise<AddressRow> {
      const [row] = await executorOf(db, tx).insert(addresses).values(values).returning();
      return row!;
    },

    async updateAddress(userId: string, id: string, patch: Partial<AddressValues> & { isDefault?: boolean }, tx: TxScope): Promise<AddressRow | undefined> {
      const [row] = await executorOf(db, tx)
        .update(addresses)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
        .returning();
      return row;
    },

    async deleteAddress(userId: string, id: string, tx: TxScope): Promise<AddressRow | undefined> {
      const [row] = await executorOf(db, tx)
        .delete(addresses)
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
        .returning();
      return row;
    },
  };
}
export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
