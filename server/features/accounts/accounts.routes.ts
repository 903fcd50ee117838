import {
  accountExport,
  addressCreate,
  addressList,
  addressUpdate,
  changePasswordBody,
  deleteAccountBody,
  emailChangeBody,
  forgotPasswordBody,
  profileUpdate,
  resetPasswordBody,
  savedAddress,
  verifyEmailBody,
} from "@shared/contracts/accounts";
import { userEnvelope } from "@shared/contracts/auth";
import { idParams } from "@shared/contracts/common";
import { z } from "zod";
import { routeTable } from "../../lib/route-table";
import { requestMeta } from "../audit/request-meta";
import type { SessionAuth } from "../auth/session";
import type { AccountsService } from "./accounts.service";

const accepted = z.object({ status: z.literal("accepted") });

/** Account self-service (issue 11): password reset, e-mail verification, profile, addresses, export, deletion. */
export const accountsRoutes = routeTable<{ accounts: AccountsService; sessions: SessionAuth }>(
  {
    mount: "/api/v1",
    tag: { name: "Accounts", description: "Password reset, e-mail verification and change, profile, saved addresses, data export and account deletion." },
    schemas: { SavedAddress: savedAddress, AddressList: addressList, AccountExport: accountExport },
    commonErrors: true,
    cacheControl: "no-store",
  },
  (route) => [
    route({
      method: "post",
      path: "/auth/password/forgot",
      operationId: "forgotPassword",
      summary: "Mail a password reset link",
      description:
        "Always 202 with the same body, whether or not an account has this address (the lookup happens in a background job). The link opens /reset-password?token=… and works once, for 60 minutes; one mail per address per 5 minutes.",
      access: "public",
      request: { body: forgotPasswordBody },
      responses: { 202: { description: "Accepted.", schema: accepted } },
      errors: [400, "csrf_failed"],
      handler: async ({ body, res }, { accounts }) => {
        await accounts.requestPasswordReset(body.email);
        res.status(202).json({ status: "accepted" });
      },
    }),
    route({
      method: "post",
      path: "/auth/password/reset",
      operationId: "resetPassword",
      summary: "Choose a new password with a reset link's token",
      description: "Ends every session and refresh-token family of the account. A used, expired or unknown token → 400 (`details` name `token`).",
      access: "public",
      rateLimit: "signIn",
      request: { body: resetPasswordBody },
      responses: { 204: { description: "The password is changed; sign in with it." } },
      errors: [400, "csrf_failed"],
      handler: ({ body, req }, { accounts }) => accounts.resetPassword(body, requestMeta(req)),
    }),
    route({
      method: "post",
      path: "/auth/email/verify",
      operationId: "verifyEmail",
      summary: "Confirm an e-mail address with a mailed token",
      description:
        "A registration link marks the address verified; an e-mail-change link switches the account to the new address. Guest orders placed with the address join the account.",
      access: "public",
      rateLimit: "signIn",
      request: { body: verifyEmailBody },
      responses: { 204: { description: "Verified." } },
      errors: [400, "csrf_failed", "email_taken"],
      handler: ({ body, req }, { accounts }) => accounts.verifyEmail(body.token, requestMeta(req)),
    }),
    route({
      method: "post",
      path: "/auth/email/resend",
      operationId: "resendVerificationEmail",
      summary: "Mail a new verification link",
      description: "At most one a minute (429 with Retry-After); 409 when the address is already verified.",
      access: "signedIn",
      responses: { 204: { description: "Sent." } },
      errors: ["unauthenticated", "csrf_failed", "conflict"],
      handler: ({ user }, { accounts }) => accounts.resendVerification(user),
    }),
    route({
      method: "post",
      path: "/auth/password/change",
      operationId: "changePassword",
      summary: "Change the password",
      description: "Needs the current password (wrong → 400 on `currentPassword`). Other sessions and every refresh token end; this session stays.",
      access: "signedIn",
      rateLimit: "signIn",
      request: { body: changePasswordBody },
      responses: { 204: { description: "Changed." } },
      errors: [400, "unauthenticated", "csrf_failed"],
      handler: ({ user, body, req }, { accounts }) =>
        accounts.changePassword(user, body, req.authMethod === "session" ? req.sessionID : undefined, requestMeta(req)),
    }),
    route({
      method: "patch",
      path: "/me",
      operationId: "updateProfile",
      summary: "Change the signed-in user's name",
      access: "signedIn",
      request: { body: profileUpdate },
      responses: { 200: { description: "The updated user.", schema: userEnvelope } },
      errors: [400, "unauthenticated", "csrf_failed"],
      handler: async ({ user, body, req }, { accounts }) => ({ user: await accounts.updateProfile(user, body.name, requestMeta(req)) }),
    }),
    route({
      method: "post",
      path: "/me/email",
      operationId: "requestEmailChange",
      summary: "Change the e-mail address (confirmed through the new address)",
      description: "Needs the password. The new address gets a link; the account keeps its current address until the link is followed.",
      access: "signedIn",
      rateLimit: "signIn",
      request: { body: emailChangeBody },
      responses: { 202: { description: "The confirmation link was mailed.", schema: accepted } },
      errors: [400, "unauthenticated", "csrf_failed", "email_taken"],
      handler: async ({ user, body, req, res }, { accounts }) => {
        await accounts.requestEmailChange(user, body, requestMeta(req));
        res.status(202).json({ status: "accepted" });
      },
    }),
    route({
      method: "get",
      path: "/me/addresses",
      operationId: "listAddresses",
      summary: "Saved addresses, the default first",
      access: "signedIn",
      responses: { 200: { description: "The addresses.", schema: addressList } },
      errors: ["unauthenticated"],
      handler: ({ user }, { accounts }) => accounts.listAddresses(user),
    }),
    route({
      method: "post",
      path: "/me/addresses",
      operationId: "addAddress",
      summary: "Save an address",
      description: "The first address, or one sent with `isDefault: true`, becomes the default (there is at most one).",
      access: "signedIn",
      request: { body: addressCreate },
      responses: { 201: { description: "The saved address.", schema: savedAddress } },
      errors: [400, "unauthenticated", "csrf_failed", "conflict"],
      handler: ({ user, body }, { accounts }) => accounts.addAddress(user, body),
    }),
    route({
      method: "patch",
      path: "/me/addresses/:id",
      operationId: "updateAddress",
      summary: "Change a saved address or make it the default",
      access: "signedIn",
      request: { params: idParams, body: addressUpdate },
      responses: { 200: { description: "The address.", schema: savedAddress } },
      errors: [400, "unauthenticated", "csrf_failed", "not_found"],
      handler: ({ user, params, body }, { accounts }) => accounts.updateAddress(user, params.id, body),
    }),
    route({
      method: "delete",
      path: "/me/addresses/:id",
      operationId: "deleteAddress",
      summary: "Delete a saved address",
      description: "Deleting the default makes the oldest remaining address the default.",
      access: "signedIn",
      request: { params: idParams },
      responses: { 204: { description: "Deleted." } },
      errors: [400, "unauthenticated", "csrf_failed", "not_found"],
      handler: ({ user, params }, { accounts }) => accounts.deleteAddress(user, params.id),
    }),
    route({
      method: "get",
      path: "/me/export",
      operationId: "exportAccount",
      summary: "Everything kept about the signed-in user, as JSON",
      access: "signedIn",
      responses: { 200: { description: "The export.", schema: accountExport } },
      errors: ["unauthenticated"],
      handler: ({ user }, { accounts }) => accounts.exportData(user),
    }),
    route({
      method: "delete",
      path: "/me",
      operationId: "deleteAccount",
      summary: "Delete the signed-in account",
      description:
        "Needs the password. Orders stay for the books with the name, street and postal code replaced; sessions, tokens and addresses end. The last admin cannot delete themselves (409).",
      access: "signedIn",
      rateLimit: "signIn",
      request: { body: deleteAccountBody },
      responses: { 204: { description: "Deleted and signed out." } },
      errors: [400, "unauthenticated", "csrf_failed", "conflict"],
      handler: async ({ user, body, req, res }, { accounts, sessions }) => {
        await accounts.deleteAccount(user, body.password, requestMeta(req));
        await sessions.end(req, res);
      },
    }),
  ],
);
