import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@shared/schema";
import { and, eq } from "drizzle-orm";
import { bearerFor } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";
import { connect, refusedUpgrade } from "../../test/ws-client";
import { attachRealtime } from "../realtime/realtime.server";
import { createAdminNetworkPolicy } from "./admin-network";

describe("ADMIN_ALLOWED_CIDRS policy", () => {
  it("when the list is empty, then every address is allowed; otherwise only addresses inside a range (IPv4, IPv6, mapped IPv4)", () => {
    expect(createAdminNetworkPolicy([]).allows("203.0.113.9")).toBe(true);
    const policy = createAdminNetworkPolicy(["10.0.0.0/8", "fd00::/8"]);
    expect(policy.allows("10.1.2.3")).toBe(true);
    expect(policy.allows("::ffff:10.1.2.3")).toBe(true);
    expect(policy.allows("fd12::1")).toBe(true);
    expect(policy.allows("127.0.0.1")).toBe(false);
    expect(policy.allows("::1")).toBe(false);
    expect(policy.allows("11.0.0.1")).toBe(false);
    expect(policy.allows(undefined)).toBe(false);
    expect(policy.allows("not-an-ip")).toBe(false);
  });
});

// Supertest connects from 127.0.0.1, which TRUST_PROXY=loopback treats as the trusted proxy: X-Forwarded-For
// then names the client, exactly as behind a real load balancer.
describe("admin routes with ADMIN_ALLOWED_CIDRS=10.0.0.0/8", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ADMIN_ALLOWED_CIDRS: "10.0.0.0/8", TRUST_PROXY: "loopback" });
  });

  it("when an admin calls an admin route from 127.0.0.1, then it is 403 forbidden and audited", async () => {
    const admin = await bearerFor(t, "admin");
    const res = await request(t.app).get("/api/v1/users").set("Authorization", admin.authorization);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, admin.user.id), eq(auditLog.action, "security.admin_network_denied")));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ip).toBe("127.0.0.1");
  });

  it("when an admin calls an admin route from 10.1.2.3 through the trusted proxy, then it succeeds", async () => {
    const admin = await bearerFor(t, "admin");
    const res = await request(t.app).get("/api/v1/users").set("Authorization", admin.authorization).set("X-Forwarded-For", "10.1.2.3");
    expect(res.status).toBe(200);
  });

  it("when a customer or an anonymous caller reaches an admin route, then the answers stay 403 and 401 (the role decides first)", async () => {
    const customer = await bearerFor(t, "customer");
    expect((await request(t.app).get("/api/v1/users").set("Authorization", customer.authorization).set("X-Forwarded-For", "10.1.2.3")).status).toBe(403);
    expect((await request(t.app).get("/api/v1/users")).status).toBe(401);
  });

  it("when an admin uses a non-admin route from outside the list, then it works as before", async () => {
    const admin = await bearerFor(t, "admin");
    expect((await request(t.app).get("/api/v1/auth/me").set("Authorization", admin.authorization)).status).toBe(200);
  });
});

describe("WebSocket with ADMIN_ALLOWED_CIDRS and WS_MAX_CONNECTIONS_PER_USER", () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp({ ADMIN_ALLOWED_CIDRS: "10.0.0.0/8", TRUST_PROXY: "loopback", WS_MAX_CONNECTIONS_PER_USER: "2" });
    const listening = await t.listen();
    port = listening.port;
    const realtime = attachRealtime(listening.server, t.ctx, t.services);
    afterAll(() => realtime.close());
  });

  it("when an admin subscribes to metrics or enters presence from outside the list, then forbidden; from 10.1.2.3 both work", async () => {
    const admin = await bearerFor(t, "admin");
    const resource = `product:${crypto.randomUUID()}`;
    const outside = await connect(port, { token: admin.accessToken });
    outside.send({ type: "subscribe", channel: "metrics" });
    outside.send({ type: "presence.enter", resource });
    await outside.waitFor("error", () => outside.received("error").length === 2);
    expect(outside.received("error").map((e) => e.code)).toEqual(["forbidden", "forbidden"]);
    expect(outside.received("presence")).toHaveLength(0);
    await outside.close();

    const inside = await connect(port, { token: admin.accessToken, headers: { "X-Forwarded-For": "10.1.2.3" } });
    inside.send({ type: "subscribe", channel: "metrics" });
    inside.send({ type: "presence.enter", resource });
    await inside.waitFor("subscribed", (m) => m.channel === "metrics");
    await inside.waitFor("presence", (m) => m.resource === resource);
    await inside.close();
  });

  it("when a user opens more sockets than the cap, then the extra upgrade is refused with 429; closing one frees a slot", async () => {
    const user = await bearerFor(t, "customer");
    const first = await connect(port, { token: user.accessToken });
    const second = await connect(port, { token: user.accessToken });
    const refused = await refusedUpgrade(port, { token: user.accessToken });
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "rate_limited" } });
    // Another user is not affected by this one's count.
    const other = await bearerFor(t, "customer");
    await (await connect(port, { token: other.accessToken })).close();
    await first.close();
    const third = await connect(port, { token: user.accessToken });
    await Promise.all([second.close(), third.close()]);
  });
});
