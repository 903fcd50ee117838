import type { AccountExport, AddressCreate, AddressList, AddressUpdate, ChangePasswordBody, SavedAddress } from "@shared/contracts/accounts";
import type { User } from "@shared/contracts/auth";
import type { ShippingAddress } from "@shared/contracts/orders";
import { AppError, notFound } from "../../lib/app-error";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import { assertStrongPassword, hashPassword, verifyPassword } from "../auth/password";
import type { SignIns } from "../auth/sign-ins";
import type { OrderAccounts } from "../orders/orders.accounts";
import { toUserJson, type UserRecord } from "../users/users.service";
import type { UsersSelfService } from "../users/users.self";
import type { AccountsRepo, AddressRow } from "./accounts.repo";

/** Self-service on the signed-in account (issue 11): profile, password, saved addresses, export, deletion. */

export interface AccountSelfDeps {
  repo: AccountsRepo;
  users: UsersSelfService;
  signIns: SignIns;
  orders: OrderAccounts;
  audit: AuditService;
}

const wrongPassword = (path: string) =>
  new AppError("validation_failed", "The password is not correct.", [{ path, message: "This is not your current password" }]);

function toAddressJson(row: AddressRow): SavedAddress {
  return {
    id: row.id,
    name: row.name,
    line1: row.line1,
    ...(row.line2 ? { line2: row.line2 } : {}),
    city: row.city,
    postalCode: row.postalCode,
    country: row.country,
    ...(row.phone ? { phone: row.phone } : {}),
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createAccountSelf(deps: AccountSelfDeps) {
  const { repo, users, signIns, orders, audit } = deps;

  async function checkPassword(user: UserRecord, password: string, path: string): Promise<void> {
    const hash = await users.passwordHashOf(user.id);
    if (!hash || !(await verifyPassword(hash, password))) throw wrongPassword(path);
  }

  return {
    checkPassword,

    async updateProfile(user: UserRecord, name: string, meta: RequestMeta): Promise<User> {
      return toUserJson(await users.rename(user, name, meta));
    },

    /** Other sessions and every refresh-token family end; the session that changed it (if any) stays signed in. */
    async changePassword(user: UserRecord, body: ChangePasswordBody, currentSessionId: string | undefined, meta: RequestMeta): Promise<void> {
      await checkPassword(user, body.currentPassword, "currentPassword");
      await assertStrongPassword(body.newPassword, { email: user.email, name: user.name }, "newPassword");
      const passwordHash = await hashPassword(body.newPassword);
      await repo.transaction(async (tx) => {
        await users.setPasswordHash(user.id, passwordHash, tx);
        await repo.spendOpenTokens(user.id, "password_reset", tx);
        await signIns.endAllOf(user.id, { keepSessionId: currentSessionId }, tx);
        await audit.record({ actor: { id: user.id, email: user.email }, action: "auth.password_changed", target: { type: "user", id: user.id } }, meta, tx);
      });
    },

    // ---- Saved addresses: at most one default; the first one is it ----
    async listAddresses(user: UserRecord): Promise<AddressList> {
      return { data: (await repo.listAddresses(user.id)).map(toAddressJson) };
    },

    async addAddress(user: UserRecord, body: AddressCreate): Promise<SavedAddress> {
      const { isDefault, ...values } = body;
      return repo.transaction(async (tx) => {
        const existing = await repo.lockAddresses(user.id, tx);
        if (existing.length >= 20) throw new AppError("conflict", "You can keep at most 20 addresses; delete one first.");
        const makeDefault = isDefault === true || existing.length === 0;
        if (makeDefault) await repo.clearDefault(user.id, tx);
        return toAddressJson(
          await repo.insertAddress({ ...values, line2: values.line2 ?? null, phone: values.phone ?? null, userId: user.id, isDefault: makeDefault }, tx),
        );
      });
    },

    async updateAddress(user: UserRecord, id: string, patch: AddressUpdate): Promise<SavedAddress> {
      return repo.transaction(async (tx) => {
        await repo.lockAddresses(user.id, tx);
        const current = await repo.findAddress(user.id, id, tx);
        if (!current) throw notFound("Address");
        // Unsetting the default would leave none: the default moves only by choosing another one.
        if (patch.isDefault === false && current.isDefault) {
          throw new AppError("validation_failed", "Choose another default address instead.", [{ path: "isDefault", message: "One address stays the default" }]);
        }
        if (patch.isDefault) await repo.clearDefault(user.id, tx);
        return toAddressJson((await repo.updateAddress(user.id, id, patch, tx))!);
      });
    },

    async deleteAddress(user: UserRecord, id: string): Promise<void> {
      await repo.transaction(async (tx) => {
        const rest = (await repo.lockAddresses(user.id, tx)).filter((a) => a.id !== id);
        const gone = await repo.deleteAddress(user.id, id, tx);
        if (!gone) throw notFound("Address");
        // The oldest remaining address becomes the default, so there is one whenever there are addresses.
        if (gone.isDefault && rest[0]) await repo.updateAddress(user.id, rest[0].id, { isDefault: true }, tx);
      });
    },

    /** For checkout's `shippingAddressId`: the address if it is the user's. */
    async addressForCheckout(userId: string, id: string): Promise<ShippingAddress | undefined> {
      const row = await repo.findAddress(userId, id);
      if (!row) return undefined;
      const { isDefault: _isDefault, id: _id, createdAt: _createdAt, ...address } = toAddressJson(row);
      return address;
    },

    async exportData(user: UserRecord): Promise<AccountExport> {
      const [addresses, ordersOfUser] = await Promise.all([repo.listAddresses(user.id), orders.exportOrdersOf(user.id)]);
      return { exportedAt: new Date().toISOString(), user: toUserJson(user), addresses: addresses.map(toAddressJson), orders: ordersOfUser };
    },

    /** DELETE /me: orders stay for the books without personal data; sessions, tokens and addresses go. */
    async deleteAccount(user: UserRecord, password: string, meta: RequestMeta): Promise<void> {
      await checkPassword(user, password, "password");
      await users.deleteSelf(user, meta, async (tx) => {
        await orders.anonymiseOrdersOf(user.id, tx);
        await signIns.endAllOf(user.id, {}, tx);
      });
    },
  };
}
export type AccountSelf = ReturnType<typeof createAccountSelf>;
