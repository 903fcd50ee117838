import { Router } from "express";
import { loginBody, refreshTokenBody, registerBody, tokenBody, type CsrfResponse, type UserEnvelope } from "@shared/contracts/auth";
import { parseBody } from "../../lib/validate";
import { requestMeta } from "../audit/request-meta";
import { toUserJson } from "../users/users.service";
import type { AuthService } from "./auth.service";
import { ensureCsrfToken } from "./csrf";
import { requireUser } from "./guards";
import type { SessionAuth } from "./session";

/** Auth (docs/api.md): csrf, register, login, logout, me, and bearer tokens for API clients. */
export function authRoutes(auth: AuthService, sessions: SessionAuth): Router {
  const router = Router();
  router.use("/auth", (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  router.get("/auth/csrf", (req, res) => {
    const body: CsrfResponse = { csrfToken: ensureCsrfToken(req.session) };
    res.json(body);
  });

  router.post("/auth/register", async (req, res) => {
    const user = await auth.register(parseBody(registerBody, req), requestMeta(req));
    await sessions.establish(req, user);
    const body: UserEnvelope = { user: toUserJson(user) };
    res.status(201).json(body);
  });

  router.post("/auth/login", async (req, res) => {
    // Validated (and the email normalised) first; passport-local then reads the clean body.
    req.body = parseBody(loginBody, req);
    const user = await sessions.authenticateLocal(req, res);
    await sessions.establish(req, user);
    const body: UserEnvelope = { user: toUserJson(user) };
    res.json(body);
  });

  router.post("/auth/logout", async (req, res) => {
    const user = req.authMethod === "session" ? req.user : undefined;
    await sessions.end(req, res);
    await auth.recordLogout(user, requestMeta(req));
    res.status(204).end();
  });

  router.get("/auth/me", requireUser, (req, res) => {
    const body: UserEnvelope = { user: toUserJson(req.user!) };
    res.json(body);
  });

  router.post("/auth/token", async (req, res) => {
    res.json(await auth.issueTokens(parseBody(tokenBody, req), requestMeta(req)));
  });

  router.post("/auth/token/refresh", async (req, res) => {
    res.json(await auth.refreshTokens(parseBody(refreshTokenBody, req).refreshToken));
  });

  router.post("/auth/token/revoke", async (req, res) => {
    await auth.revokeTokens(parseBody(refreshTokenBody, req).refreshToken);
    res.status(204).end();
  });
  return router;
}
