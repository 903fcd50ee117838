import { userEnvelope, type UserEnvelope } from "@shared/contracts/auth";
import { mfaCodeBody, mfaSetupResponse, mfaStatus, mfaVerifyBody, recoveryCodesResponse } from "@shared/contracts/mfa";
import { AppError } from "../../lib/app-error";
import { routeTable } from "../../lib/route-table";
import { requestMeta } from "../audit/request-meta";
import { toUserJson } from "../users/users.service";
import type { MfaService } from "./mfa.service";
import type { SessionAuth } from "./session";

/** Two-factor sign-in with TOTP (issue 11 §5): setup, enable, disable, and the second sign-in step. */
export const mfaRoutes = routeTable<{ mfa: MfaService; sessions: SessionAuth }>(
  {
    mount: "/api/v1",
    tag: { name: "Two-factor sign-in", description: "TOTP (RFC 6238) codes from an authenticator app, with single-use recovery codes." },
    schemas: { MfaStatus: mfaStatus, MfaSetup: mfaSetupResponse, RecoveryCodes: recoveryCodesResponse },
    commonErrors: true,
    cacheControl: "no-store",
  },
  (route) => [
    route({
      method: "get",
      path: "/auth/mfa",
      operationId: "getMfaStatus",
      summary: "Whether two-factor sign-in is on (and required for the account's role)",
      access: "signedIn",
      responses: { 200: { description: "The status.", schema: mfaStatus } },
      errors: ["unauthenticated"],
      handler: ({ user }, { mfa }) => mfa.status(user),
    }),
    route({
      method: "post",
      path: "/auth/mfa/setup",
      operationId: "setupMfa",
      summary: "Start setting up an authenticator app",
      description: "A new secret, its otpauth:// URL and that URL as an SVG QR code. Nothing changes at sign-in until /auth/mfa/enable.",
      access: "signedIn",
      responses: { 200: { description: "Scan the QR code, then send a code to /auth/mfa/enable.", schema: mfaSetupResponse } },
      errors: ["unauthenticated", "csrf_failed", "conflict"],
      handler: ({ user }, { mfa }) => mfa.setup(user),
    }),
    route({
      method: "post",
      path: "/auth/mfa/enable",
      operationId: "enableMfa",
      summary: "Switch two-factor sign-in on with the first code",
      description: "Answers the 10 single-use recovery codes: they are shown this once and stored hashed.",
      access: "signedIn",
      rateLimit: "signIn",
      request: { body: mfaCodeBody },
      responses: { 200: { description: "On; keep the recovery codes somewhere safe.", schema: recoveryCodesResponse } },
      errors: [400, "unauthenticated", "invalid_credentials", "csrf_failed", "conflict"],
      handler: ({ user, body, req }, { mfa }) => mfa.enable(user, body.code, requestMeta(req)),
    }),
    route({
      method: "post",
      path: "/auth/mfa/disable",
      operationId: "disableMfa",
      summary: "Switch two-factor sign-in off",
      description: "Needs a current code (or a recovery code). Roles listed in MFA_REQUIRED_ROLES cannot switch it off.",
      access: "signedIn",
      rateLimit: "signIn",
      request: { body: mfaVerifyBody },
      responses: { 204: { description: "Off." } },
      errors: [400, "unauthenticated", "invalid_credentials", "forbidden", "csrf_failed", "conflict"],
      handler: ({ user, body, req }, { mfa }) => mfa.disable(user, body, requestMeta(req)),
    }),
    route({
      method: "post",
      path: "/auth/mfa/verify",
      operationId: "verifyMfa",
      summary: "Complete a sign-in with the code (or a recovery code)",
      description:
        "After POST /auth/login answered `{ mfaRequired: true }`. A code is accepted once; five wrong codes (or 5 minutes) end the attempt and the password is needed again.",
      access: "public",
      csrf: "always",
      rateLimit: "signIn",
      request: { body: mfaVerifyBody },
      responses: { 200: { description: "Signed in; the session cookie is set.", schema: userEnvelope } },
      errors: [400, "unauthenticated", "invalid_credentials", "csrf_failed"],
      handler: async ({ body, req }, { mfa, sessions }): Promise<UserEnvelope> => {
        const userId = sessions.pendingMfaUser(req);
        if (!userId) throw new AppError("unauthenticated", "Sign in with your email and password first.");
        try {
          const user = await mfa.verifySignIn(userId, body, requestMeta(req));
          await sessions.establish(req, user);
          return { user: toUserJson(user) };
        } catch (err) {
          sessions.failMfa(req);
          throw err;
        }
      },
    }),
  ],
);
