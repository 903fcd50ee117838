import { eq } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@shared/schema";
import { bearerFor, PASSWORD_HASH_MARKERS, recordResponses, signedInAgent } from "../../test/agents";
import { makeOrder, makeProduct, makeUser, uniqueWord } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";

let t: TestApp;
let app: TestApp["app"];
let bodies: string[];
let admin: Awaited<ReturnType<typeof signedInAgent>>;

beforeAll(async () => {
  t = await createTestApp();
  ({ app, bodies } = recordResponses(t.app));
  admin = await signedInAgent({ app, db: t.db }, "admin");
});

afterAll(() => {
  expect(bodies.length).toBeGreaterThan(20);
  for (const body of bodies) for (const marker of PASSWORD_HASH_MARKERS) expect(body).not.toContain(marker);
});

const roleOf = async (id: string) => (await t.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]?.role;

describe("mass assignment and function-level authorization", () => {
  it("when a customer patches its own role to admin, then it is 403 and the role is unchanged", async () => {
    const { agent, user } = await signedInAgent({ app, db: t.db }, "customer");
    const res = await agent.patch(`/api/v1/users/${user.id}`).send({ role: "admin" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(await roleOf(user.id)).toBe("customer");
  });

  it("when staff patch a role, then it is 403 (user administration is admin-only)", async () => {
    const { agent, user } = await signedInAgent({ app, db: t.db }, "staff");
    expect((await agent.patch(`/api/v1/users/${user.id}`).send({ role: "admin" })).status).toBe(403);
    expect((await agent.get("/api/v1/users")).status).toBe(403);
    expect(await roleOf(user.id)).toBe("staff");
  });

  it("when a customer with an API token patches its own role, then it is 403 as well", async () => {
    const { authorization, user } = await bearerFor({ app, db: t.db }, "customer");
    const res = await request(app).patch(`/api/v1/users/${user.id}`).set("Authorization", authorization).send({ role: "admin" });
    expect(res.status).toBe(403);
    expect(await roleOf(user.id)).toBe("customer");
  });

  it("when nobody is signed in, then the users API answers 401", async () => {
    const target = await makeUser(t.db);
    expect((await request(app).get("/api/v1/users")).status).toBe(401);
    expect((await request(app).patch(`/api/v1/users/${target.id}`).send({ role: "admin" })).status).toBe(401);
    expect(await roleOf(target.id)).toBe("customer");
  });

  it.each([
    ["an unknown field", { nickname: "x" }],
    ["an email", { email: "new@example.test" }],
    ["a password hash", { passwordHash: "$argon2id$v=19$m=1,t=1,p=1$x$y" }],
    ["an unknown role", { role: "owner" }],
    ["an empty name", { name: "" }],
  ])("when an admin's patch has %s, then it is 400 and nothing changes", async (_label, body) => {
    const target = await makeUser(t.db);
    const res = await admin.agent.patch(`/api/v1/users/${target.id}`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row!.name).toBe(target.name);
    expect(row!.email).toBe(target.email);
    expect(row!.role).toBe("customer");
  });
});

describe("users admin API", () => {
  it("when an admin changes a user's name and role, then the user comes back updated", async () => {
    const target = await makeUser(t.db);
    const res = await admin.agent.patch(`/api/v1/users/${target.id}`).send({ name: "Promoted Person", role: "staff" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: target.id,
      email: target.email,
      name: "Promoted Person",
      role: "staff",
      emailVerified: true,
      version: expect.any(Number),
      createdAt: target.createdAt.toISOString(),
    });
    expect((await admin.agent.get(`/api/v1/users/${target.id}`)).body.role).toBe("staff");
  });

  it("when an admin gets an unknown or malformed id, then it is 404 or 400", async () => {
    expect((await admin.agent.get("/api/v1/users/8d0e9c52-0c1f-4d55-9a4e-1f0a4b9e2f11")).status).toBe(404);
    expect((await admin.agent.get("/api/v1/users/not-a-uuid")).status).toBe(400);
    expect((await admin.agent.patch("/api/v1/users/8d0e9c52-0c1f-4d55-9a4e-1f0a4b9e2f11").send({ name: "x" })).status).toBe(404);
    expect((await admin.agent.delete("/api/v1/users/8d0e9c52-0c1f-4d55-9a4e-1f0a4b9e2f11")).status).toBe(404);
  });

  it("when an admin searches by a word and role, then only matching users come back, newest first, page by page exactly once", async () => {
    const word = uniqueWord();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeUser(t.db, { name: `${word} Person ${i}`, role: i % 2 === 0 ? "staff" : "customer" }));
    await makeUser(t.db, { email: `${word}-by-email@example.test` });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await admin.agent.get("/api/v1/users").query({ q: word.toUpperCase(), role: "staff", limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((u: { id: string; role: string }) => u.id));
      for (const u of res.body.data) expect(u.role).toBe("staff");
      cursor = res.body.pagination.nextCursor ?? undefined;
      expect(res.body.pagination.hasMore).toBe(Boolean(cursor));
    } while (cursor);
    expect(seen).toEqual([made[4]!.id, made[2]!.id, made[0]!.id]);

    const byEmail = await admin.agent.get("/api/v1/users").query({ q: `${word}-by-email` });
    expect(byEmail.body.data).toHaveLength(1);
  });

  it("when the search contains LIKE wildcards, then they match literally", async () => {
    const res = await admin.agent.get("/api/v1/users").query({ q: "%_%" });
    expect(res.status).toBe(200);
    for (const u of res.body.data) expect(`${u.email} ${u.name}`).toContain("%_%");
  });

  it("when the list query is malformed, then it is 400", async () => {
    expect((await admin.agent.get("/api/v1/users").query({ cursor: "garbage" })).status).toBe(400);
    expect((await admin.agent.get("/api/v1/users").query({ role: "owner" })).status).toBe(400);
    expect((await admin.agent.get("/api/v1/users").query({ sort: "email" })).status).toBe(400);
    expect((await admin.agent.get("/api/v1/users").query({ limit: 101 })).status).toBe(400);
  });

  it("when an admin deletes a user, then the user, their sessions' identity and their tokens are gone", async () => {
    const victim = await signedInAgent({ app, db: t.db }, "customer");
    const token = await bearerFor({ app, db: t.db }, "customer");
    expect((await admin.agent.delete(`/api/v1/users/${victim.user.id}`)).status).toBe(204);
    expect((await admin.agent.delete(`/api/v1/users/${token.user.id}`)).status).toBe(204);
    expect((await admin.agent.get(`/api/v1/users/${victim.user.id}`)).status).toBe(404);
    expect((await victim.agent.get("/api/v1/auth/me")).status).toBe(401);
    expect((await request(app).get("/api/v1/auth/me").set("Authorization", token.authorization)).status).toBe(401);
    expect((await request(app).post("/api/v1/auth/token/refresh").send({ refreshToken: token.refreshToken })).status).toBe(401);
  });

  it("when the user to delete has orders, then it is 409 conflict and the account stays", async () => {
    const buyer = await makeUser(t.db);
    await makeOrder(t.db, { userId: buyer.id, productId: (await makeProduct(t.db)).id, status: "paid" });
    const res = await admin.agent.delete(`/api/v1/users/${buyer.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect(res.body.error.message).toMatch(/orders/);
    expect(await roleOf(buyer.id)).toBe("customer");
  });
});
