import type { EmailChangeBody } from "@shared/contracts/accounts";
import type { RequestMeta } from "../audit/audit.service";
import type { UserRecord } from "../users/users.service";
import { createAccountLinks, type AccountLinksDeps } from "./account-links";
import { createAccountSelf } from "./account-self";

/**
 * The accounts feature (issue 11, docs/api.md "Accounts"):
 *   account-links.ts  mailed single-use links: password reset, e-mail verification, e-mail change
 *   account-self.ts   the signed-in account: profile, password change, saved addresses, export, deletion
 *   accounts.repo.ts  account_tokens and addresses
 * Sessions and refresh tokens are ended through auth's sign-ins, orders change through the orders service.
 */
export function createAccountsService(deps: AccountLinksDeps) {
  const links = createAccountLinks(deps);
  const self = createAccountSelf(deps);
  return {
    ...links,
    ...self,
    /** POST /me/email: the password first, then the link to the new address. */
    async requestEmailChange(user: UserRecord, body: EmailChangeBody, meta: RequestMeta): Promise<void> {
      await self.checkPassword(user, body.password, "password");
      await links.requestEmailChange(user, body.email, meta);
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
