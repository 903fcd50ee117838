import { randomBytes, randomUUID } from "node:crypto";
import type { LoginBody, RegisterBody, TokenPair } from "@shared/contracts/auth";
import type { TxScope } from "../../db";
import { AppError } from "../../lib/app-error";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import type { UserRecord, UsersService } from "../users/users.service";
import type { AuthRepo } from "./auth.repo";
import { hashPassword, verifyPassword } from "./password";
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_MS, hashRefreshToken, newRefreshToken, signAccessToken, verifyAccessToken } from "./tokens";

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
  /** HMAC key for access tokens (derived from SESSION_SECRET). */
  accessTokenKey: Buffer;
  /** Runs in the registration's transaction (issue 11: the accounts feature enqueues the verification mail). */
  onRegistered?: (user: UserRecord, tx: TxScope) => Promise<void>;
}

export function createAuthService({ repo, users, audit, accessTokenKey, onRegistered }: AuthServiceDeps) {
  void getDummyHash(); // warm it up so the first unknown-email sign-in is not faster than the rest

  async function issueTokenPair(userId: string, familyId: string): Promise<TokenPair> {
    const refreshToken = newRefreshToken();
    await repo.insertRefreshToken({ userId, familyId, tokenHash: hashRefreshToken(refreshToken), expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS) });
    return { accessToken: signAccessToken(accessTokenKey, userId), refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  const service = {
    async register(body: RegisterBody, meta: RequestMeta): Promise<UserRecord> {
      const passwordHash = await hashPassword(body.password);
      return users.registerCustomer({ email: body.email, name: body.name, passwordHash }, meta, onRegistered);
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

    async recordLogout(user: UserRecord | undefined, meta: RequestMeta): Promise<void> {
      if (!user) return;
      await audit.record({ actor: { id: user.id, email: user.email }, action: "auth.logout", target: { type: "user", id: user.id } }, meta);
    },

    /** POST /auth/token: credentials in, a new token family out. */
    async issueTokens(credentials: LoginBody, meta: RequestMeta): Promise<TokenPair> {
      const user = await service.verifyCredentials(credentials, meta, "token");
      return issueTokenPair(user.id, randomUUID());
    },

    /** Rotation: the presented token is spent; presenting a spent or revoked one revokes its whole family. */
    async refreshTokens(refreshToken: string): Promise<TokenPair> {
      const next = newRefreshToken();
      const result = await repo.rotate(hashRefreshToken(refreshToken), {
        tokenHash: hashRefreshToken(next),
        expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
      });
      if (result.kind !== "rotated") throw invalidRefreshToken();
      return { accessToken: signAccessToken(accessTokenKey, result.userId), refreshToken: next, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },

    async revokeTokens(refreshToken: string): Promise<void> {
      await repo.revokeFamilyOf(hashRefreshToken(refreshToken));
    },

    /** The user behind a bearer token, loaded fresh so role changes and deletions apply at once. */
    async userForAccessToken(token: string): Promise<UserRecord | undefined> {
      const userId = verifyAccessToken(accessTokenKey, token);
      return userId ? users.findById(userId) : undefined;
    },

    /** Session deserialisation: a deleted user simply has no session identity any more. */
    userById: (id: string) => users.findById(id),
  };
  return service;
}
export type AuthService = ReturnType<typeof createAuthService>;
