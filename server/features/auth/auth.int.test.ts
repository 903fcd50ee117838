import { sql } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@shared/schema";
import { eq } from "drizzle-orm";
import { csrfTokenFor, PASSWORD_HASH_MARKERS, recordResponses, sessionIdFromCookie, setCookieValue, signedInAgent, type Agent } from "../../test/agents";
import { makeUser, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { SESSION_POLICIES } from "./session-policy";

let t: TestApp;
let app: TestApp["app"];
let bodies: string[];

beforeAll(async () => {
  t = await createTestApp();
  ({ app, bodies } = recordResponses(t.app));
});

afterAll(() => {
  // Every response of this suite, successful or not, is free of password hashes.
  expect(bodies.length).toBeGreaterThan(20);
  for (const body of bodies) for (const marker of PASSWORD_HASH_MARKERS) expect(body).not.toContain(marker);
});

const newEmail = () => `shopper-${uniqueSuffix()}@example.test`;
const PASSWORD = "a-long-enough-password";

async function csrfAgent() {
  const agent = request.agent(app);
  return { agent, csrf: await csrfTokenFor(agent) };
}

/** The fp.sid cookie an agent currently holds. */
function cookieOf(agent: Agent): string | undefined {
  const jar = (agent as unknown as { jar: { getCookie(name: string, access: unknown): { value: string } | undefined } }).jar;
  return jar.getCookie("fp.sid", { domain: "127.0.0.1", path: "/", secure: false, script: false })?.value;
}

async function sessionRow(sid: string) {
  const result = await t.db.execute<{ expire: string; sess: Record<string, unknown> | string }>(
    sql`select to_char(expire, 'YYYY-MM-DD"T"HH24:MI:SS') as expire, sess from sessions where sid = ${sid}`,
  );
  return result.rows[0];
}

describe("session sign-in flow", () => {
  it("when a shopper registers, signs out and signs in again, then me follows each step", async () => {
    const { agent, csrf } = await csrfAgent();
    const email = newEmail();
    const registered = await agent.post("/api/v1/auth/register").set("X-CSRF-Token", csrf).send({ email, password: PASSWORD, name: "Ada" });
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({
      user: { id: expect.any(String), email, name: "Ada", role: "customer", emailVerified: false, version: 1, createdAt: expect.any(String) },
    });

    const me = await agent.get("/api/v1/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(registered.body.user.id);

    const csrfAfterRegister = await csrfTokenFor(agent);
    expect(csrfAfterRegister).not.toBe(csrf); // rotated with the session id
    expect((await agent.post("/api/v1/auth/logout").set("X-CSRF-Token", csrfAfterRegister)).status).toBe(204);
    const afterLogout = await agent.get("/api/v1/auth/me");
    expect(afterLogout.status).toBe(401);
    expect(afterLogout.body.error.code).toBe("unauthenticated");

    const csrf2 = await csrfTokenFor(agent);
    const login = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf2).send({ email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toEqual(registered.body.user);
    expect((await agent.get("/api/v1/auth/me")).body.user.email).toBe(email);
  });

  it("when a user signs in, then the session cookie changes and the pre-login cookie is dead", async () => {
    const user = await makeUser(t.db);
    const { agent, csrf } = await csrfAgent();
    const before = cookieOf(agent)!;
    const login = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    const after = setCookieValue(login, "fp.sid")!;
    expect(after).toBeTruthy();
    expect(sessionIdFromCookie(after)).not.toBe(sessionIdFromCookie(before));
    // The old session row is gone: replaying the old cookie is anonymous, and its CSRF token no longer works.
    expect(await sessionRow(sessionIdFromCookie(before))).toBeUndefined();
    const replay = await request(app).get("/api/v1/auth/me").set("Cookie", `fp.sid=${before}`);
    expect(replay.status).toBe(401);
    const replayWrite = await request(app).post("/api/v1/auth/logout").set("Cookie", `fp.sid=${before}`).set("X-CSRF-Token", csrf);
    expect(replayWrite.status).toBe(403);
    expect((await request(app).get("/api/v1/auth/me").set("Cookie", `fp.sid=${after}`)).status).toBe(200);
  });

  it("when a user signs out, then the cookie it had is dead and cleared", async () => {
    const { agent, csrfToken } = await signedInAgent({ app, db: t.db });
    const cookie = cookieOf(agent)!;
    const logout = await agent.post("/api/v1/auth/logout").set("X-CSRF-Token", csrfToken);
    expect(logout.status).toBe(204);
    expect(String(logout.headers["set-cookie"])).toMatch(/fp\.sid=;.*Expires=Thu, 01 Jan 1970/);
    expect(await sessionRow(sessionIdFromCookie(cookie))).toBeUndefined();
    expect((await request(app).get("/api/v1/auth/me").set("Cookie", `fp.sid=${cookie}`)).status).toBe(401);
  });

  it("when the session cookie is set, then it is HttpOnly, SameSite=Lax, path / and not readable as __Host- outside production", async () => {
    // Since ADR 040 the session cookie is set at sign-in (GET /auth/csrf stores nothing); the fp.csrf cookie has the same flags.
    const user = await makeUser(t.db);
    const agent = request.agent(app);
    const csrf = await csrfTokenFor(agent);
    const res = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password });
    const header = ([] as string[]).concat(res.headers["set-cookie"] ?? []).find((c) => c.startsWith("fp.sid=")) ?? "";
    expect(header).toMatch(/^fp\.sid=/);
    expect(header).toContain("HttpOnly");
    expect(header).toContain("SameSite=Lax");
    expect(header).toContain("Path=/");
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("when health probes or session-less reads are requested, then no session cookie is created", async () => {
    const health = await request(app).get("/api/health/liveness");
    expect(health.headers["set-cookie"]).toBeUndefined();
    const me = await request(app).get("/api/v1/auth/me");
    expect(me.headers["set-cookie"]).toBeUndefined(); // reads without a session change nothing
  });
});

describe("production cookie", () => {
  it("when running in production behind TLS, then the cookies are __Host-fp.csrf and __Host-fp.sid, Secure", async () => {
    const prod = await createTestApp({ NODE_ENV: "production", TRUST_PROXY: "true" });
    const csrfRes = await request(prod.app).get("/api/v1/auth/csrf").set("X-Forwarded-Proto", "https");
    const csrfCookie = String(csrfRes.headers["set-cookie"]);
    expect(csrfCookie).toMatch(/^__Host-fp\.csrf=/);
    expect(csrfCookie).toContain("Secure");
    expect(csrfCookie).not.toContain("Domain=");
    const user = await makeUser(prod.db);
    const login = await request(prod.app)
      .post("/api/v1/auth/login")
      .set("X-Forwarded-Proto", "https")
      .set("Cookie", csrfCookie.split(";")[0]!)
      .set("X-CSRF-Token", csrfRes.body.csrfToken)
      .send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    const header = ([] as string[]).concat(login.headers["set-cookie"] ?? []).find((c) => c.startsWith("__Host-fp.sid=")) ?? "";
    expect(header).toMatch(/^__Host-fp\.sid=/);
    expect(header).toContain("Secure");
    expect(header).toContain("Path=/");
    expect(header).not.toContain("Domain=");
  });
});

describe("registration rules", () => {
  it("when the email is taken (in any case or spacing), then register answers 409 email_taken", async () => {
    const user = await makeUser(t.db);
    const { agent, csrf } = await csrfAgent();
    const res = await agent
      .post("/api/v1/auth/register")
      .set("X-CSRF-Token", csrf)
      .send({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD, name: "Dup" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("email_taken");
  });

  it("when the email has capitals and spaces, then it is stored trimmed and lower-cased", async () => {
    const { agent, csrf } = await csrfAgent();
    const email = newEmail();
    const res = await agent
      .post("/api/v1/auth/register")
      .set("X-CSRF-Token", csrf)
      .send({ email: `  ${email.toUpperCase()}  `, password: PASSWORD, name: "  Grace  " });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe(email);
    expect(res.body.user.name).toBe("Grace");
  });

  it.each([
    ["a password of 11 characters", { password: "x".repeat(11) }, "password"],
    ["a password of 129 characters", { password: "x".repeat(129) }, "password"],
    ["an invalid email", { email: "not-an-email" }, "email"],
    ["an empty name", { name: "   " }, "name"],
    ["a name of 101 characters", { name: "n".repeat(101) }, "name"],
    ["a role", { role: "admin" }, ""],
  ])("when the body has %s, then register answers 400 validation_failed and creates nobody", async (_label, patch, path) => {
    const { agent, csrf } = await csrfAgent();
    const email = newEmail();
    const res = await agent
      .post("/api/v1/auth/register")
      .set("X-CSRF-Token", csrf)
      .send({ email, password: PASSWORD, name: "Valid", ...patch });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    const rows = await t.db
      .select()
      .from(users)
      .where(eq(users.email, (patch as { email?: string }).email ?? email));
    expect(rows).toHaveLength(0);
  });

  it("when a strong password of exactly 12 and of 128 characters is used, then both are accepted", async () => {
    for (const password of ["plum7-Violin", "quartz-lemon-violin-87-harbor-".repeat(5).slice(0, 128)]) {
      const { agent, csrf } = await csrfAgent();
      const res = await agent.post("/api/v1/auth/register").set("X-CSRF-Token", csrf).send({ email: newEmail(), password, name: "Edge" });
      expect(res.status).toBe(201);
    }
  });

  it.each([
    ["aaaaaaaaaaaa", () => "aaaaaaaaaaaa", /too easy to guess/],
    ["the account's own e-mail", (email: string) => email, /e-mail address/],
    ["the account's own e-mail in capitals", (email: string) => email.toUpperCase(), /e-mail address/],
    ["the account's name", () => "Ada Lovelace Byron", /your name/],
  ])("when the password is %s, then register answers 400 with a sentence a person understands", async (_label, passwordFor, message) => {
    const { agent, csrf } = await csrfAgent();
    const email = newEmail();
    const res = await agent
      .post("/api/v1/auth/register")
      .set("X-CSRF-Token", csrf)
      .send({ email, password: passwordFor(email), name: "Ada Lovelace Byron" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    const detail = res.body.error.details.find((d: { path: string }) => d.path === "password");
    expect(detail.message).toMatch(message);
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("when a user registers, then the stored password is an argon2id hash with the OWASP parameters", async () => {
    const { agent, csrf } = await csrfAgent();
    const email = newEmail();
    await agent.post("/api/v1/auth/register").set("X-CSRF-Token", csrf).send({ email, password: PASSWORD, name: "Hash" }).expect(201);
    const [row] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, email));
    expect(row!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("login answers", () => {
  it("when the email is unknown or the password wrong, then both answers are the same 401 invalid_credentials", async () => {
    const user = await makeUser(t.db);
    const { agent, csrf } = await csrfAgent();
    const wrong = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: "wrong-password-123" });
    const unknown = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: newEmail(), password: "wrong-password-123" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (body: { error: { requestId?: string } }) => ({ ...body, error: { ...body.error, requestId: undefined } });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body.error.code).toBe("invalid_credentials");
    // A failed attempt signs nobody in: the (rolling) cookie keeps the same anonymous session.
    expect(sessionIdFromCookie(setCookieValue(wrong, "fp.sid")!)).toBe(sessionIdFromCookie(cookieOf(agent)!));
    expect((await agent.get("/api/v1/auth/me")).status).toBe(401);
  });

  it("when the email is unknown, then the answer costs about as much time as a wrong password (a dummy hash is verified)", async () => {
    const user = await makeUser(t.db);
    const { agent, csrf } = await csrfAgent();
    const time = async (email: string) => {
      const started = performance.now();
      await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email, password: "wrong-password-123" }).expect(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      wrong.push(await time(user.email));
      unknown.push(await time(newEmail()));
    }
    // Without the dummy hash an unknown email answers in a few ms, against tens of ms for argon2.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.4);
  });

  it("when the login body has unknown fields, then it answers 400", async () => {
    const user = await makeUser(t.db);
    const { agent, csrf } = await csrfAgent();
    const res = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password, remember: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
  });

  it("when the email is typed with capitals and spaces, then the user still signs in", async () => {
    const user = await makeUser(t.db);
    const { agent, csrf } = await csrfAgent();
    const res = await agent
      .post("/api/v1/auth/login")
      .set("X-CSRF-Token", csrf)
      .send({ email: ` ${user.email.toUpperCase()} `, password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
  });

  it("when the user behind a session is deleted, then the session is simply anonymous", async () => {
    const { agent, user } = await signedInAgent({ app, db: t.db });
    await t.db.delete(users).where(eq(users.id, user.id));
    const me = await agent.get("/api/v1/auth/me");
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe("unauthenticated");
  });
});

describe("session lifetimes by role", () => {
  const minutesFromNow = (text: string) => (Date.parse(`${text}Z`) - Date.now()) / 60_000;
  const expiresIn = (setCookie: unknown) => {
    const expires = /Expires=([^;]+)/.exec(String(setCookie))?.[1];
    return (Date.parse(expires!) - Date.now()) / 60_000;
  };

  async function signIn(role: "customer" | "staff" | "admin") {
    const user = await makeUser(t.db, { role });
    const { agent, csrf } = await csrfAgent();
    const res = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password });
    const cookie = setCookieValue(res, "fp.sid")!;
    return { agent, user, res, sid: sessionIdFromCookie(cookie) };
  }

  it("when staff and admins sign in, then their session lasts 30 idle minutes; customers 7 days", async () => {
    for (const role of ["staff", "admin"] as const) {
      const { res, sid } = await signIn(role);
      expect(expiresIn(res.headers["set-cookie"])).toBeCloseTo(SESSION_POLICIES[role].idleMs / 60_000, -1);
      expect(minutesFromNow((await sessionRow(sid))!.expire)).toBeCloseTo(30, -1);
    }
    const { res, sid } = await signIn("customer");
    expect(expiresIn(res.headers["set-cookie"]) / 60 / 24).toBeCloseTo(7, 0);
    expect(minutesFromNow((await sessionRow(sid))!.expire) / 60 / 24).toBeCloseTo(7, 0);
  });

  it("when a staff session has been idle past its lifetime, then it no longer authenticates", async () => {
    const { agent, sid } = await signIn("staff");
    expect((await agent.get("/api/v1/auth/me")).status).toBe(200);
    await t.db.execute(sql`update sessions set expire = expire - interval '31 minutes' where sid = ${sid}`);
    expect((await agent.get("/api/v1/auth/me")).status).toBe(401);
  });

  it("when a staff session is older than 12 hours, then it ends even though it was active", async () => {
    const { agent, sid } = await signIn("staff");
    const thirteenHoursAgo = Date.now() - 13 * 3600_000;
    await t.db.execute(
      sql`update sessions set sess = jsonb_set(sess::jsonb, '{authenticatedAt}', to_jsonb(${thirteenHoursAgo}::bigint))::json where sid = ${sid}`,
    );
    const me = await agent.get("/api/v1/auth/me");
    expect(me.status).toBe(401);
    expect(await sessionRow(sid)).toBeUndefined();
  });

  it("when a customer session is 13 hours old, then it still works (customers have the long lifetime)", async () => {
    const { agent, sid } = await signIn("customer");
    const thirteenHoursAgo = Date.now() - 13 * 3600_000;
    await t.db.execute(
      sql`update sessions set sess = jsonb_set(sess::jsonb, '{authenticatedAt}', to_jsonb(${thirteenHoursAgo}::bigint))::json where sid = ${sid}`,
    );
    expect((await agent.get("/api/v1/auth/me")).status).toBe(200);
  });

  it("when a signed-in customer is promoted to staff, then the session takes the staff idle lifetime at the next request", async () => {
    const { agent, sid, user } = await signIn("customer");
    await t.db.update(users).set({ role: "staff" }).where(eq(users.id, user.id));
    const me = await agent.get("/api/v1/auth/me");
    expect(me.body.user.role).toBe("staff");
    expect(expiresIn(me.headers["set-cookie"])).toBeCloseTo(30, -1);
    expect(minutesFromNow((await sessionRow(sid))!.expire)).toBeCloseTo(30, -1);
  });
});

describe("WebSocket upgrade identity", () => {
  const upgrade = (headers: Record<string, string>, url = "/ws") => ({ url, headers, method: "GET" }) as unknown as import("node:http").IncomingMessage;

  it("when an upgrade carries a signed-in session cookie, then it resolves to that user; an access token in the URL resolves to nobody", async () => {
    const { agent, user } = await signedInAgent({ app, db: t.db }, "staff");
    const cookie = cookieOf(agent)!;
    const sessions = t.services.sessionAuth;
    expect((await sessions.userForUpgrade(upgrade({ cookie: `fp.sid=${cookie}` })))?.id).toBe(user.id);

    const tokenUser = await makeUser(t.db);
    const tokens = await request(app).post("/api/v1/auth/token").send({ email: tokenUser.email, password: tokenUser.password });
    // Bearer tokens are not accepted in the URL (proxies log URLs): bearer clients get a ticket (realtime, ADR 048).
    expect(await sessions.userForUpgrade(upgrade({}, `/ws?access_token=${tokens.body.accessToken}`))).toBeUndefined();

    expect(await sessions.userForUpgrade(upgrade({}))).toBeUndefined();
    expect(await sessions.userForUpgrade(upgrade({}, "/ws?access_token=forged"))).toBeUndefined();
    const anonymous = (await csrfAgent()).agent;
    expect(await sessions.userForUpgrade(upgrade({ cookie: `fp.sid=${cookieOf(anonymous)}` }))).toBeUndefined();
    await agent.post("/api/v1/auth/logout").expect(204);
    expect(await sessions.userForUpgrade(upgrade({ cookie: `fp.sid=${cookie}` }))).toBeUndefined();
  });
});
