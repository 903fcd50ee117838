import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { users } from "@shared/schema";
import { executorOf, type Db, type TxScope } from "../../db";

export interface MfaState {
  /** Encrypted (see server/features/auth/mfa-crypto.ts). */
  secret: string | null;
  enabledAt: Date | null;
  lastStep: number | null;
  recoveryCodes: string[];
}

/**
 * The users table's security columns (issue 11 §5, §8): access-token cut-off and TOTP state. Every write that
 * must happen once (a time step, a recovery code) is one conditional UPDATE, so concurrent requests cannot both win.
 */
export function createAccountSecurityRepo(db: Db) {
  return {
    /** Every access token of the user issued before `at` stops working. Never moves the cut-off backwards. */
    async revokeAccessTokensBefore(userId: string, at: Date, tx?: TxScope): Promise<void> {
      await executorOf(db, tx)
        .update(users)
        .set({ tokensValidAfter: at })
        .where(and(eq(users.id, userId), or(isNull(users.tokensValidAfter), lt(users.tokensValidAfter, at))));
    },

    async mfaState(userId: string): Promise<MfaState | undefined> {
      const [row] = await db
        .select({ secret: users.mfaSecret, enabledAt: users.mfaEnabledAt, lastStep: users.mfaLastStep, recoveryCodes: users.mfaRecoveryCodes })
        .from(users)
        .where(eq(users.id, userId))
        .limit(1);
      return row;
    },

    /** Stores a new secret awaiting its first code; refused (false) while TOTP is on. */
    async startSetup(userId: string, encryptedSecret: string): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ mfaSecret: encryptedSecret, mfaLastStep: null, mfaRecoveryCodes: [] })
        .where(and(eq(users.id, userId), isNull(users.mfaEnabledAt)))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    /** Switches TOTP on with the first code's step and the recovery codes' hashes; false if already on or never set up. */
    async enable(userId: string, step: number, recoveryCodeHashes: string[]): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ mfaEnabledAt: sql`now()`, mfaLastStep: step, mfaRecoveryCodes: recoveryCodeHashes })
        .where(and(eq(users.id, userId), isNull(users.mfaEnabledAt), isNotNull(users.mfaSecret)))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    async disable(userId: string): Promise<void> {
      await db.update(users).set({ mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, mfaRecoveryCodes: [] }).where(eq(users.id, userId));
    },

    /** Accepts a code's time step only if it is later than the last accepted one (no replay, even concurrently). */
    async claimStep(userId: string, step: number): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ mfaLastStep: step })
        .where(and(eq(users.id, userId), or(isNull(users.mfaLastStep), lt(users.mfaLastStep, step))))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    /** Removes one recovery code's hash; true only for the one request that removed it. */
    async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ mfaRecoveryCodes: sql`array_remove(${users.mfaRecoveryCodes}, ${codeHash})` })
        .where(and(eq(users.id, userId), isNotNull(users.mfaEnabledAt), sql`${codeHash} = any(${users.mfaRecoveryCodes})`))
        .returning({ id: users.id });
      return rows.length > 0;
    },
  };
}
export type AccountSecurityRepo = ReturnType<typeof createAccountSecurityRepo>;
