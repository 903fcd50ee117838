import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInAgent } from "../../test/agents";
import { makeUser, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { startSmtpSink, type SmtpSink } from "../../test/smtp-sink";
import { waitFor } from "../../test/wait-for";

/** Issue 11 acceptance: forgot → mail (a real SMTP server) → reset → sign in; everything from before is dead. */

let smtp: SmtpSink;
let t: TestApp;
const NEW_PASSWORD = "a fresh orchard password 2026";

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: "https://shop.example.test" });
  t.services.jobs.start({ pollMs: 20, concurrency: 2 });
});
afterAll(() => smtp.close());

/** The token of the newest reset link mailed to `email` (read from the text part, as a person would click it). */
async function resetTokenMailedTo(email: string, count = 1): Promise<string> {
  await waitFor(() => smtp.to(email).length >= count, 10_000, `reset mail #${count} to ${email}`);
  const mail = smtp.to(email)[count - 1]!;
  expect(mail.subject).toBe("Reset your FruitfulPlanet password");
  const match = /https:\/\/shop\.example\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? "");
  expect(match, "the mail links to /reset-password?token=…").not.toBeNull();
  return match![1]!;
}

const forgot = (email: string) => request(t.app).post("/api/v1/auth/password/forgot").send({ email });

describe("password reset", () => {
  it("when a user resets through the mailed link, then the new password signs in and the old password, session cookie and refresh token all fail", async () => {
    const { agent, user } = await signedInAgent(t, "customer");
    const tokens = (await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: user.password }).expect(200)).body as {
      refreshToken: string;
    };
    await agent.get("/api/v1/auth/me").expect(200);

    const res = await forgot(user.email).expect(202);
    expect(res.body).toEqual({ status: "accepted" });
    const token = await resetTokenMailedTo(user.email);

    // The shared strength rule (issue 11 §7): refused in words a person understands, and the link still works.
    for (const weak of ["aaaaaaaaaaaa", user.email]) {
      const refused = await request(t.app).post("/api/v1/auth/password/reset").send({ token, password: weak });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([{ path: "password", message: expect.stringMatching(/too easy to guess|Don't use your e-mail/) }]);
    }
    await request(t.app).post("/api/v1/auth/password/reset").send({ token, password: NEW_PASSWORD }).expect(204);

    await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: NEW_PASSWORD }).expect(200);
    const oldPassword = await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: user.password });
    expect(oldPassword.status).toBe(401);
    expect(oldPassword.body.error.code).toBe("invalid_credentials");
    await agent.get("/api/v1/auth/me").expect(401);
    const refresh = await request(t.app).post("/api/v1/auth/token/refresh").send({ refreshToken: tokens.refreshToken });
    expect(refresh.status).toBe(401);

    const again = await request(t.app).post("/api/v1/auth/password/reset").send({ token, password: "yet another long password 77" });
    expect(again.status).toBe(400);
    expect(again.body.error.details).toEqual([{ path: "token", message: expect.stringMatching(/expired or was already used/) }]);
    await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: NEW_PASSWORD }).expect(200);
  });

  it("when the e-mail is unknown, then the answer is the same 202 body and no mail is sent", async () => {
    const known = await makeUser(t.db);
    const unknown = `nobody-${uniqueSuffix()}@example.test`;
    const a = await forgot(unknown).expect(202);
    const b = await forgot(known.email).expect(202);
    expect(a.body).toEqual(b.body);
    expect(Object.keys(a.headers).sort()).toEqual(Object.keys(b.headers).sort());
    await resetTokenMailedTo(known.email);
    // The known address's job has run; the unknown one was queued first, so it has run too.
    await waitFor(
      async () => !(await t.services.jobs.figures()).depth.some((d) => d.kind === "accounts.password-reset-request" && d.state !== "dead"),
      5_000,
      "queue",
    );
    expect(smtp.to(unknown)).toHaveLength(0);
  });

  it("when known and unknown e-mails are timed, then the answers take about as long", async () => {
    const known = await makeUser(t.db);
    const time = async (email: string) => {
      const start = performance.now();
      await forgot(email).expect(202);
      return performance.now() - start;
    };
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      knownTimes.push(await time(known.email));
      unknownTimes.push(await time(`nobody-${uniqueSuffix()}@example.test`));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    console.info(`forgot-password median: known ${median(knownTimes).toFixed(1)} ms, unknown ${median(unknownTimes).toFixed(1)} ms`);
    // Both paths do the same work (one job row); the lookup runs in the job. Loose bound: shared CI machines are noisy.
    expect(Math.abs(median(knownTimes) - median(unknownTimes))).toBeLessThan(50);
  });

  it("when a token is garbage or the password too short, then 400 with the field named", async () => {
    const bad = await request(t.app)
      .post("/api/v1/auth/password/reset")
      .send({ token: "x".repeat(43), password: NEW_PASSWORD });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("token");
    const short = await request(t.app)
      .post("/api/v1/auth/password/reset")
      .send({ token: "x".repeat(43), password: "short" });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].path).toBe("password");
  });
});
