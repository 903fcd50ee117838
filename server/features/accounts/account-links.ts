import { createHash, randomBytes } from "node:crypto";
import type { ResetPasswordBody } from "@shared/contracts/accounts";
import type { TxScope } from "../../db";
import { AppError } from "../../lib/app-error";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import { assertStrongPassword, hashPassword } from "../auth/password";
import type { SignIns } from "../auth/sign-ins";
import type { JobQueue } from "../jobs/jobs.types";
import type { MailService } from "../mail/mail.service";
import type { OrderAccounts } from "../orders/orders.accounts";
import type { UserRecord } from "../users/users.service";
import type { UsersSelfService } from "../users/users.self";
import type { AccountsRepo, TokenPurpose } from "./accounts.repo";

/**
 * The flows that run through a mailed link (issue 11): password reset, e-mail verification and e-mail change.
 * Tokens are 32 random bytes; only their SHA-256 is stored; each works once and expires.
 */
export const PASSWORD_RESET_REQUEST = "accounts.password-reset-request";
export const RESET_TTL_MS = 60 * 60_000;
export const VERIFY_TTL_MS = 48 * 60 * 60_000;
/** One reset mail per address per window, however often the form is sent (the job's dedupe key). */
const RESET_WINDOW_MS = 5 * 60_000;
/** Resending a verification mail: at most one per minute per account. */
export const RESEND_INTERVAL_MS = 60_000;

export const newLinkToken = () => randomBytes(32).toString("base64url");
export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

const badLink = () =>
  new AppError("validation_failed", "This link has expired or was already used.", [
    { path: "token", message: "This link has expired or was already used; ask for a new one" },
  ]);

export interface AccountLinksDeps {
  repo: AccountsRepo;
  users: UsersSelfService;
  mail: MailService;
  jobs: JobQueue;
  signIns: SignIns;
  orders: OrderAccounts;
  audit: AuditService;
}

const actorOf = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

export function createAccountLinks(deps: AccountLinksDeps) {
  const { repo, users, mail, jobs, signIns, orders, audit } = deps;

  async function issue(user: UserRecord, purpose: TokenPurpose, email: string | null, ttlMs: number, tx: TxScope): Promise<string> {
    const token = newLinkToken();
    await repo.insertToken({ userId: user.id, purpose, tokenHash: hashLinkToken(token), email, expiresAt: new Date(Date.now() + ttlMs) }, tx);
    return token;
  }

  /** Inside the registration's transaction: the verification mail is enqueued with the account. */
  async function sendVerification(user: UserRecord, tx: TxScope): Promise<void> {
    const token = await issue(user, "email_verify", user.email, VERIFY_TTL_MS, tx);
    await mail.enqueue("email-verification", { email: user.email }, { name: user.name, token }, { tx });
  }

  return {
    sendVerification,

    /**
     * POST /auth/password/forgot: always the same work on the request path (one job row), known address or not,
     * so neither the answer nor its timing tells whether an account exists. The job does the lookup.
     */
    async requestPasswordReset(email: string): Promise<void> {
      const window = Math.floor(Date.now() / RESET_WINDOW_MS);
      await jobs.enqueue(PASSWORD_RESET_REQUEST, { email }, { dedupeKey: `${email}:${window}` });
    },

    /** The job: a token and the mail in one transaction; unknown addresses get nothing. */
    async sendPasswordReset(email: string): Promise<void> {
      const user = await users.findByEmail(email);
      if (!user) return;
      await repo.transaction(async (tx) => {
        const token = await issue(user, "password_reset", null, RESET_TTL_MS, tx);
        await mail.enqueue("password-reset", { userId: user.id }, { name: user.name, token }, { tx });
      });
    },

    /** POST /auth/password/reset: new password, every session and refresh-token family of the user ends. */
    async resetPassword(body: ResetPasswordBody, meta: RequestMeta): Promise<void> {
      await repo.transaction(async (tx) => {
        const spent = await repo.consumeToken(hashLinkToken(body.token), ["password_reset"], tx);
        if (!spent) throw badLink();
        const user = await users.findById(spent.userId, tx);
        if (!user) throw badLink();
        // The shared strength rule needs the owner (not their e-mail or name); a refused password rolls the
        // transaction back, so the link still works for a better one.
        await assertStrongPassword(body.password, { email: user.email, name: user.name });
        await users.setPasswordHash(user.id, await hashPassword(body.password), tx);
        await repo.spendOpenTokens(user.id, "password_reset", tx);
        await signIns.endAllOf(user.id, {}, tx);
        await audit.record({ actor: actorOf(user), action: "auth.password_reset", target: { type: "user", id: user.id } }, meta, tx);
      });
    },

    /**
     * POST /auth/email/verify: a verification link marks the address verified (if it is still the account's);
     * an e-mail-change link switches the account to the new, now proven, address. Either way, guest orders
     * placed with that address join the account.
     */
    async verifyEmail(token: string, meta: RequestMeta): Promise<void> {
      await repo.transaction(async (tx) => {
        const spent = await repo.consumeToken(hashLinkToken(token), ["email_verify", "email_change"], tx);
        if (!spent?.email) throw badLink();
        const user = await users.findById(spent.userId, tx);
        if (!user) throw badLink();
        if (spent.purpose === "email_change") {
          await users.changeEmail(user, spent.email, meta, tx);
        } else {
          // A link mailed to an address the account no longer has proves nothing about the current one.
          if (!(await users.markVerified(user.id, spent.email, tx))) throw badLink();
          await audit.record({ actor: actorOf(user), action: "auth.email_verified", target: { type: "user", id: user.id } }, meta, tx);
        }
        await orders.attachGuestOrders(spent.email, user.id, tx);
      });
    },

    /** POST /auth/email/resend: a new link, at most once a minute (429 with Retry-After otherwise). */
    async resendVerification(user: UserRecord): Promise<void> {
      if (user.emailVerifiedAt) throw new AppError("conflict", "Your e-mail address is already verified.");
      const last = await repo.latestTokenAt(user.id, "email_verify");
      const waitMs = last ? last.getTime() + RESEND_INTERVAL_MS - Date.now() : 0;
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw new AppError("rate_limited", `A verification e-mail was just sent. You can ask for another in ${seconds} seconds.`, undefined, {
          "Retry-After": String(seconds),
        });
      }
      await repo.transaction((tx) => sendVerification(user, tx));
    },

    /** POST /me/email: the link goes to the new address; nothing changes until it is followed. */
    async requestEmailChange(user: UserRecord, email: string, meta: RequestMeta): Promise<void> {
      if (email === user.email) throw new AppError("validation_failed", "That is already your address.", [{ path: "email", message: "Already your address" }]);
      const taken = await users.findByEmail(email);
      if (taken) throw new AppError("email_taken", "Another account already uses this e-mail address.", [{ path: "email", message: "Already registered" }]);
      await repo.transaction(async (tx) => {
        const token = await issue(user, "email_change", email, VERIFY_TTL_MS, tx);
        await mail.enqueue("email-change", { email }, { name: user.name, token }, { tx });
        await audit.record({ actor: actorOf(user), action: "user.email_change_requested", target: { type: "user", id: user.id } }, meta, tx);
      });
    },
  };
}
export type AccountLinks = ReturnType<typeof createAccountLinks>;

/** Registers the reset-request job: the lookup, token and mail happen here, off the request path. */
export function registerAccountJobs(jobs: JobQueue, links: Pick<AccountLinks, "sendPasswordReset">): void {
  jobs.register<{ email: string }>(PASSWORD_RESET_REQUEST, ({ email }) => links.sendPasswordReset(email), {
    retryLimit: 5,
    retryDelaySeconds: 10,
    timeoutSeconds: 30,
  });
}
