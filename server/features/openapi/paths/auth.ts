import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { csrfResponse, loginBody, refreshTokenBody, registerBody, tokenBody, tokenPair, user, userEnvelope } from "@shared/contracts/auth";
import { emptyResponse, errorResponses, jsonBody, jsonResponse, nameSchema, security } from "../openapi.components";

export const tag = {
  name: "Auth",
  description: "Cookie sessions for the SPA (with a CSRF token on writes) and bearer tokens for API clients.",
};
const tags = [tag.name];

/** Auth: csrf, register, login, logout, me, and bearer tokens. */
export function register(registry: OpenAPIRegistry): void {
  nameSchema(user, "User", "The public user: never a password hash.");
  nameSchema(userEnvelope, "UserEnvelope");
  nameSchema(tokenPair, "TokenPair", "expiresIn is the access token's lifetime in seconds.");

  registry.registerPath({
    method: "get",
    path: "/api/v1/auth/csrf",
    operationId: "getCsrfToken",
    tags,
    summary: "Get the session's CSRF token",
    description: "Creates an anonymous session when there is none. Send the token as X-CSRF-Token on cookie-authenticated writes, including login and register.",
    security: security.none,
    responses: { 200: jsonResponse("The token.", csrfResponse), ...errorResponses() },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/auth/register",
    operationId: "register",
    tags,
    summary: "Create a customer account and sign in",
    description: "Passwords are 12–128 characters. Sets the session cookie.",
    security: security.sessionWrite,
    request: { body: jsonBody(registerBody) },
    responses: { 201: jsonResponse("Registered and signed in.", userEnvelope), ...errorResponses(400, "csrf_failed", "email_taken") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/auth/login",
    operationId: "login",
    tags,
    summary: "Sign in with email and password",
    description: "The same 401 for an unknown email and a wrong password; repeated failures are rate limited (429).",
    security: security.sessionWrite,
    request: { body: jsonBody(loginBody) },
    responses: { 200: jsonResponse("Signed in; the session cookie is set.", userEnvelope), ...errorResponses(400, "invalid_credentials", "csrf_failed") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/auth/logout",
    operationId: "logout",
    tags,
    summary: "Sign out",
    description: "Destroys the session.",
    security: security.sessionWrite,
    responses: { 204: emptyResponse("Signed out."), ...errorResponses("csrf_failed") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/auth/me",
    operationId: "getCurrentUser",
    tags,
    summary: "The signed-in user",
    security: security.read,
    responses: { 200: jsonResponse("The current user.", userEnvelope), ...errorResponses("unauthenticated") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/auth/token",
    operationId: "issueTokens",
    tags,
    summary: "Get an access and refresh token pair",
    description: "For API clients: credentials in the body, no cookie, no CSRF token.",
    security: security.none,
    request: { body: jsonBody(tokenBody) },
    responses: { 200: jsonResponse("A new token pair.", tokenPair), ...errorResponses(400, "invalid_credentials") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/auth/token/refresh",
    operationId: "refreshTokens",
    tags,
    summary: "Rotate a refresh token",
    description: "The old refresh token stops working; reusing it revokes the whole token family.",
    security: security.none,
    request: { body: jsonBody(refreshTokenBody) },
    responses: { 200: jsonResponse("A new token pair.", tokenPair), ...errorResponses(400, "unauthenticated") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/auth/token/revoke",
    operationId: "revokeTokens",
    tags,
    summary: "Revoke a refresh token",
    security: security.none,
    request: { body: jsonBody(refreshTokenBody) },
    responses: { 204: emptyResponse("Revoked."), ...errorResponses(400) },
  });
}
