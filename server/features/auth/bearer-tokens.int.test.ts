import { eq } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshTokens, users } from "@shared/schema";
import { bearerFor, PASSWORD_HASH_MARKERS, recordResponses, signedInAgent } from "../../test/agents";
import { makeUser } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { hashRefreshToken } from "./tokens";

let t: TestApp;
let app: TestApp["app"];
let bodies: string[];

beforeAll(async () => {
  t = await createTestApp();
  ({ app, bodies } = recordResponses(t.app));
});

afterAll(() => {
  for (const body of bodies) for (const marker of PASSWORD_HASH_MARKERS) expect(body).not.toContain(marker);
});

const refresh = (refreshToken: string) => request(app).post("/api/v1/auth/token/refresh").send({ refreshToken });
const me = (accessToken: string) => request(app).get("/api/v1/auth/me").set("Authorization", `Bearer ${accessToken}`);

describe("API tokens", () => {
  it("when an API client asks for a token with valid credentials, then it gets a 15-minute access token and a refresh token", async () => {
    const user = await makeUser(t.db);
    const res = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    expect(res.headers["set-cookie"]).toBeUndefined();
    const who = await me(res.body.accessToken);
    expect(who.status).toBe(200);
    expect(who.body.user.id).toBe(user.id);
    // Stored hashed only.
    const stored = await t.db.select().from(refreshTokens).where(eq(refreshTokens.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashRefreshToken(res.body.refreshToken));
    expect(JSON.stringify(stored)).not.toContain(res.body.refreshToken);
  });

  it("when the credentials are wrong, then the token endpoint answers 401 invalid_credentials", async () => {
    const user = await makeUser(t.db);
    const res = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: "not-the-password" });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("invalid_credentials");
  });

  it("when a bearer token is malformed, forged or missing its user, then the request is 401", async () => {
    const { accessToken, user } = await bearerFor({ app, db: t.db });
    expect((await me(`${accessToken}x`)).status).toBe(401);
    expect((await request(app).get("/api/v1/auth/me").set("Authorization", "Bearer not a token")).status).toBe(401);
    await t.db.delete(users).where(eq(users.id, user.id));
    const gone = await me(accessToken);
    expect(gone.status).toBe(401);
    expect(gone.body.error.code).toBe("unauthenticated");
  });

  it("when an admin changes a user's role, then their existing access token carries the new role at once", async () => {
    const { accessToken, user } = await bearerFor({ app, db: t.db }, "customer");
    await t.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id)); // staff roles need a verified address
    expect((await request(app).get("/api/v1/users").set("Authorization", `Bearer ${accessToken}`)).status).toBe(403);
    // Through the users API, which tells every replica's cache of bearer-token users (ADR 076; a direct SQL edit shows within 1 s).
    const admin = await bearerFor({ app, db: t.db }, "admin");
    await request(app).patch(`/api/v1/users/${user.id}`).set("Authorization", admin.authorization).send({ role: "admin" }).expect(200);
    expect((await request(app).get("/api/v1/users").set("Authorization", `Bearer ${accessToken}`)).status).toBe(200);
  });

  it("when a bearer request writes, then it needs no CSRF token and no session is created", async () => {
    const admin = await bearerFor({ app, db: t.db }, "admin");
    const target = await makeUser(t.db);
    const res = await request(app).patch(`/api/v1/users/${target.id}`).set("Authorization", admin.authorization).send({ name: "Renamed by API" });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe("Renamed by API");
    expect(res.headers["set-cookie"]).toBeUndefined();
  });
});

describe("refresh rotation", () => {
  it("when a refresh token is used, then it yields a working new pair exactly once", async () => {
    const { refreshToken, user } = await bearerFor({ app, db: t.db });
    const first = await refresh(refreshToken);
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(refreshToken);
    expect(first.body.expiresIn).toBe(900);
    expect((await me(first.body.accessToken)).body.user.id).toBe(user.id);
    const again = await refresh(first.body.refreshToken);
    expect(again.status).toBe(200);
  });

  it("when a rotated refresh token is presented again, then it is refused and the whole family is revoked", async () => {
    const { refreshToken } = await bearerFor({ app, db: t.db });
    const second = (await refresh(refreshToken)).body.refreshToken as string;
    const third = (await refresh(second)).body.refreshToken as string;

    const reuse = await refresh(refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe("unauthenticated");
    // The newest token of the family dies with it: a thief and the victim both have to sign in again.
    expect((await refresh(third)).status).toBe(401);
    const family = await t.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(third)));
    expect(family[0]!.revokedAt).not.toBeNull();
  });

  it("when two refreshes race with the same token, then at most one succeeds", async () => {
    const { refreshToken } = await bearerFor({ app, db: t.db });
    const results = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    expect(results.some((r) => r.status === 401)).toBe(true);
  });

  it("when a family is revoked, then revoke answers 204 and its tokens no longer refresh", async () => {
    const { refreshToken } = await bearerFor({ app, db: t.db });
    const next = (await refresh(refreshToken)).body.refreshToken as string;
    const revoke = await request(app).post("/api/v1/auth/token/revoke").send({ refreshToken: next });
    expect(revoke.status).toBe(204);
    expect((await refresh(next)).status).toBe(401);
  });

  it("when revoking one family, then the user's other families keep working", async () => {
    const user = await makeUser(t.db);
    const a = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: user.password });
    const b = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: user.password });
    await request(app).post("/api/v1/auth/token/revoke").send({ refreshToken: a.body.refreshToken }).expect(204);
    expect((await refresh(a.body.refreshToken)).status).toBe(401);
    expect((await refresh(b.body.refreshToken)).status).toBe(200);
  });

  it("when an unknown refresh token is refreshed or revoked, then refresh is 401 and revoke still 204", async () => {
    expect((await refresh("unknown-token-value")).status).toBe(401);
    expect((await request(app).post("/api/v1/auth/token/revoke").send({ refreshToken: "unknown-token-value" })).status).toBe(204);
  });

  it("when an expired refresh token is used, then it is refused", async () => {
    const { refreshToken } = await bearerFor({ app, db: t.db });
    await t.db
      .update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(refreshToken)));
    expect((await refresh(refreshToken)).status).toBe(401);
  });

  it("when the refresh body has unknown fields, then it answers 400", async () => {
    const res = await request(app).post("/api/v1/auth/token/refresh").send({ refreshToken: "x", scope: "admin" });
    expect(res.status).toBe(400);
  });

  it("when a signed-in browser also holds a cookie, then a bearer header still decides who is asking", async () => {
    const { agent } = await signedInAgent({ app, db: t.db }, "customer");
    const staff = await bearerFor({ app, db: t.db }, "staff");
    const res = await agent.get("/api/v1/auth/me").set("Authorization", staff.authorization);
    expect(res.body.user.id).toBe(staff.user.id);
  });
});
