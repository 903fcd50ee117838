import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor, signedInAgent } from "../../test/agents";
import { createTestApp } from "../../test/harness";
import { connect, refusedUpgrade, ticketFor, wsUrl } from "../../test/ws-client";
import { createLogger } from "../../lib/logger";
import { attachRealtime } from "./realtime.server";
import { createWsTickets } from "./ws-tickets";

/** A listening test app with /ws attached. */
async function realtimeApp() {
  const t = await createTestApp();
  const { server, port } = await t.listen();
  const realtime = attachRealtime(server, t.ctx, t.services);
  afterAll(() => realtime.close());
  return { ...t, port };
}
type RealtimeApp = Awaited<ReturnType<typeof realtimeApp>>;

describe("WebSocket tickets (ADR 048)", () => {
  let t: RealtimeApp;
  beforeAll(async () => {
    t = await realtimeApp();
  });

  it("when a bearer client asks for a ticket, then it gets one that expires within 30 s and opens /ws once", async () => {
    const { user, accessToken } = await bearerFor(t, "staff");
    const before = Date.now();
    const res = await request(t.app).post("/api/v1/realtime/ticket").set("Authorization", `Bearer ${accessToken}`).expect(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const expiresAt = Date.parse(res.body.expiresAt as string);
    expect(expiresAt - before).toBeGreaterThan(25_000);
    expect(expiresAt - before).toBeLessThanOrEqual(31_000);

    const socket = await connect(t.port, { ticket: res.body.ticket as string });
    expect((await socket.waitFor("welcome")).user).toMatchObject({ id: user.id, role: "staff" });
    await socket.close();

    const replay = await refusedUpgrade(t.port, { ticket: res.body.ticket as string });
    expect(replay.status).toBe(401);
    expect(JSON.parse(replay.body)).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("when a browser session asks for a ticket (with its CSRF token), then it gets one; anonymous callers get 401", async () => {
    const { agent, user } = await signedInAgent(t);
    const res = await agent.post("/api/v1/realtime/ticket").expect(200);
    const socket = await connect(t.port, { ticket: res.body.ticket as string });
    expect((await socket.waitFor("welcome")).user.id).toBe(user.id);
    await socket.close();
    const anonymous = await request(t.app).post("/api/v1/realtime/ticket");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthenticated");
  });

  it("when a bearer token is put in the URL as ?access_token=, then the upgrade is refused with 401", async () => {
    const { accessToken } = await bearerFor(t);
    const url = `${wsUrl(t.port)}?access_token=${accessToken}`;
    const status = await new Promise<number>((resolve, reject) => {
      import("ws")
        .then(({ WebSocket }) => {
          const ws = new WebSocket(url);
          ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
          ws.once("open", () => reject(new Error("the upgrade was accepted")));
          ws.once("error", () => undefined);
        })
        .catch(reject);
    });
    expect(status).toBe(401);
  });

  it("when a ticket is forged, tampered with or has expired, then the upgrade is refused with 401", async () => {
    const { accessToken } = await bearerFor(t);
    const good = await ticketFor(t.port, accessToken);
    const [payload, signature] = good.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { sub: string };
    const otherPayload = Buffer.from(JSON.stringify({ ...claims, sub: crypto.randomUUID() })).toString("base64url");
    for (const ticket of ["", "x", `${otherPayload}.${signature}`, `${payload}.${"A".repeat(43)}`, "a.b.c"]) {
      expect((await refusedUpgrade(t.port, { ticket })).status, ticket).toBe(401);
    }

    let clock = Date.now();
    const tickets = createWsTickets({ key: Buffer.alloc(32, 7), redisPrefix: "unused", logger: createLogger("silent"), now: () => clock });
    const issued = tickets.issue("user-1");
    clock += 30_001;
    expect(await tickets.redeem(issued.ticket)).toBeUndefined();
  });

  it("when Redis is absent, then a ticket is still single-use within the process", async () => {
    const tickets = createWsTickets({ key: Buffer.alloc(32, 9), redisPrefix: "unused", logger: createLogger("silent") });
    const { ticket } = tickets.issue("user-2");
    expect(await tickets.redeem(ticket)).toBe("user-2");
    expect(await tickets.redeem(ticket)).toBeUndefined();
  });
});

describe.runIf(process.env.REDIS_URL)("WebSocket tickets across replicas (shared Redis)", () => {
  it("when replica A issues a ticket, then it opens a socket on replica B once, and is refused on A afterwards", async () => {
    const a = await realtimeApp();
    const b = await realtimeApp();
    const { user, accessToken } = await bearerFor(a);
    const ticket = await ticketFor(a.port, accessToken);
    const socket = await connect(b.port, { ticket });
    expect((await socket.waitFor("welcome")).user.id).toBe(user.id);
    await socket.close();
    expect((await refusedUpgrade(a.port, { ticket })).status).toBe(401);
  });
});
