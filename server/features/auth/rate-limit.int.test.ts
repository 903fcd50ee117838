import { randomInt } from "node:crypto";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { csrfTokenFor } from "../../test/agents";
import { makeUser } from "../../test/factories";
import { createTestApp, type TestApp, type TestEnv } from "../../test/harness";

// Counters persist in a shared Redis between runs: every test signs in from its own client IP (X-Forwarded-For
// with TRUST_PROXY) and its own account, so no test sees another's hits.
const limits: TestEnv = { AUTH_RATE_LIMIT_PER_MINUTE: "5", TRUST_PROXY: "true" };
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function wrongLogin(t: TestApp, email: string, ip: string) {
  const agent = request.agent(t.app);
  const csrf = await csrfTokenFor(agent);
  return agent.post("/api/v1/auth/login").set("X-Forwarded-For", ip).set("X-CSRF-Token", csrf).send({ email, password: "definitely-wrong-1" });
}

function expectRateLimited(res: request.Response) {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe("rate_limited");
  expect(res.body.error.requestId).toBeTruthy();
  const retryAfter = Number(res.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe("sign-in rate limits", () => {
  it("when a wrong password is tried 6 times in a minute, then the 6th answer is 429 with Retry-After", async () => {
    const t = await createTestApp(limits);
    const user = await makeUser(t.db);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await wrongLogin(t, user.email, ip)).status).toBe(401);
    const sixth = await wrongLogin(t, user.email, ip);
    expectRateLimited(sixth);
    // The right password does not get through either while the window lasts.
    const agent = request.agent(t.app);
    const csrf = await csrfTokenFor(agent);
    expect(
      (await agent.post("/api/v1/auth/login").set("X-Forwarded-For", ip).set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password })).status,
    ).toBe(429);
  });

  it("when five wrong passwords for an account come from IP A, then the right password from IP B still signs in", async () => {
    const t = await createTestApp(limits);
    const user = await makeUser(t.db);
    const attacker = freshIp();
    for (let i = 0; i < 5; i++) expect((await wrongLogin(t, user.email, attacker)).status).toBe(401);
    expectRateLimited(await wrongLogin(t, user.email, attacker));
    const agent = request.agent(t.app);
    const csrf = await csrfTokenFor(agent);
    const owner = await agent
      .post("/api/v1/auth/login")
      .set("X-Forwarded-For", freshIp())
      .set("X-CSRF-Token", csrf)
      .send({ email: user.email, password: user.password });
    expect(owner.status).toBe(200);
    expect(owner.body.user.email).toBe(user.email);
  });

  it("when one account is attacked from many addresses, then attempts slow down progressively but the owner is never locked out", async () => {
    const t = await createTestApp(limits);
    const user = await makeUser(t.db);
    for (let i = 0; i < 5; i++) expect((await wrongLogin(t, ` ${user.email.toUpperCase()}`, freshIp())).status).toBe(401);
    // The 6th failure (from yet another address) is answered, not refused; the 7th attempt waits ≥ 0.5 s first.
    expect((await wrongLogin(t, user.email, freshIp())).status).toBe(401);
    const agent = request.agent(t.app);
    const csrf = await csrfTokenFor(agent);
    const started = Date.now();
    const owner = await agent
      .post("/api/v1/auth/login")
      .set("X-Forwarded-For", freshIp())
      .set("X-CSRF-Token", csrf)
      .send({ email: user.email, password: user.password });
    expect(owner.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it("when one address tries many accounts, then the per-IP limit stops the 6th attempt", async () => {
    const t = await createTestApp(limits);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await wrongLogin(t, (await makeUser(t.db)).email, ip)).status).toBe(401);
    expectRateLimited(await wrongLogin(t, (await makeUser(t.db)).email, ip));
  });

  it("when a user signs in successfully again and again, then successes are not counted", async () => {
    const t = await createTestApp(limits);
    const user = await makeUser(t.db);
    const ip = freshIp();
    for (let i = 0; i < 7; i++) {
      const agent = request.agent(t.app);
      const csrf = await csrfTokenFor(agent);
      expect(
        (await agent.post("/api/v1/auth/login").set("X-Forwarded-For", ip).set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password }))
          .status,
      ).toBe(200);
    }
  });

  it("when the token endpoint gets 6 wrong passwords, then it is limited like login", async () => {
    const t = await createTestApp(limits);
    const user = await makeUser(t.db);
    const ip = freshIp();
    const attempt = () => request(t.app).post("/api/v1/auth/token").set("X-Forwarded-For", ip).send({ email: user.email, password: "definitely-wrong-1" });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    expectRateLimited(await attempt());
  });

  it("when AUTH_RATE_LIMIT_PER_MINUTE is 0, then sign-in is not limited", async () => {
    const t = await createTestApp({ ...limits, AUTH_RATE_LIMIT_PER_MINUTE: "0" });
    const user = await makeUser(t.db);
    const ip = freshIp();
    for (let i = 0; i < 7; i++) expect((await wrongLogin(t, user.email, ip)).status).toBe(401);
  });
});

describe("API rate limit", () => {
  it("when a client exceeds RATE_LIMIT_PER_MINUTE, then it gets 429 with Retry-After; health probes stay exempt", async () => {
    const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "true" });
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await request(t.app).get("/api/v1/auth/csrf").set("X-Forwarded-For", ip)).status).toBe(200);
    const limited = await request(t.app).get("/api/v1/auth/csrf").set("X-Forwarded-For", ip);
    expectRateLimited(limited);
    for (let i = 0; i < 5; i++) expect((await request(t.app).get("/api/health/liveness").set("X-Forwarded-For", ip)).status).toBe(200);
    // Another client is unaffected.
    expect((await request(t.app).get("/api/v1/auth/csrf").set("X-Forwarded-For", freshIp())).status).toBe(200);
  });
});

describe.runIf(process.env.REDIS_URL)("rate limits shared through Redis", () => {
  it("when two app instances share Redis, then failed sign-ins on both count against one limit", async () => {
    const a = await createTestApp(limits);
    const b = await createTestApp(limits);
    const user = await makeUser(a.db);
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await wrongLogin(a, user.email, ip)).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await wrongLogin(b, user.email, ip)).status).toBe(401);
    expectRateLimited(await wrongLogin(b, user.email, ip));
    expectRateLimited(await wrongLogin(a, user.email, ip));
  });
});

describe("rate limits without a reachable Redis", () => {
  it("when Redis is unreachable, then limits still apply (in memory) and every answer comes within 2.5 s", async () => {
    const t = await createTestApp({ ...limits, REDIS_URL: "redis://127.0.0.1:1" });
    const user = await makeUser(t.db);
    const ip = freshIp();
    const timed = async () => {
      const started = Date.now();
      const res = await wrongLogin(t, user.email, ip);
      expect(Date.now() - started).toBeLessThan(2_500);
      return res;
    };
    for (let i = 0; i < 5; i++) expect((await timed()).status).toBe(401);
    expectRateLimited(await timed());
  });
});
