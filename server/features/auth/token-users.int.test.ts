import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";
import { waitFor } from "../../test/wait-for";

// ADR 076: the user behind a bearer token is cached for a second; changes must not wait for that second.
describe("the cached bearer-token user", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it("when an admin is demoted right after their token was used, then the same token is refused admin work at once", async () => {
    const boss = await bearerFor(t, "admin");
    const demoted = await bearerFor(t, "admin");
    await request(t.app).get("/api/v1/users").set("Authorization", demoted.authorization).expect(200);
    await request(t.app).patch(`/api/v1/users/${demoted.user.id}`).set("Authorization", boss.authorization).send({ role: "customer" }).expect(200);
    await request(t.app).get("/api/v1/users").set("Authorization", demoted.authorization).expect(403);
  });

  it("when an account is deleted right after its token was used, then the token is 401 at once", async () => {
    const boss = await bearerFor(t, "admin");
    const gone = await bearerFor(t, "customer");
    await request(t.app).get("/api/v1/auth/me").set("Authorization", gone.authorization).expect(200);
    await request(t.app).delete(`/api/v1/users/${gone.user.id}`).set("Authorization", boss.authorization).expect(204);
    await request(t.app).get("/api/v1/auth/me").set("Authorization", gone.authorization).expect(401);
  });
});

describe.runIf(process.env.REDIS_URL)("the cached bearer-token user across replicas (Redis)", () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
  });

  it("when a token is revoked on one replica, then another replica that had its user cached refuses it well within the cache's second", async () => {
    const buyer = await bearerFor(a, "customer");
    const me = () => request(a.app).get("/api/v1/auth/me").set("Authorization", buyer.authorization);
    await me().expect(200);
    const revokedAt = Date.now();
    await request(b.app).post("/api/v1/auth/logout").set("Authorization", buyer.authorization).expect(204);
    await waitFor(async () => (await me()).status === 401, 2_000, "replica A to refuse the revoked token");
    // The event, not the TTL, did it.
    expect(Date.now() - revokedAt).toBeLessThan(900);
  });
});
