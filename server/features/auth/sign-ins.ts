import type { TxScope } from "../../db";
import type { SignInsRepo } from "./sign-ins.repo";

/** What other features may ask of auth: end a user's sign-ins in their transaction. */
export function createSignIns(repo: SignInsRepo) {
  return {
    async endAllOf(userId: string, options: { keepSessionId?: string } = {}, tx?: TxScope): Promise<void> {
      await repo.endSessionsOf(userId, options.keepSessionId, tx);
      await repo.revokeRefreshTokensOf(userId, tx);
    },
  };
}
export type SignIns = ReturnType<typeof createSignIns>;
