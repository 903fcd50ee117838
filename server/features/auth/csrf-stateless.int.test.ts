import { sql } from "drizzle-orm";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { csrfTokenFor } from "../../test/agents";
import { makeUser } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";

// Issue 11 §8 / ADR 040: every cookieless GET /auth/csrf used to store a session row (3,523 after one test run).
describe("stateless CSRF tokens", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  const sessionRows = async () => (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from sessions`)).rows[0]!.n;

  it("when GET /auth/csrf is called without cookies many times, then no session row is stored and no session cookie is set", async () => {
    const before = await sessionRows();
    for (let i = 0; i < 20; i++) {
      const res = await request(t.app).get("/api/v1/auth/csrf").expect(200);
      expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
      expect(cookies.some((c) => c.startsWith("fp.sid="))).toBe(false);
      expect(cookies.some((c) => c.startsWith("fp.csrf=") && /HttpOnly/i.test(c))).toBe(true);
    }
    expect(await sessionRows()).toBe(before);
  });

  it("when the token is sent with its own cookie, then login works; with another browser's cookie it is refused", async () => {
    const user = await makeUser(t.db);
    const attacker = request.agent(t.app);
    const attackerToken = await csrfTokenFor(attacker);
    const victim = request.agent(t.app);
    await csrfTokenFor(victim); // the victim's browser holds its own fp.csrf cookie
    const forged = await victim.post("/api/v1/auth/login").set("X-CSRF-Token", attackerToken).send({ email: user.email, password: user.password });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe("csrf_failed");
    const own = await csrfTokenFor(victim);
    expect((await victim.post("/api/v1/auth/login").set("X-CSRF-Token", own).send({ email: user.email, password: user.password })).status).toBe(200);
  });

  it("when a user signs in, then the pre-sign-in token stops working for writes and the new one (bound to the session) works", async () => {
    const user = await makeUser(t.db);
    const agent = request.agent(t.app);
    const anonymous = await csrfTokenFor(agent);
    await agent.post("/api/v1/auth/login").set("X-CSRF-Token", anonymous).send({ email: user.email, password: user.password }).expect(200);
    expect((await agent.post("/api/v1/auth/logout").set("X-CSRF-Token", anonymous)).status).toBe(403);
    const signedIn = await csrfTokenFor(agent);
    expect(signedIn).not.toBe(anonymous);
    expect((await agent.post("/api/v1/auth/logout").set("X-CSRF-Token", signedIn)).status).toBe(204);
  });
});
