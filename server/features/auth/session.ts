import type { IncomingMessage } from "node:http";
import connectPgSimple from "connect-pg-simple";
import { Router, type Request, type RequestHandler, type Response } from "express";
import session from "express-session";
import passportModule from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import type { Role } from "@shared/contracts/auth";
import type { AppContext } from "../../context";
import { AppError } from "../../lib/app-error";
import { requestMeta } from "../audit/request-meta";
import type { UserRecord } from "../users/users.service";
import type { AuthService } from "./auth.service";
import { createCsrfTokens } from "./csrf";
import { deriveKey } from "./secret";
import { ANONYMOUS_SESSION_MS, SESSION_POLICIES, sessionCookieName } from "./session-policy";
import { withNamedStatements } from "../../db/prepared";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- passport types req.user through the global Express namespace
  namespace Express {
    interface User {
      id: string;
      email: string;
      name: string;
      role: Role;
      emailVerifiedAt: Date | null;
      version: number;
      createdAt: Date;
      tokensValidAfter: Date | null;
      mfaEnabledAt: Date | null;
    }
  }
}

declare module "express-serve-static-core" {
  interface Request {
    /** How req.user was identified: a session cookie or an Authorization: Bearer access token. */
    authMethod?: "session" | "bearer";
  }
}

declare module "express-session" {
  interface SessionData {
    /** Epoch ms of the sign-in: the absolute lifetime counts from here. */
    authenticatedAt?: number;
    passport?: { user?: string };
    /** Password accepted, TOTP code outstanding (POST /auth/mfa/verify completes the sign-in). */
    mfaPending?: { userId: string; at: number; attempts: number };
  }
}

/** How long the code step may follow the password step, and how many wrong codes it tolerates. */
const MFA_CHALLENGE_MS = 5 * 60_000;
const MFA_MAX_ATTEMPTS = 5;

const BEARER = /^Bearer ([A-Za-z0-9_.-]+)$/;

/** An Authorization: Bearer header's token; undefined when there is none; "" when it is malformed. */
export function bearerTokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined || !/^bearer\s/i.test(header)) return undefined;
  return BEARER.exec(header)?.[1] ?? "";
}

const promisify = (fn: (done: (err?: unknown) => void) => void) => new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

/**
 * Cookie sessions (express-session in PostgreSQL via connect-pg-simple, passport for identity) and bearer
 * tokens. Mount `identify` on /api/v1 only: health probes, images and the SPA never create sessions.
 */
export function createSessionAuth(ctx: AppContext, auth: AuthService, secret: string) {
  const production = ctx.env.NODE_ENV === "production";
  const cookieName = sessionCookieName(production);
  const cookieOptions = { httpOnly: true, sameSite: "lax" as const, secure: production, path: "/" };

  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    // Every cookie request reads (and touches) its session: named statements (ADR 059).
    pool: withNamedStatements(ctx.database.pool, ctx.database.driver) as never,
    tableName: "sessions",
    createTableIfMissing: false,
    // Expired sessions are purged by the hourly auth.purge-expired job, once for the whole cluster.
    pruneSessionInterval: false,
    // Only the message: the store's errors never need session contents in the log.
    errorLog: (...args: unknown[]) => ctx.logger.error({ err: args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ") }, "session store error"),
  });

  const sessionMiddleware = session({
    name: cookieName,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { ...cookieOptions, maxAge: ANONYMOUS_SESSION_MS },
  });

  const passport = new passportModule.Passport();
  passport.serializeUser<string>((user, done) => done(null, user.id));
  passport.deserializeUser<string>((id, done) => {
    auth.userById(id).then((user) => done(null, user ?? false), done);
  });
  passport.use(
    new LocalStrategy({ usernameField: "email", passwordField: "password", passReqToCallback: true, session: false }, (req, email, password, done) => {
      auth.verifyCredentials({ email, password }, requestMeta(req)).then(
        (user) => done(null, user),
        (err: unknown) => (err instanceof AppError && err.code === "invalid_credentials" ? done(null, false) : done(err)),
      );
    }),
  );

  const bearer: RequestHandler = async (req, _res, next) => {
    const token = bearerTokenOf(req);
    if (token === undefined) return next();
    const user = token ? await auth.userForAccessToken(token) : undefined;
    if (!user) throw new AppError("unauthenticated", "The access token is invalid or expired.");
    req.user = user;
    req.authMethod = "bearer";
    next();
  };

  const unlessBearer =
    (handler: RequestHandler): RequestHandler =>
    (req, res, next) =>
      req.authMethod === "bearer" ? next() : handler(req, res, next);

  /** Applies the role's lifetimes: ends sessions past the absolute limit, keeps the idle lifetime in step with the role. */
  const enforceLifetime: RequestHandler = (req, res, next) => {
    if (!req.user) return next();
    req.authMethod = "session";
    const policy = SESSION_POLICIES[req.user.role];
    const authenticatedAt = req.session.authenticatedAt ?? 0;
    if (Date.now() - authenticatedAt > policy.absoluteMs) {
      req.user = undefined;
      req.authMethod = undefined;
      req.session.destroy((err) => {
        if (err) return next(err);
        res.clearCookie(cookieName, cookieOptions);
        next();
      });
      return;
    }
    // A role change (e.g. customer promoted to staff) takes the new role's idle lifetime from the next request.
    if (req.session.cookie.originalMaxAge !== policy.idleMs) req.session.cookie.maxAge = policy.idleMs;
    next();
  };

  const identifyChain = Router();
  identifyChain.use(sessionMiddleware, passport.initialize(), bearer, unlessBearer(passport.session()), unlessBearer(enforceLifetime));
  // Fast paths: without a session cookie there is no session to load, and building one costs ~60 µs a
  // request (bench/catalog-list) and ~8 % of checkout CPU for bearer clients (bench/checkout). Bearer-only
  // requests just verify the token; anonymous requests pass straight through. Auth routes always get the
  // full chain (GET /auth/csrf and login create the session).
  const identify: RequestHandler = (req, res, next) => {
    const sessionless = !req.headers.cookie?.includes(`${cookieName}=`) && !req.path.startsWith("/auth/");
    if (sessionless && bearerTokenOf(req) !== undefined) return bearer(req, res, next);
    if (sessionless && !req.headers.authorization) return next();
    identifyChain(req, res, next);
  };

  return {
    cookieName,
    identify,
    /** Stateless CSRF tokens (ADR 040), bound to the session id once signed in. */
    csrf: createCsrfTokens({ key: deriveKey(secret, "csrf-v1"), production }),

    /**
     * Who opens a WebSocket (/ws) by session cookie, with the same lifetime rules as HTTP. Undefined when it
     * identifies no user. Never creates or touches a session. Bearer clients use a ticket instead (realtime, ADR 048):
     * a token in the URL would land in proxy access logs.
     */
    async userForUpgrade(req: IncomingMessage): Promise<UserRecord | undefined> {
      if (!req.headers.cookie?.includes(`${cookieName}=`)) return undefined;
      const request = req as Request;
      // express-session only needs the request; the stub response is never written (no cookie is set on upgrades).
      const stub = { getHeader: () => undefined, setHeader: () => undefined, writeHead: () => undefined, end: () => undefined } as unknown as Response;
      await promisify((done) => sessionMiddleware(request, stub, done));
      const userId = request.session?.passport?.user;
      if (!userId) return undefined;
      const user = await auth.userById(userId);
      if (!user || Date.now() - (request.session.authenticatedAt ?? 0) > SESSION_POLICIES[user.role].absoluteMs) return undefined;
      return user;
    },

    /** Runs passport-local (which calls auth.verifyCredentials); rejects with invalid_credentials. */
    authenticateLocal(req: Request, res: Response): Promise<UserRecord> {
      return new Promise((resolve, reject) => {
        passport.authenticate("local", { session: false }, (err: unknown, user: UserRecord | false) => {
          if (err) return reject(err);
          if (!user) return reject(new AppError("invalid_credentials", "The email or password is incorrect."));
          resolve(user);
        })(req, res, reject);
      });
    },

    /** Signs the user in: a new session id (passport regenerates it, and with it the CSRF token), the role's lifetime. */
    async establish(req: Request, user: UserRecord): Promise<void> {
      await promisify((done) => req.login(user, done));
      req.session.authenticatedAt = Date.now();
      req.session.cookie.maxAge = SESSION_POLICIES[user.role].idleMs;
      req.authMethod = "session";
    },

    /**
     * Password accepted for an account with TOTP: a fresh session id holding only the pending state (nobody is
     * signed in yet). The CSRF token stays valid: until sign-in it is bound to the fp.csrf cookie, not the session.
     */
    async beginMfaChallenge(req: Request, user: UserRecord): Promise<void> {
      await promisify((done) => req.session.regenerate(done));
      req.session.mfaPending = { userId: user.id, at: Date.now(), attempts: 0 };
    },

    /** The user id waiting for its code, if the challenge is still fresh. */
    pendingMfaUser(req: Request): string | undefined {
      const pending = req.session?.mfaPending;
      if (!pending || Date.now() - pending.at > MFA_CHALLENGE_MS) return undefined;
      return pending.userId;
    },

    /** A wrong code: after MFA_MAX_ATTEMPTS the challenge is dropped and the password is needed again. */
    failMfa(req: Request): void {
      const pending = req.session?.mfaPending;
      if (!pending) return;
      pending.attempts += 1;
      if (pending.attempts >= MFA_MAX_ATTEMPTS) delete req.session.mfaPending;
    },

    /** Destroys the session row and clears the cookie; a signed-out cookie is dead from here on. */
    async end(req: Request, res: Response): Promise<void> {
      if (req.session) await promisify((done) => req.session.destroy(done));
      req.user = undefined;
      res.clearCookie(cookieName, cookieOptions);
    },
  };
}
export type SessionAuth = ReturnType<typeof createSessionAuth>;
