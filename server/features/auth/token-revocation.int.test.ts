import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { bearerFor, signedInAgent } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";

// Issue 11 §8: access tokens used to live out their 15 minutes after logout, revoke and refresh-token reuse.
describe("access tokens die with their session or family", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  const me = (token: string) => request(t.app).get("/api/v1/auth/me").set("Authorization", `Bearer ${token}`);

  it("when an API client logs out with its bearer token, then that access token gets 401 on /auth/me and its refresh token is dead", async () => {
    const { accessToken, refreshToken, authorization } = await bearerFor(t);
    expect((await me(accessToken)).status).toBe(200);
    expect((await request(t.app).post("/api/v1/auth/logout").set("Authorization", authorization)).status).toBe(204);
    const after = await me(accessToken);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("unauthenticated");
    expect((await request(t.app).post("/api/v1/auth/token/refresh").send({ refreshToken })).status).toBe(401);
  });

  it("when a signed-in user logs out of the cookie session, then an access token issued during that session gets 401", async () => {
    const { agent, user } = await signedInAgent(t);
    const issued = await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: user.password }).expect(200);
    expect((await me(issued.body.accessToken)).status).toBe(200);
    expect((await agent.post("/api/v1/auth/logout")).status).toBe(204);
    expect((await me(issued.body.accessToken)).status).toBe(401);
    // Signing in again afterwards gives a token that works: the cut-off is "before now", not "for ever".
    const again = await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: user.password }).expect(200);
    expect((await me(again.body.accessToken)).status).toBe(200);
  });

  it("when the refresh token is revoked, then the access token issued with it gets 401", async () => {
    const { accessToken, refreshToken } = await bearerFor(t);
    expect((await request(t.app).post("/api/v1/auth/token/revoke").send({ refreshToken })).status).toBe(204);
    expect((await me(accessToken)).status).toBe(401);
  });

  it("when a spent refresh token is reused, then the access tokens of that family get 401", async () => {
    const { refreshToken } = await bearerFor(t);
    const rotated = await request(t.app).post("/api/v1/auth/token/refresh").send({ refreshToken }).expect(200);
    expect((await me(rotated.body.accessToken)).status).toBe(200);
    expect((await request(t.app).post("/api/v1/auth/token/refresh").send({ refreshToken })).status).toBe(401);
    expect((await me(rotated.body.accessToken)).status).toBe(401);
  });

  it("when one user logs out, then another user's access token keeps working", async () => {
    const a = await bearerFor(t);
    const b = await bearerFor(t);
    await request(t.app).post("/api/v1/auth/logout").set("Authorization", a.authorization).expect(204);
    expect((await me(b.accessToken)).status).toBe(200);
  });
});
