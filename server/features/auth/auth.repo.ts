import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { refreshTokens, sessions } from "@shared/schema";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";

export type RotateResult =
  | { kind: "rotated"; userId: string; familyId: string }
  /** A used or revoked token came back: its whole family has just been revoked. */
  | { kind: "reused"; userId: string }
  | { kind: "invalid" };

/** Owns refresh_tokens (the sessions table belongs to the session store, except for purging: see purgeExpired). */
export function createAuthRepo(db: Db) {
  const transaction = <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn);
  return {
    transaction,

    /**
     * Deletes expired sessions and refresh tokens. The session store's own pruning timer is off: it would run in
     * every replica every 15 minutes; this runs once per hour cluster-wide as a job. An expired refresh token
     * can no longer be used nor reused, so reuse detection loses nothing.
     */
    async purgeExpired(): Promise<{ sessions: number; refreshTokens: number }> {
      const goneSessions = await db
        .delete(sessions)
        .where(sql`${sessions.expire} < now()`)
        .returning({ sid: sessions.sid });
      const goneTokens = await db
        .delete(refreshTokens)
        .where(sql`${refreshTokens.expiresAt} < now()`)
        .returning({ id: refreshTokens.id });
      return { sessions: goneSessions.length, refreshTokens: goneTokens.length };
    },

    async insertRefreshToken(values: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }, tx?: TxScope): Promise<void> {
      await executorOf(db, tx).insert(refreshTokens).values(values);
    },

    /**
     * Marks the presented token used and stores its successor in one transaction. The "used_at is null" condition
     * makes the rotation race-free: of two concurrent refreshes with the same token only one wins.
     */
    async rotate(oldHash: string, next: { tokenHash: string; expiresAt: Date }): Promise<RotateResult> {
      return transaction(async (scope) => {
        const tx = executorOf(db, scope);
        const [current] = await tx
          .update(refreshTokens)
          .set({ usedAt: sql`now()` })
          .where(
            and(eq(refreshTokens.tokenHash, oldHash), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt), gt(refreshTokens.expiresAt, sql`now()`)),
          )
          .returning({ userId: refreshTokens.userId, familyId: refreshTokens.familyId });
        if (current) {
          await tx.insert(refreshTokens).values({ userId: current.userId, familyId: current.familyId, ...next });
          return { kind: "rotated", userId: current.userId, familyId: current.familyId };
        }
        const [known] = await tx
          .select({ userId: refreshTokens.userId, familyId: refreshTokens.familyId, usedAt: refreshTokens.usedAt, revokedAt: refreshTokens.revokedAt })
          .from(refreshTokens)
          .where(eq(refreshTokens.tokenHash, oldHash));
        if (known && (known.usedAt || known.revokedAt)) {
          await tx
            .update(refreshTokens)
            .set({ revokedAt: sql`now()` })
            .where(and(eq(refreshTokens.familyId, known.familyId), isNull(refreshTokens.revokedAt)));
          return { kind: "reused", userId: known.userId };
        }
        return { kind: "invalid" };
      });
    },

    /** Revokes every token of the presented token's family; unknown tokens change nothing. The owner's id, if known. */
    async revokeFamilyOf(tokenHash: string, tx?: TxScope): Promise<string | undefined> {
      const rows = await executorOf(db, tx)
        .update(refreshTokens)
        .set({ revokedAt: sql`now()` })
        .where(
          and(
            isNull(refreshTokens.revokedAt),
            eq(refreshTokens.familyId, sql`(select ${refreshTokens.familyId} from ${refreshTokens} where ${refreshTokens.tokenHash} = ${tokenHash})`),
          ),
        )
        .returning({ userId: refreshTokens.userId });
      return rows[0]?.userId;
    },

    /** Revokes one family by id (logout with a bearer token). */
    async revokeFamily(familyId: string, userId: string, tx?: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(refreshTokens)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(refreshTokens.familyId, familyId), eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
    },
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
