import { Writable } from "node:stream";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../lib/logger";
import { signedInAgent } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";

/** Issue 13 §3: an anonymous visitor is an answer, not an error. */
describe("GET /auth/session", () => {
  const lines: Array<{ level: string; message: string; path?: string; status?: number }> = [];
  let t: TestApp;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    t = await createTestApp({ LOG_LEVEL: "info" }, {}, { logger: createLogger("info", sink) });
  });

  it("when nobody is signed in, then 200 { user: null }, no session is created and nothing is logged at WARN", async () => {
    lines.length = 0;
    const res = await request(t.app).get("/api/v1/auth/session").expect(200);
    expect(res.body).toEqual({ user: null });
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.headers["cache-control"]).toBe("no-store");
    const access = lines.filter((l) => l.message === "request" && l.path === "/api/v1/auth/session");
    expect(access).toHaveLength(1);
    expect(lines.filter((l) => ["warn", "error", "fatal"].includes(l.level))).toEqual([]);
  });

  it("when someone is signed in, then 200 with the user (the same as /auth/me)", async () => {
    const { agent, user } = await signedInAgent(t, "staff");
    const res = await agent.get("/api/v1/auth/session").expect(200);
    expect(res.body.user).toMatchObject({ id: user.id, email: user.email, role: "staff" });
    expect(res.body).toEqual((await agent.get("/api/v1/auth/me").expect(200)).body);
  });
});
