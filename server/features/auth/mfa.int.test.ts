import { generateSync } from "otplib";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@shared/schema";
import { eq } from "drizzle-orm";
import type { Role } from "@shared/contracts/auth";
import { csrfTokenFor, signedInAgent, type Agent } from "../../test/agents";
import { makeUser } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";

/** The code of the current 30-second step, or of a later one (`stepsAhead`), computed from the secret like an app would. */
const codeFor = (secret: string, stepsAhead = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

/** Signs a user in, sets up and enables TOTP; returns the secret and the recovery codes. */
async function enrol(t: TestApp, role: Role = "admin") {
  const { agent, user } = await signedInAgent(t, role);
  const setup = await agent.post("/api/v1/auth/mfa/setup").expect(200);
  expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/FruitfulPlanet:/);
  expect(setup.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  const secret = setup.body.secret as string;
  const enabled = await agent
    .post("/api/v1/auth/mfa/enable")
    .send({ code: codeFor(secret) })
    .expect(200);
  const recoveryCodes = enabled.body.recoveryCodes as string[];
  return { agent, user, secret, recoveryCodes };
}

/** A fresh browser's password step: expects the MFA challenge and returns the agent holding it. */
async function passwordStep(t: TestApp, user: { email: string; password: string }): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(t.app);
  const csrf = await csrfTokenFor(agent);
  const res = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ mfaRequired: true });
  return { agent, csrf };
}

describe("TOTP two-factor sign-in", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it("when TOTP is enabled, then 10 recovery codes are shown once and only hashes and an encrypted secret are stored", async () => {
    const { user, secret, recoveryCodes } = await enrol(t);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mfaEnabledAt).toBeInstanceOf(Date);
    expect(row!.mfaSecret).not.toContain(secret);
    expect(row!.mfaRecoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(row!.mfaRecoveryCodes.join(",")).not.toContain(code.replace("-", ""));
  });

  it("when an admin with TOTP signs in with the password only, then they are not signed in; the code completes it once", async () => {
    const { user, secret } = await enrol(t);
    const { agent, csrf } = await passwordStep(t, user);
    expect((await agent.get("/api/v1/auth/me")).status).toBe(401);
    expect((await agent.get("/api/v1/users")).status).toBe(401);

    // The code used at enrolment was this step's: the next step's code (within the clock tolerance) signs in.
    const code = codeFor(secret, 1);
    const verified = await agent.post("/api/v1/auth/mfa/verify").set("X-CSRF-Token", csrf).send({ code });
    expect(verified.status).toBe(200);
    expect(verified.body.user.email).toBe(user.email);
    const fresh = await csrfTokenFor(agent);
    expect((await agent.get("/api/v1/auth/me")).status).toBe(200);
    expect((await agent.get("/api/v1/users").set("X-CSRF-Token", fresh)).status).toBe(200);

    // The same code again, from another browser, within its window: refused (replay).
    const second = await passwordStep(t, user);
    const replay = await second.agent.post("/api/v1/auth/mfa/verify").set("X-CSRF-Token", second.csrf).send({ code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe("invalid_credentials");
    expect((await second.agent.get("/api/v1/auth/me")).status).toBe(401);
  });

  it("when a recovery code is used, then it signs in once and never again", async () => {
    const { user, recoveryCodes } = await enrol(t);
    const first = await passwordStep(t, user);
    expect((await first.agent.post("/api/v1/auth/mfa/verify").set("X-CSRF-Token", first.csrf).send({ recoveryCode: recoveryCodes[3] })).status).toBe(200);
    const second = await passwordStep(t, user);
    const reused = await second.agent.post("/api/v1/auth/mfa/verify").set("X-CSRF-Token", second.csrf).send({ recoveryCode: recoveryCodes[3] });
    expect(reused.status).toBe(401);
    // Another, unused code still works (and its spelling does not matter).
    const other = recoveryCodes[4]!.toUpperCase().replace("-", " ");
    expect((await second.agent.post("/api/v1/auth/mfa/verify").set("X-CSRF-Token", second.csrf).send({ recoveryCode: other })).status).toBe(200);
    expect((await request(t.app).get("/api/v1/auth/mfa").set("Cookie", "")).status).toBe(401);
  });

  it("when wrong codes are sent five times, then the challenge ends and the password is needed again", async () => {
    const { user, secret } = await enrol(t);
    const { agent, csrf } = await passwordStep(t, user);
    for (let i = 0; i < 5; i++) expect((await agent.post("/api/v1/auth/mfa/verify").set("X-CSRF-Token", csrf).send({ code: "000000" })).status).toBe(401);
    const late = await agent
      .post("/api/v1/auth/mfa/verify")
      .set("X-CSRF-Token", csrf)
      .send({ code: codeFor(secret, 1) });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe("unauthenticated");
  });

  it("when /auth/mfa/verify is called without the password step, then it is 401", async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfTokenFor(agent);
    const res = await agent.post("/api/v1/auth/mfa/verify").set("X-CSRF-Token", csrf).send({ code: "123456" });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
  });

  it("when an API client of an account with TOTP asks for tokens, then otp is required and works once", async () => {
    const { user, secret } = await enrol(t);
    const body = { email: user.email, password: user.password };
    const missing = await request(t.app).post("/api/v1/auth/token").send(body);
    expect(missing.status).toBe(401);
    expect(missing.body.error.details[0].path).toBe("otp");
    const otp = codeFor(secret, 1);
    expect(
      (
        await request(t.app)
          .post("/api/v1/auth/token")
          .send({ ...body, otp })
      ).status,
    ).toBe(200);
    expect(
      (
        await request(t.app)
          .post("/api/v1/auth/token")
          .send({ ...body, otp })
      ).status,
    ).toBe(401);
  });

  it("when TOTP is disabled with a current code, then the password alone signs in again; a wrong code changes nothing", async () => {
    const { agent, user, secret } = await enrol(t, "customer");
    expect((await agent.post("/api/v1/auth/mfa/disable").send({ code: "000000" })).status).toBe(401);
    expect((await agent.get("/api/v1/auth/mfa")).body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await agent.post("/api/v1/auth/mfa/disable").send({ code: codeFor(secret, 1) })).status).toBe(204);
    expect((await agent.get("/api/v1/auth/mfa")).body).toMatchObject({ enabled: false });
    const fresh = request.agent(t.app);
    const csrf = await csrfTokenFor(fresh);
    const res = await fresh.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password });
    expect(res.body.user.email).toBe(user.email);
  });

  it("when setup is asked for while TOTP is on, then it is 409 and the secret stays", async () => {
    const { agent } = await enrol(t, "staff");
    expect((await agent.post("/api/v1/auth/mfa/setup")).status).toBe(409);
  });
});

describe("MFA_REQUIRED_ROLES=admin", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: "admin" });
  });

  it("when an admin without TOTP signs in, then only the auth endpoints answer until they enrol", async () => {
    const user = await makeUser(t.db, { role: "admin" });
    const agent = request.agent(t.app);
    const csrf = await csrfTokenFor(agent);
    const login = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    expect(login.body.mfaSetupRequired).toBe(true);
    agent.set("X-CSRF-Token", await csrfTokenFor(agent));
    const blocked = await agent.get("/api/v1/users");
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toMatch(/two-factor/);
    expect((await agent.get("/api/v1/auth/mfa")).body).toMatchObject({ enabled: false, required: true });
    const setup = await agent.post("/api/v1/auth/mfa/setup").expect(200);
    await agent
      .post("/api/v1/auth/mfa/enable")
      .send({ code: codeFor(setup.body.secret) })
      .expect(200);
    expect((await agent.get("/api/v1/users")).status).toBe(200);
    // Required roles cannot switch it off.
    expect((await agent.post("/api/v1/auth/mfa/disable").send({ code: codeFor(setup.body.secret, 1) })).status).toBe(403);
  });

  it("when an admin without TOTP asks for API tokens, then it is 403; a customer is not affected", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    expect((await request(t.app).post("/api/v1/auth/token").send({ email: admin.email, password: admin.password })).status).toBe(403);
    const customer = await makeUser(t.db);
    expect((await request(t.app).post("/api/v1/auth/token").send({ email: customer.email, password: customer.password })).status).toBe(200);
  });
});
