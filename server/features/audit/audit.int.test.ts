import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { csrfTokenFor, signedInAgent } from "../../test/agents";
import { makeUser, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedInAgent>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAgent(t, "admin");
});

type Entry = {
  id: string;
  actor: { id: string | null; email: string | null } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  summary: Record<string, unknown>;
  createdAt: string;
};

async function entries(query: Record<string, string | number>): Promise<Entry[]> {
  const res = await admin.agent.get("/api/v1/audit").query(query);
  expect(res.status).toBe(200);
  return res.body.data as Entry[];
}

describe("audit trail", () => {
  it("when an admin promotes a user, then the audit log shows the role change with before and after", async () => {
    const target = await makeUser(t.db);
    const res = await admin.agent.patch(`/api/v1/users/${target.id}`).send({ role: "staff" }).set("X-Request-Id", `promote-${uniqueSuffix()}`);
    expect(res.status).toBe(200);
    const found = (await entries({ action: "user.role_changed", limit: 100 })).find((e) => e.targetId === target.id);
    expect(found).toEqual({
      id: expect.any(String),
      actor: { id: admin.user.id, email: admin.user.email },
      action: "user.role_changed",
      targetType: "user",
      targetId: target.id,
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
      requestId: res.headers["x-request-id"],
      summary: { email: target.email, before: { role: "customer" }, after: { role: "staff" } },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
    });
  });

  it("when sign-ins succeed and fail, then both are recorded; an unknown email is recorded without an actor id", async () => {
    const user = await makeUser(t.db);
    const agent = request.agent(t.app);
    const csrf = await csrfTokenFor(agent);
    await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: "wrong-password-1" }).expect(401);
    const ghost = `ghost-${uniqueSuffix()}@example.test`;
    await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: ghost, password: "wrong-password-1" }).expect(401);
    await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password }).expect(200);

    const mine = await entries({ actor: user.id, limit: 10 });
    expect(mine.map((e) => e.action)).toEqual(["auth.login.succeeded", "auth.login.failed"]);
    expect(mine[1]!.summary).toEqual({ method: "session", reason: "wrong_password" });
    const unknown = await entries({ actor: ghost, limit: 10 });
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.actor).toEqual({ id: null, email: ghost });
    expect(unknown[0]!.summary).toEqual({ method: "session", reason: "unknown_email" });
    // No secret ever lands in the summary.
    expect(JSON.stringify([...mine, ...unknown])).not.toContain("wrong-password-1");
  });

  it("when a user registers, signs out, is renamed and deleted, then each step has its audit row", async () => {
    const agent = request.agent(t.app);
    const email = `audited-${uniqueSuffix()}@example.test`;
    const csrf = await csrfTokenFor(agent);
    const reg = await agent.post("/api/v1/auth/register").set("X-CSRF-Token", csrf).send({ email, password: "a-long-enough-password", name: "Audited" });
    const id = reg.body.user.id as string;
    const csrfAfterSignIn = await csrfTokenFor(agent);
    await agent.post("/api/v1/auth/logout").set("X-CSRF-Token", csrfAfterSignIn).expect(204);
    await admin.agent.patch(`/api/v1/users/${id}`).send({ name: "Renamed" }).expect(200);
    await admin.agent.delete(`/api/v1/users/${id}`).expect(204);

    const about = (await entries({ limit: 100 })).filter((e) => e.targetId === id);
    expect(about.map((e) => e.action)).toEqual(["user.deleted", "user.updated", "auth.logout", "auth.register"]);
    expect(about[0]!.summary).toEqual({ email, role: "customer" });
    expect(about[1]!.summary).toEqual({ email, before: { name: "Audited" }, after: { name: "Renamed" } });
  });

  it("when the log is read page by page, then every entry of an actor comes exactly once, newest first", async () => {
    const user = await makeUser(t.db);
    const agent = request.agent(t.app);
    const csrf = await csrfTokenFor(agent);
    for (let i = 0; i < 5; i++)
      await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: "wrong-password-1" }).expect(401);
    const all = await entries({ actor: user.email.toUpperCase(), limit: 100 });
    expect(all).toHaveLength(5);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await admin.agent.get("/api/v1/audit").query({ actor: user.id, limit: 2, ...(cursor ? { cursor } : {}) });
      paged.push(...res.body.data.map((e: Entry) => e.id));
      cursor = res.body.pagination.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.map((e) => e.id));
    const times = all.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("when someone other than an admin reads the log, then it is 401 or 403", async () => {
    const staff = await signedInAgent(t, "staff");
    expect((await staff.agent.get("/api/v1/audit")).status).toBe(403);
    expect((await request(t.app).get("/api/v1/audit")).status).toBe(401);
  });

  it("when the query is malformed, then it is 400", async () => {
    expect((await admin.agent.get("/api/v1/audit").query({ cursor: "bogus" })).status).toBe(400);
    expect((await admin.agent.get("/api/v1/audit").query({ action: "DROP TABLE" })).status).toBe(400);
    expect((await admin.agent.get("/api/v1/audit").query({ target: "x" })).status).toBe(400);
  });
});
