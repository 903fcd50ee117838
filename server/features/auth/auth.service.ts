import { randomBytes, randomUUID } from "node:crypto";
import type { LoginBody, RegisterBody, TokenBody, TokenPair } from "@shared/contracts/auth";
import { recoveryCode, totpCode } from "@shared/contracts/mfa";
import { AppError } from "../../lib/app-error";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import type { UserRecord, UsersService } from "../users/users.service";
import type { AccountSecurity } from "../users/account-security.service";
import type { AuthRepo } from "./auth.repo";
import type { MfaService } from "./mfa.service";
import { hashPassword, verifyPassword } from "./password";
import type { TokenUsers } from "./token-users";
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_MS, hashRefreshToken, newRefreshToken, readAccessToken, signAccessToken } from "./tokens";

export type SignInMethod = "session" | "token";

const invalidCredentials = () => new AppError("invalid_credentials", "The email or password is incorrect.");
const invalidRefreshToken = () => new AppError("unauthenticated", "The refresh token is invalid, expired or revoked. Sign in again.");

/**
 * Unknown emails are verified against this hash so that they cost the same argon2 time as a wrong password:
 * response timing does not reveal which accounts exist. One per process, computed at first use.
 */
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(24).toString("base64url")));

export interface AuthServiceDeps {
  repo: AuthRepo;
  users: UsersService;
  audit: AuditService;
  security: AccountSecurity;
  mfa: MfaService;
  /** HMAC key for access tokens (derived from SESSION_SECRET). */
  accessTokenKey: Buffer;
  /** The short-lived cache of bearer-token users (ADR 076); absent, every request reads its user. */
  tokenUsers?: TokenUsers;
}

export function createAuthService({ repo, users, audit, security, mfa, accessTokenKey, tokenUsers }: AuthServiceDeps) {
  void getDummyHash(); // warm it up so the first unknown-email sign-in is not faster than the rest

  async function issueTokenPair(userId: string, familyId: string): Promise<TokenPair> {
    const refreshToken = newRefreshToken();
    await repo.insertRefreshToken({ userId, familyId, tokenHash: hashRefreshToken(refreshToken), expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS) });
    return { accessToken: signAccessToken(accessTokenKey, userId, Date.now(), familyId), refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /**
   * Access tokens are stateless for 15 minutes; this cut-off (checked where the user is re-read anyway) kills
   * every one issued before now. Refresh tokens of other families still work, so other clients just refresh.
   */
  const endAccessTokens = (userId: string) => security.revokeAccessTokensBefore(userId, new Date());

  const service = {
    async register(body: RegisterBody, meta: RequestMeta): Promise<UserRecord> {
      const passwordHash = await hashPassword(body.password);
      return users.registerCustomer({ email: body.email, name: body.name, passwordHash }, meta);
    },

    /** Verifies credentials (same answer and comparable time for unknown email and wrong password) and audits the attempt. */
    async verifyCredentials(credentials: LoginBody, meta: RequestMeta, method: SignInMethod = "session"): Promise<UserRecord> {
      const found = await users.findCredentialsByEmail(credentials.email);
      const ok = await verifyPassword(found?.passwordHash ?? (await getDummyHash()), credentials.password);
      if (!found || !ok) {
        await audit.record(
          {
            actor: found ? { id: found.user.id, email: found.user.email } : { id: null, email: credentials.email },
            action: "auth.login.failed",
            target: found ? { type: "user", id: found.user.id } : null,
            summary: { method, reason: found ? "wrong_password" : "unknown_email" },
          },
          meta,
        );
        throw invalidCredentials();
      }
      await audit.record(
        {
          actor: { id: found.user.id, email: found.user.email },
          action: "auth.login.succeeded",
          target: { type: "user", id: found.user.id },
          summary: { method },
        },
        meta,
      );
      return found.user;
    },

    /**
     * Sign-out: access tokens issued before now stop working (issue 11 §8); with a bearer token its refresh-token
     * family is revoked too. The session itself is destroyed by the route (HTTP glue).
     */
    async logout(user: UserRecord | undefined, accessToken: string | undefined, meta: RequestMeta): Promise<void> {
      if (!user) return;
      const familyId = accessToken ? readAccessToken(accessTokenKey, accessToken)?.familyId : undefined;
      if (familyId) await repo.revokeFamily(familyId, user.id);
      await endAccessTokens(user.id);
      await audit.record({ actor: { id: user.id, email: user.email }, action: "auth.logout", target: { type: "user", id: user.id } }, meta);
    },

    /** POST /auth/token: credentials (and `otp` when two-factor sign-in is on) in, a new token family out. */
    async issueTokens(credentials: TokenBody, meta: RequestMeta): Promise<TokenPair> {
      const user = await service.verifyCredentials(credentials, meta, "token");
      if (user.mfaEnabledAt) {
        if (!credentials.otp) {
          throw new AppError("invalid_credentials", "This account uses two-factor sign-in: send the current code as otp.", [
            { path: "otp", message: "Required for this account" },
          ]);
        }
        const code = totpCode.safeParse(credentials.otp);
        const recovery = recoveryCode.safeParse(credentials.otp);
        const input = code.success ? { code: code.data } : recovery.success ? { recoveryCode: recovery.data } : undefined;
        if (!input) throw new AppError("invalid_credentials", "That code is not valid.");
        await mfa.verifySignIn(user.id, input, meta, "token");
      } else if (mfa.isRequiredFor(user.role)) {
        throw new AppError("forbidden", "Your role must use two-factor sign-in: set it up in the shop (Account → Security) first.");
      }
      return issueTokenPair(user.id, randomUUID());
    },

    /** Rotation: the presented token is spent; presenting a spent or revoked one revokes its whole family. */
    async refreshTokens(refreshToken: string): Promise<TokenPair> {
      const next = newRefreshToken();
      const result = await repo.rotate(hashRefreshToken(refreshToken), {
        tokenHash: hashRefreshToken(next),
        expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
      });
      if (result.kind === "reused") await endAccessTokens(result.userId); // a stolen family: its access tokens die too
      if (result.kind !== "rotated") throw invalidRefreshToken();
      return {
        accessToken: signAccessToken(accessTokenKey, result.userId, Date.now(), result.familyId),
        refreshToken: next,
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      };
    },

    async revokeTokens(refreshToken: string): Promise<void> {
      const userId = await repo.revokeFamilyOf(hashRefreshToken(refreshToken));
      if (userId) await endAccessTokens(userId);
    },

    /** Every access token of the user issued before now stops working (password reset, account deletion, …). */
    endAccessTokens,

    /**
     * The user behind a bearer token: read at most once a second per user (ADR 076); revocations, role changes
     * and deletions drop the cached copy at once (token-users.ts).
     */
    async userForAccessToken(token: string): Promise<UserRecord | undefined> {
      const claims = readAccessToken(accessTokenKey, token);
      if (!claims) return undefined;
      const load = () => users.findById(claims.userId);
      const user = tokenUsers ? await tokenUsers.get(claims.userId, load) : await load();
      if (!user) return undefined;
      // Revoked by logout, revoke or refresh-token reuse after it was issued (issue 11 §8).
      const cutOff = Math.max(user.tokensValidAfter?.getTime() ?? 0, tokenUsers?.cutOff(user.id) ?? 0);
      if (claims.issuedAtMs < cutOff) return undefined;
      return user;
    },

    /** Session deserialisation: a deleted user simply has no session identity any more. */
    userById: (id: string) => users.findById(id),
  };
  return service;
}
export type AuthService = ReturnType<typeof createAuthService>;
