import { and, eq, sql } from "drizzle-orm";
import { users } from "@shared/schema";
import { executorOf, type Db, type TxScope } from "../../db";
import { publicColumns, type UserRecord } from "./users.repo";

/** The users table as account self-service needs it (issue 11): password, name, address and verification. */
export function createUsersSelfRepo(db: Db) {
  return {
    async findByEmail(email: string, tx?: TxScope): Promise<UserRecord | undefined> {
      const [row] = await executorOf(db, tx).select(publicColumns).from(users).where(eq(users.email, email)).limit(1);
      return row;
    },

    async passwordHashOf(userId: string, tx?: TxScope): Promise<string | undefined> {
      const [row] = await executorOf(db, tx).select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
      return row?.hash;
    },

    async setPasswordHash(userId: string, passwordHash: string, tx: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(users)
        .set({ passwordHash, updatedAt: sql`now()` })
        .where(eq(users.id, userId));
    },

    async setName(userId: string, name: string, tx?: TxScope): Promise<UserRecord | undefined> {
      const [row] = await executorOf(db, tx)
        .update(users)
        .set({ name, updatedAt: sql`now()` })
        .where(eq(users.id, userId))
        .returning(publicColumns);
      return row;
    },

    /** Verified only while the account still has the address the token was mailed to. */
    async markVerified(userId: string, email: string, tx: TxScope): Promise<UserRecord | undefined> {
      const [row] = await executorOf(db, tx)
        .update(users)
        .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: sql`now()` })
        .where(and(eq(users.id, userId), eq(users.email, email)))
        .returning(publicColumns);
      return row;
    },

    /** The new address, verified by the link that confirmed it (a taken address fails on the unique index). */
    async changeEmail(userId: string, email: string, tx: TxScope): Promise<UserRecord | undefined> {
      const [row] = await executorOf(db, tx)
        .update(users)
        .set({ email, emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(users.id, userId))
        .returning(publicColumns);
      return row;
    },
  };
}
export type UsersSelfRepo = ReturnType<typeof createUsersSelfRepo>;
