import type { TxScope } from "../../db";
import type { AccountSecurity } from "../users/account-security.service";
import type { SignInsRepo } from "./sign-ins.repo";

/**
 * What other features may ask of auth: end a user's sign-ins in their transaction — sessions (but the one kept),
 * refresh-token families, and every access token issued until now (ADR 041's cut-off).
 */
export function createSignIns(repo: SignInsRepo, security: Pick<AccountSecurity, "revokeAccessTokensBefore">) {
  return {
    async endAllOf(userId: string, options: { keepSessionId?: string } = {}, tx?: TxScope): Promise<void> {
      await repo.endSessionsOf(userId, options.keepSessionId, tx);
      await repo.revokeRefreshTokensOf(userId, tx);
      await security.revokeAccessTokensBefore(userId, new Date(), tx);
    },
  };
}
export type SignIns = ReturnType<typeof createSignIns>;
