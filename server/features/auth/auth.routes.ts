import { z } from "zod";
import {
  csrfResponse,
  loginBody,
  refreshTokenBody,
  registerBody,
  sessionEnvelope,
  tokenBody,
  tokenPair,
  user,
  userEnvelope,
  type CsrfResponse,
  type SessionEnvelope,
  type UserEnvelope,
} from "@shared/contracts/auth";
import { mfaChallenge, type MfaChallenge } from "@shared/contracts/mfa";
import { routeTable } from "../../lib/route-table";
import { requestMeta } from "../audit/request-meta";
import { toUserJson } from "../users/users.service";
import type { AuthService } from "./auth.service";
import type { MfaService } from "./mfa.service";
import { passwordStrengthLoaded } from "./password";
import { bearerTokenOf, type SessionAuth } from "./session";

/** Auth (docs/api.md): csrf, register, login, logout, me, session, and bearer tokens for API clients. */
export const authRoutes = routeTable<{ auth: AuthService; sessions: SessionAuth; mfa: MfaService }>(
  {
    mount: "/api/v1",
    tag: { name: "Auth", description: "Cookie sessions for the SPA (with a CSRF token on writes) and bearer tokens for API clients." },
    schemas: {
      User: [user, "The public user: never a password hash."],
      UserEnvelope: userEnvelope,
      TokenPair: [tokenPair, "expiresIn is the access token's lifetime in seconds."],
    },
    commonErrors: true,
    cacheControl: "no-store",
  },
  (route) => [
    route({
      method: "get",
      path: "/auth/csrf",
      operationId: "getCsrfToken",
      summary: "Get the session's CSRF token",
      description:
        "Stateless (ADR 040): bound to the signed-in session, or else to the HttpOnly fp.csrf cookie this call sets; no session is created. Send the token as X-CSRF-Token on cookie-authenticated writes, including login and register; fetch a new one after signing in.",
      access: "public",
      responses: { 200: { description: "The token.", schema: csrfResponse } },
      handler: ({ req, res }, { sessions }): CsrfResponse => ({ csrfToken: sessions.csrf.issue(req, res) }),
    }),
    route({
      method: "post",
      path: "/auth/register",
      operationId: "register",
      summary: "Create a customer account and sign in",
      description: "Passwords are 12–128 characters. Sets the session cookie.",
      access: "public",
      csrf: "always",
      request: { body: registerBody },
      before: [passwordStrengthLoaded],
      responses: { 201: { description: "Registered and signed in.", schema: userEnvelope } },
      errors: [400, "csrf_failed", "email_taken"],
      handler: async ({ body, req }, { auth, sessions }): Promise<UserEnvelope> => {
        const user = await auth.register(body, requestMeta(req));
        await sessions.establish(req, user);
        return { user: toUserJson(user) };
      },
    }),
    route({
      method: "post",
      path: "/auth/login",
      operationId: "login",
      summary: "Sign in with email and password",
      description:
        "The same 401 for an unknown email and a wrong password; repeated failures are rate limited (429). With two-factor sign-in on, the answer is `{ mfaRequired: true }` and nobody is signed in until POST /auth/mfa/verify. `mfaSetupRequired` says the account's role must enrol (MFA_REQUIRED_ROLES) before anything else.",
      access: "public",
      csrf: "always",
      rateLimit: "signIn",
      request: { body: loginBody },
      responses: {
        200: {
          description: "Signed in (the session cookie is set), or the code step comes next.",
          schema: z.union([userEnvelope.extend({ mfaSetupRequired: z.boolean().optional() }), mfaChallenge]),
        },
      },
      errors: [400, "invalid_credentials", "csrf_failed"],
      handler: async ({ body, req, res }, { sessions, mfa }): Promise<UserEnvelope | MfaChallenge> => {
        // passport-local reads the body: give it the validated one (the email normalised).
        req.body = body;
        const user = await sessions.authenticateLocal(req, res);
        if (user.mfaEnabledAt) {
          await sessions.beginMfaChallenge(req, user);
          return { mfaRequired: true };
        }
        await sessions.establish(req, user);
        return { user: toUserJson(user), ...(mfa.isRequiredFor(user.role) ? { mfaSetupRequired: true } : {}) };
      },
    }),
    route({
      method: "post",
      path: "/auth/logout",
      operationId: "logout",
      summary: "Sign out",
      description: "Destroys the session; access tokens issued before now stop working. With a bearer token, its refresh-token family is revoked too.",
      access: "public",
      csrf: "always",
      responses: { 204: { description: "Signed out." } },
      errors: ["csrf_failed"],
      handler: async ({ req, res }, { auth, sessions }) => {
        const user = req.user;
        const accessToken = req.authMethod === "bearer" ? bearerTokenOf(req) : undefined;
        await sessions.end(req, res);
        await auth.logout(user, accessToken, requestMeta(req));
      },
    }),
    route({
      method: "get",
      path: "/auth/me",
      operationId: "getCurrentUser",
      summary: "The signed-in user",
      access: "signedIn",
      responses: { 200: { description: "The current user.", schema: userEnvelope } },
      errors: ["unauthenticated"],
      handler: ({ user }): UserEnvelope => ({ user: toUserJson(user) }),
    }),
    route({
      method: "get",
      path: "/auth/session",
      operationId: "getSession",
      summary: "Who is signed in, if anyone",
      description:
        "200 with `{ user: null }` for an anonymous visitor: the SPA learns whether it is signed in without a 401 (and without a warning in the server log). `/auth/me` stays for API clients that want the 401.",
      access: "public",
      responses: { 200: { description: "The signed-in user, or null.", schema: sessionEnvelope } },
      handler: ({ user }): SessionEnvelope => ({ user: user ? toUserJson(user) : null }),
    }),
    route({
      method: "post",
      path: "/auth/token",
      operationId: "issueTokens",
      summary: "Get an access and refresh token pair",
      description:
        "For API clients: credentials in the body, no cookie, no CSRF token. Accounts with two-factor sign-in also send `otp` (the current code or a recovery code); a role that must use it but has not enrolled gets 403.",
      access: "public",
      csrf: "exempt",
      rateLimit: "signIn",
      request: { body: tokenBody },
      responses: { 200: { description: "A new token pair.", schema: tokenPair } },
      errors: [400, "invalid_credentials", "forbidden"],
      handler: ({ body, req }, { auth }) => auth.issueTokens(body, requestMeta(req)),
    }),
    route({
      method: "post",
      path: "/auth/token/refresh",
      operationId: "refreshTokens",
      summary: "Rotate a refresh token",
      description: "The old refresh token stops working; reusing it revokes the whole token family.",
      access: "public",
      csrf: "exempt",
      rateLimit: "signIn",
      request: { body: refreshTokenBody },
      responses: { 200: { description: "A new token pair.", schema: tokenPair } },
      errors: [400, "unauthenticated"],
      handler: ({ body }, { auth }) => auth.refreshTokens(body.refreshToken),
    }),
    route({
      method: "post",
      path: "/auth/token/revoke",
      operationId: "revokeTokens",
      summary: "Revoke a refresh token",
      access: "public",
      csrf: "exempt",
      rateLimit: "signIn",
      request: { body: refreshTokenBody },
      responses: { 204: { description: "Revoked." } },
      errors: [400],
      handler: ({ body }, { auth }) => auth.revokeTokens(body.refreshToken),
    }),
  ],
);
