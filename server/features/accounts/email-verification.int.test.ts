import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousAgent, signedInAgent, type Agent } from "../../test/agents";
import { makeUser, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { startSmtpSink, type SmtpSink } from "../../test/smtp-sink";
import { waitFor } from "../../test/wait-for";

/** Issue 11 §2: the verification mail on registration, verify, resend, and verified-only staff and admin roles. */

let smtp: SmtpSink;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: "https://shop.example.test" });
  t.services.jobs.start({ pollMs: 20, concurrency: 2 });
});
afterAll(() => smtp.close());

async function tokenMailedTo(email: string, nth = 1): Promise<string> {
  const mails = () => smtp.to(email).filter((m) => m.subject === "Confirm your e-mail address");
  await waitFor(() => mails().length >= nth, 10_000, `verification mail #${nth}`);
  return /https:\/\/shop\.example\.test\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mails()[nth - 1]!.text ?? "")![1]!;
}

async function register(): Promise<{ agent: Agent; email: string }> {
  const email = `new-${uniqueSuffix()}@example.test`;
  const { agent, csrfToken } = await anonymousAgent(t);
  await agent
    .post("/api/v1/auth/register")
    .set("X-CSRF-Token", csrfToken)
    .send({ email, password: "a long enough password 1", name: "New Person" })
    .expect(201);
  agent.set("X-CSRF-Token", (await agent.get("/api/v1/auth/csrf")).body.csrfToken as string);
  return { agent, email };
}

describe("e-mail verification", () => {
  it("when a person registers, then a verification mail arrives, /auth/me says unverified until its link is used once", async () => {
    const { agent, email } = await register();
    expect((await agent.get("/api/v1/auth/me").expect(200)).body.user.emailVerified).toBe(false);
    const token = await tokenMailedTo(email);
    await request(t.app).post("/api/v1/auth/email/verify").send({ token }).expect(204);
    expect((await agent.get("/api/v1/auth/me").expect(200)).body.user.emailVerified).toBe(true);
    const again = await request(t.app).post("/api/v1/auth/email/verify").send({ token });
    expect(again.status).toBe(400);
    expect(again.body.error.details[0].path).toBe("token");
  });

  it("when a resend is asked for right after a verification mail, then 429 with Retry-After", async () => {
    const { agent, email } = await register();
    await tokenMailedTo(email);
    // The registration's link was issued a moment ago: the first resend is already too soon.
    const soon = await agent.post("/api/v1/auth/email/resend");
    expect(soon.status).toBe(429);
    expect(Number(soon.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("when the address is verified, then resending is a 409", async () => {
    const { agent } = await signedInAgent(t);
    const res = await agent.post("/api/v1/auth/email/resend");
    expect(res.status).toBe(409);
  });

  it("when an admin grants staff to an unverified account, then 409 with a clear message; once verified it works", async () => {
    const { agent: admin } = await signedInAgent(t, "admin");
    const unverified = await makeUser(t.db, { verified: false });
    const refused = await admin.patch(`/api/v1/users/${unverified.id}`).send({ role: "staff" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/has not verified its e-mail address/);
    await admin.patch(`/api/v1/users/${unverified.id}`).send({ name: "Still a customer" }).expect(200);

    const { agent: person, email } = await register();
    const token = await tokenMailedTo(email);
    await person.post("/api/v1/auth/email/verify").send({ token }).expect(204);
    const id = (await person.get("/api/v1/auth/me")).body.user.id as string;
    const granted = await admin.patch(`/api/v1/users/${id}`).send({ role: "admin" }).expect(200);
    expect(granted.body).toMatchObject({ role: "admin", emailVerified: true });
  });
});
