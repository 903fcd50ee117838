import express, { type Express } from "express";
import request from "supertest";
import type { Role } from "@shared/schema";
import type { Db } from "../db";
import { deriveKey } from "../features/auth/secret";
import { signAccessToken } from "../features/auth/tokens";
import { makeUser } from "./factories";

/** What the helpers need from createTestApp()'s result. */
export interface AppUnderTest {
  app: Express;
  db: Db;
}

export type Agent = ReturnType<typeof request.agent>;

/** Fetches the session's CSRF token (creating the session and its cookie if needed). */
export async function csrfTokenFor(agent: Agent): Promise<string> {
  const res = await agent.get("/api/v1/auth/csrf").expect(200);
  return res.body.csrfToken as string;
}

/**
 * A supertest agent with an anonymous session: cookie jar plus X-CSRF-Token sent on every request,
 * as the SPA does before anyone signs in.
 */
export async function anonymousAgent(t: AppUnderTest) {
  const agent = request.agent(t.app);
  const csrfToken = await csrfTokenFor(agent);
  agent.set("X-CSRF-Token", csrfToken);
  return { agent, csrfToken };
}

/**
 * A new user of `role`, signed in through POST /auth/login: the agent carries the session cookie and sends the
 * (post-login) CSRF token on every request. Use `request(app)` without the agent for cookie-less calls.
 */
export async function signedInAgent(t: AppUnderTest, role: Role = "customer", overrides: { email?: string; name?: string; password?: string } = {}) {
  const user = await makeUser(t.db, { role, ...overrides });
  const agent = request.agent(t.app);
  const before = await csrfTokenFor(agent);
  await agent.post("/api/v1/auth/login").set("X-CSRF-Token", before).send({ email: user.email, password: user.password }).expect(200);
  // The token rotates with the session id at sign-in.
  const csrfToken = await csrfTokenFor(agent);
  agent.set("X-CSRF-Token", csrfToken);
  return { agent, csrfToken, user };
}

/** A new user of `role` with an API token pair; `authorization` is the ready header value. */
export async function bearerFor(t: AppUnderTest, role: Role = "customer", overrides: { email?: string; name?: string; password?: string } = {}) {
  const user = await makeUser(t.db, { role, ...overrides });
  const res = await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: user.password }).expect(200);
  const { accessToken, refreshToken } = res.body as { accessToken: string; refreshToken: string };
  return { user, accessToken, refreshToken, authorization: `Bearer ${accessToken}` };
}

/** The session id inside a signed `fp.sid` cookie value ("s:<sid>.<signature>", URL-encoded). */
export function sessionIdFromCookie(cookieValue: string): string {
  const decoded = decodeURIComponent(cookieValue);
  const unsigned = decoded.startsWith("s:") ? decoded.slice(2) : decoded;
  return unsigned.slice(0, unsigned.lastIndexOf("."));
}

/** The value of a cookie in a response's Set-Cookie headers, if it was set. */
export function setCookieValue(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const header = res.headers["set-cookie"];
  const cookies = Array.isArray(header) ? (header as string[]) : typeof header === "string" ? [header] : [];
  const found = cookies.find((c) => c.startsWith(`${name}=`));
  return found?.slice(name.length + 1).split(";")[0];
}

/**
 * Wraps an app so every response body it sends is kept (uncompressed) for inspection, e.g. to prove that no
 * response of a suite ever contains a password hash. Use the returned app in place of the original.
 */
export function recordResponses(inner: Express): { app: Express; bodies: string[] } {
  const bodies: string[] = [];
  const app = express();
  app.use((req, res, next) => {
    delete req.headers["accept-encoding"]; // keep bodies readable
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    const keep = (chunk: unknown) => {
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== "function") keep(chunk);
      bodies.push(Buffer.concat(chunks).toString("utf8"));
      return end(chunk, ...rest);
    }) as typeof res.end;
    next();
  });
  app.use(inner);
  return { app, bodies };
}

/** Markers of a password hash: the column name and argon2's PHC prefix. */
export const PASSWORD_HASH_MARKERS = [`"passwordHash":`, `"password_hash":`, "$argon2"];

/**
 * A ready `Authorization` header for an existing user, signed with the app's own key: no sign-in round trip
 * and no argon2 verification, for tests that act as hundreds of users (pair with makeUsers).
 */
export function accessTokenFor(t: { ctx: { env: { SESSION_SECRET?: string } } }, userId: string): string {
  const secret = t.ctx.env.SESSION_SECRET;
  if (!secret) throw new Error("accessTokenFor needs the app's SESSION_SECRET (createTestApp sets one)");
  return `Bearer ${signAccessToken(deriveKey(secret, "access-token-v1"), userId)}`;
}
