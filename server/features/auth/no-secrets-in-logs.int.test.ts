import { Writable } from "node:stream";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../lib/logger";
import { csrfTokenFor, sessionIdFromCookie, setCookieValue } from "../../test/agents";
import { uniqueSuffix } from "../../test/factories";
import { createTestApp } from "../../test/harness";

describe("logs", () => {
  it("when a user registers, signs in, uses tokens and signs out, then no password, token, cookie or session id reaches the log", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger("trace", sink);
    const t = await createTestApp({ LOG_LEVEL: "trace" }, {}, { logger });

    const email = `logged-${uniqueSuffix()}@example.test`;
    const password = `secret-${uniqueSuffix()}-password`;
    const secrets: string[] = [password];

    const agent = request.agent(t.app);
    const csrf1 = await csrfTokenFor(agent);
    const reg = await agent.post("/api/v1/auth/register").set("X-CSRF-Token", csrf1).send({ email, password, name: "Logged" });
    expect(reg.status).toBe(201);
    const cookie = setCookieValue(reg, "fp.sid")!;
    const csrf2 = await csrfTokenFor(agent);
    secrets.push(csrf1, csrf2, cookie, decodeURIComponent(cookie), sessionIdFromCookie(cookie));

    await agent
      .post("/api/v1/auth/login")
      .set("X-CSRF-Token", csrf2)
      .send({ email, password: `${password}-wrong` })
      .expect(401);
    secrets.push(`${password}-wrong`);
    const login = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf2).send({ email, password });
    expect(login.status).toBe(200);
    const cookie2 = setCookieValue(login, "fp.sid")!;
    secrets.push(cookie2, sessionIdFromCookie(cookie2));

    const tokens = (await request(t.app).post("/api/v1/auth/token").send({ email, password }).expect(200)).body;
    const rotated = (await request(t.app).post("/api/v1/auth/token/refresh").send({ refreshToken: tokens.refreshToken }).expect(200)).body;
    await request(t.app).get("/api/v1/auth/me").set("Authorization", `Bearer ${rotated.accessToken}`).expect(200);
    await request(t.app).get("/api/v1/auth/me").set("Authorization", `Bearer ${rotated.accessToken}broken`).expect(401);
    await request(t.app).post("/api/v1/auth/token/refresh").send({ refreshToken: tokens.refreshToken }).expect(401);
    secrets.push(tokens.accessToken, tokens.refreshToken, rotated.accessToken, rotated.refreshToken);

    const csrf3 = await csrfTokenFor(agent);
    await agent.post("/api/v1/auth/logout").set("X-CSRF-Token", csrf3).expect(204);
    secrets.push(csrf3);

    const log = lines.join("");
    expect(lines.length).toBeGreaterThan(10); // the access log did write
    expect(log).toContain('"path":"/api/v1/auth/login"');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
