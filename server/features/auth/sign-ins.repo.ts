import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { refreshTokens, sessions } from "@shared/schema";
import { executorOf, type Db, type TxScope } from "../../db";

/**
 * Ends a user's sign-ins everywhere (issue 11: password reset and change, account deletion): their session
 * rows (identified by passport's user id inside the session JSON) and every refresh-token family.
 */
export function createSignInsRepo(db: Db) {
  return {
    /** Deletes the user's sessions except `keepSid` (the one that changed the password stays signed in). */
    async endSessionsOf(userId: string, keepSid: string | undefined, tx?: TxScope): Promise<number> {
      const owned = sql`(${sessions.sess}::jsonb -> 'passport' ->> 'user') = ${userId}`;
      const rows = await executorOf(db, tx)
        .delete(sessions)
        .where(keepSid ? and(owned, ne(sessions.sid, keepSid)) : owned)
        .returning({ sid: sessions.sid });
      return rows.length;
    },

    /** Revokes every refresh token of the user: each family dies, and a later reuse finds it revoked. */
    async revokeRefreshTokensOf(userId: string, tx?: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(refreshTokens)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
    },
  };
}
export type SignInsRepo = ReturnType<typeof createSignInsRepo>;
