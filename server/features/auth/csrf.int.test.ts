import { eq } from "drizzle-orm";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@shared/schema";
import { bearerFor, csrfTokenFor, signedInAgent } from "../../test/agents";
import { makeUser, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { listRoutes } from "../../test/routes-list";

const ALLOWED_ORIGIN = "https://admin.fruitful.test";
const FOREIGN_ORIGIN = "https://evil.example";
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ABSENT_ID = "6b0f3f0e-8d4c-4c1e-9a57-000000000002";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ ALLOWED_ORIGINS: ALLOWED_ORIGIN });
});

/** An admin whose agent holds the session cookie but sends no CSRF header by itself. */
async function cookieOnlyAdmin(target: Parameters<typeof request.agent>[0] = t.app) {
  const user = await makeUser(t.db, { role: "admin" });
  const agent = request.agent(target);
  const before = await csrfTokenFor(agent);
  await agent.post("/api/v1/auth/login").set("X-CSRF-Token", before).send({ email: user.email, password: user.password }).expect(200);
  return { agent, user, csrf: await csrfTokenFor(agent) };
}

const roleOf = async (id: string) => (await t.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]?.role;
const TOKEN_ENDPOINTS = new Set(["/api/v1/auth/token", "/api/v1/auth/token/refresh", "/api/v1/auth/token/revoke"]);

describe("CSRF on cookie-authenticated writes", () => {
  it("when any cookie-authenticated write is sent without or with a wrong X-CSRF-Token, then it is 403 csrf_failed", async () => {
    const { agent } = await cookieOnlyAdmin();
    const writes = listRoutes(t.app).filter((r) => r.path.startsWith("/api/v1/") && WRITES.has(r.method) && !TOKEN_ENDPOINTS.has(r.path));
    expect(writes.length).toBeGreaterThanOrEqual(5);
    const failures: string[] = [];
    for (const route of writes) {
      const url = route.path.replace(/:[A-Za-z_]\w*/g, ABSENT_ID);
      const m = route.method.toLowerCase() as "post" | "patch" | "put" | "delete";
      for (const token of [undefined, "wrong-token"]) {
        let req = agent[m](url);
        if (token) req = req.set("X-CSRF-Token", token);
        const res = await req.send({});
        if (res.status !== 403 || res.body.error?.code !== "csrf_failed")
          failures.push(`${route.method} ${route.path} (${token ?? "no token"}): ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("when a role change, a deletion and a sign-out lack the token, then nothing changes; with a bearer token the same write works", async () => {
    const { agent } = await cookieOnlyAdmin();
    const target = await makeUser(t.db);
    expect((await agent.patch(`/api/v1/users/${target.id}`).send({ role: "admin" })).status).toBe(403);
    expect(await roleOf(target.id)).toBe("customer");
    expect((await agent.delete(`/api/v1/users/${target.id}`)).status).toBe(403);
    expect(await roleOf(target.id)).toBe("customer");
    expect((await agent.post("/api/v1/auth/logout")).status).toBe(403);
    expect((await agent.get("/api/v1/auth/me")).status).toBe(200); // still signed in

    const bearer = await bearerFor(t, "admin");
    const viaBearer = await request(t.app).patch(`/api/v1/users/${target.id}`).set("Authorization", bearer.authorization).send({ role: "staff" });
    expect(viaBearer.status).toBe(200);
    expect(await roleOf(target.id)).toBe("staff");
  });

  it("when a registration or login comes without a token (even without any cookie), then it is refused and nobody is created or signed in", async () => {
    const email = `csrf-${uniqueSuffix()}@example.test`;
    const reg = await request(t.app).post("/api/v1/auth/register").send({ email, password: "a-long-enough-password", name: "No Token" });
    expect(reg.status).toBe(403);
    expect(reg.body.error.code).toBe("csrf_failed");
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);

    const user = await makeUser(t.db);
    const login = await request(t.app).post("/api/v1/auth/login").send({ email: user.email, password: user.password });
    expect(login.status).toBe(403);
    expect(login.headers["set-cookie"]).toBeUndefined();
  });

  it("when the token of another session is sent, then it is refused", async () => {
    const a = await signedInAgent(t, "admin");
    const b = await cookieOnlyAdmin();
    const target = await makeUser(t.db);
    const res = await b.agent.patch(`/api/v1/users/${target.id}`).set("X-CSRF-Token", a.csrfToken).send({ name: "Nope" });
    expect(res.status).toBe(403);
  });

  it("when the right token is sent, then the write goes through", async () => {
    const { agent, csrf } = await cookieOnlyAdmin();
    const target = await makeUser(t.db);
    expect((await agent.patch(`/api/v1/users/${target.id}`).set("X-CSRF-Token", csrf).send({ name: "Fine" })).status).toBe(200);
  });
});

describe("Origin check", () => {
  it("when a write carries a foreign Origin, then it is 403 csrf_failed even with a valid token", async () => {
    const { agent, csrf } = await cookieOnlyAdmin();
    const target = await makeUser(t.db);
    const res = await agent.patch(`/api/v1/users/${target.id}`).set("X-CSRF-Token", csrf).set("Origin", FOREIGN_ORIGIN).send({ role: "staff" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("csrf_failed");
    expect(await roleOf(target.id)).toBe("customer");
    const token = await request(t.app).post("/api/v1/auth/token").set("Origin", FOREIGN_ORIGIN).send({ email: target.email, password: target.password });
    expect(token.status).toBe(403);
  });

  it("when a write carries an allowed Origin or the app's own origin, then it goes through", async () => {
    const { agent, csrf } = await cookieOnlyAdmin();
    const target = await makeUser(t.db);
    expect(
      (await agent.patch(`/api/v1/users/${target.id}`).set("X-CSRF-Token", csrf).set("Origin", ALLOWED_ORIGIN).send({ name: "From admin app" })).status,
    ).toBe(200);
    const { server, port } = await t.listen();
    const sameOrigin = await cookieOnlyAdmin(server);
    const res = await sameOrigin.agent
      .patch(`/api/v1/users/${target.id}`)
      .set("X-CSRF-Token", sameOrigin.csrf)
      .set("Origin", `http://127.0.0.1:${port}`)
      .send({ name: "Same origin" });
    expect(res.status).toBe(200);
  });
});

describe("CORS allow-list", () => {
  it("when an allowed origin asks, then it gets credentialed CORS headers and the preflight lists the API headers", async () => {
    const res = await request(t.app).get("/api/v1/auth/csrf").set("Origin", ALLOWED_ORIGIN);
    expect(res.headers["access-control-allow-origin"]).toBe(ALLOWED_ORIGIN);
    expect(res.headers["access-control-allow-credentials"]).toBe("true");
    expect(res.headers["access-control-expose-headers"]).toContain("Retry-After");
    const preflight = await request(t.app).options("/api/v1/users/x").set("Origin", ALLOWED_ORIGIN).set("Access-Control-Request-Method", "PATCH");
    expect(preflight.status).toBe(204);
    for (const header of ["X-CSRF-Token", "Authorization", "Idempotency-Key", "Content-Type", "X-Request-Id"]) {
      expect(preflight.headers["access-control-allow-headers"]).toContain(header);
    }
    expect(preflight.headers["access-control-allow-methods"]).toContain("PATCH");
  });

  it("when another origin asks, then no CORS header is sent", async () => {
    const res = await request(t.app).get("/api/v1/auth/csrf").set("Origin", FOREIGN_ORIGIN);
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
    const preflight = await request(t.app).options("/api/v1/users/x").set("Origin", FOREIGN_ORIGIN).set("Access-Control-Request-Method", "PATCH");
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect(preflight.headers["access-control-allow-headers"]).toBeUndefined();
  });
});
