import type { TxScope } from "../../db";
import type { AccountSecurityRepo } from "./account-security.repo";

export type { MfaState } from "./account-security.repo";

/**
 * The users table's security columns for the auth feature (token cut-off, TOTP state): the rules live in
 * auth (auth.service.ts, mfa.service.ts); this feature only owns the rows.
 */
export function createAccountSecurity(repo: AccountSecurityRepo) {
  return {
    revokeAccessTokensBefore: (userId: string, at: Date, tx?: TxScope) => repo.revokeAccessTokensBefore(userId, at, tx),
    mfaState: (userId: string) => repo.mfaState(userId),
    startMfaSetup: (userId: string, encryptedSecret: string) => repo.startSetup(userId, encryptedSecret),
    enableMfa: (userId: string, step: number, recoveryCodeHashes: string[]) => repo.enable(userId, step, recoveryCodeHashes),
    disableMfa: (userId: string) => repo.disable(userId),
    claimMfaStep: (userId: string, step: number) => repo.claimStep(userId, step),
    useRecoveryCode: (userId: string, codeHash: string) => repo.useRecoveryCode(userId, codeHash),
  };
}
export type AccountSecurity = ReturnType<typeof createAccountSecurity>;
