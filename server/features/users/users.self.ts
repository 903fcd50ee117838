import type { TxScope } from "../../db";
import { AppError } from "../../lib/app-error";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import type { UserRecord, UsersRepo } from "./users.repo";
import type { UsersSelfRepo } from "./users.self.repo";

const actorOf = (user: UserRecord) => ({ id: user.id, email: user.email });

/**
 * What the accounts feature may do to a users row (issue 11). Permissions are the caller's: these act on the
 * user the accounts service already identified (signed in, or through a mailed token).
 */
export function createUsersSelfService(repo: UsersRepo, self: UsersSelfRepo, audit: AuditService) {
  return {
    transaction: repo.transaction,
    findById: (id: string, tx?: TxScope) => repo.findById(id, tx),
    findByEmail: (email: string, tx?: TxScope) => self.findByEmail(email, tx),
    passwordHashOf: (id: string) => self.passwordHashOf(id),
    setPasswordHash: (id: string, hash: string, tx: TxScope) => self.setPasswordHash(id, hash, tx),
    markVerified: (id: string, email: string, tx: TxScope) => self.markVerified(id, email, tx),

    async rename(user: UserRecord, name: string, meta: RequestMeta): Promise<UserRecord> {
      return repo.transaction(async (tx) => {
        const after = (await self.setName(user.id, name, tx))!;
        if (after.name !== user.name) {
          await audit.record(
            { actor: actorOf(user), action: "user.updated", target: { type: "user", id: user.id }, summary: { before: { name: user.name }, after: { name } } },
            meta,
            tx,
          );
        }
        return after;
      });
    },

    /** Inside the caller's transaction; a taken address is a 409 email_taken (the unique index decides). */
    async changeEmail(user: UserRecord, email: string, meta: RequestMeta, tx: TxScope): Promise<UserRecord> {
      const taken = await self.findByEmail(email, tx);
      if (taken && taken.id !== user.id) throw new AppError("email_taken", "Another account already uses this e-mail address.");
      const after = (await self.changeEmail(user.id, email, tx))!;
      await audit.record(
        { actor: actorOf(user), action: "user.email_changed", target: { type: "user", id: user.id }, summary: { before: user.email, after: email } },
        meta,
        tx,
      );
      return after;
    },

    /**
     * Deletes the account after `beforeDelete` (orders anonymised, sessions ended) in one transaction, under the
     * same admin locks as the admin API: the last admin cannot delete themselves either.
     */
    async deleteSelf(user: UserRecord, meta: RequestMeta, beforeDelete: (tx: TxScope) => Promise<void>): Promise<void> {
      await repo.transaction(async (tx) => {
        const adminIds = await repo.lockAdmins(tx);
        const target = await repo.lockById(user.id, tx);
        if (!target) return;
        if (target.role === "admin" && adminIds.length <= 1) {
          throw new AppError("conflict", "You are the last admin; promote another user to admin before deleting your account.");
        }
        await beforeDelete(tx);
        await repo.delete(user.id, tx);
        await audit.record(
          { actor: actorOf(user), action: "user.deleted_self", target: { type: "user", id: user.id }, summary: { role: target.role } },
          meta,
          tx,
        );
      });
    },
  };
}
export type UsersSelfService = ReturnType<typeof createUsersSelfService>;
