import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { Role } from "@shared/contracts/auth";
import { serverMessage, WS_CLOSE } from "@shared/realtime";
import { bearerFor, csrfTokenFor } from "../../test/agents";
import { makeOrder, makeProduct, makeUser } from "../../test/factories";
import { createTestApp, type TestEnv } from "../../test/harness";
import { orderFixture } from "../../test/order-fixture";
import { connect, refusedUpgrade, sleep, type TestSocket } from "../../test/ws-client";
import { attachRealtime, type RealtimeOptions } from "./realtime.server";

/** A listening test app with the WebSocket server attached (closed before the harness closes the HTTP server). */
async function realtimeApp(env: TestEnv = {}, options: RealtimeOptions = {}) {
  const t = await createTestApp(env);
  const { server, port } = await t.listen();
  const realtime = attachRealtime(server, t.ctx, t.services, options);
  afterAll(() => realtime.close());
  const tokenFor = async (role: Role = "customer") => {
    const { user, accessToken } = await bearerFor(t, role);
    return { user, token: accessToken };
  };
  return { ...t, port, realtime, tokenFor };
}
type RealtimeApp = Awaited<ReturnType<typeof realtimeApp>>;

async function subscribed(port: number, token: string, channel: "orders" | "metrics" | "catalog"): Promise<TestSocket> {
  const socket = await connect(port, { token });
  socket.send({ type: "subscribe", channel });
  await socket.waitFor("subscribed", (m) => m.channel === channel);
  return socket;
}

const statusEvent = (userId: string, status = "shipped") => ({
  orderId: crypto.randomUUID(),
  number: "FP-000042",
  userId,
  status,
  at: new Date().toISOString(),
});

describe("WebSocket /ws upgrade", () => {
  let t: RealtimeApp;
  beforeAll(async () => {
    t = await realtimeApp({ ALLOWED_ORIGINS: "https://shop.example.test" });
  });

  it("when the upgrade carries no session and no token, then it is refused with 401 before the handshake", async () => {
    const refused = await refusedUpgrade(t.port);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "unauthenticated" } });
    expect((await refusedUpgrade(t.port, { ticket: "not-a-ticket" })).status).toBe(401);
  });

  it("when the Origin is another site, then it is refused with 403 even with a valid token", async () => {
    const { token } = await t.tokenFor();
    const refused = await refusedUpgrade(t.port, { token, origin: "https://evil.example" });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "forbidden" } });
    expect((await refusedUpgrade(t.port, { token, origin: "null" })).status).toBe(403);
  });

  it("when the Origin is the server's own host or an allowed origin, then the socket opens", async () => {
    const { token } = await t.tokenFor();
    for (const origin of [`http://127.0.0.1:${t.port}`, "https://shop.example.test"]) {
      const socket = await connect(t.port, { token, origin });
      await socket.close();
    }
  });

  it("when another path is asked for, then the upgrade gets 404", async () => {
    const { token } = await t.tokenFor();
    expect((await refusedUpgrade(t.port, { token, path: "/socket" })).status).toBe(404);
  });

  it("when a session cookie identifies the user, then the welcome message carries that user", async () => {
    const user = await makeUser(t.db, { role: "customer" });
    const agent = request.agent(t.app);
    const csrf = await csrfTokenFor(agent);
    const login = await agent.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password }).expect(200);
    const cookie = (login.headers["set-cookie"] as unknown as string[]).map((c) => c.split(";")[0]).join("; ");
    const socket = await connect(t.port, { cookie });
    const welcome = await socket.waitFor("welcome");
    expect(welcome.user).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: "customer",
      emailVerified: true,
      version: expect.any(Number),
      createdAt: user.createdAt.toISOString(),
    });
    expect(serverMessage.safeParse(welcome).success).toBe(true);
    await socket.close();
  });

  it("when a bearer client opens with a ticket, then the socket opens as that user", async () => {
    const { token, user } = await t.tokenFor("staff");
    const socket = await connect(t.port, { token });
    expect((await socket.waitFor("welcome")).user).toMatchObject({ id: user.id, role: "staff" });
    await socket.close();
  });
});

describe("WebSocket channels", () => {
  let t: RealtimeApp;
  beforeAll(async () => {
    t = await realtimeApp();
  });

  it("when a customer subscribes to metrics, then the answer is error/forbidden and no subscription", async () => {
    const { token } = await t.tokenFor("customer");
    const socket = await connect(t.port, { token });
    socket.send({ type: "subscribe", channel: "metrics" });
    expect(await socket.waitFor("error")).toMatchObject({ code: "forbidden" });
    expect(socket.received("subscribed")).toEqual([]);
    socket.send({ type: "subscribe", channel: "catalog" });
    await socket.waitFor("subscribed", (m) => m.channel === "catalog");
    await socket.close();
  });

  it("when an order's status changes, then its owner and staff receive order.status within 1 s and another customer receives nothing", async () => {
    const a = await t.tokenFor("customer");
    const b = await t.tokenFor("customer");
    const staff = await t.tokenFor("staff");
    const [socketA, socketB, socketStaff] = await Promise.all([
      subscribed(t.port, a.token, "orders"),
      subscribed(t.port, b.token, "orders"),
      subscribed(t.port, staff.token, "orders"),
    ]);

    const event = statusEvent(a.user.id);
    const started = performance.now();
    await t.ctx.events.publish("order.status_changed", event);
    const received = await socketA.waitFor("order.status", (m) => m.data.orderId === event.orderId, 1_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(received).toEqual({ type: "order.status", data: { orderId: event.orderId, number: event.number, status: "shipped", at: event.at } });
    await socketStaff.waitFor("order.status", (m) => m.data.orderId === event.orderId, 1_000);

    await sleep(300);
    expect(socketB.received("order.status")).toEqual([]);
    await Promise.all([socketA.close(), socketB.close(), socketStaff.close()]);
  });

  it("when staff move an order to shipped through the API, then its owner's open socket shows it within 1 s and another customer's does not", async () => {
    const owner = await t.tokenFor("customer");
    const other = await t.tokenFor("customer");
    const staff = await t.tokenFor("staff");
    const order = await makeOrder(t.db, { userId: owner.user.id, productId: (await makeProduct(t.db)).id, status: "paid" });
    const [ownerSocket, otherSocket] = await Promise.all([subscribed(t.port, owner.token, "orders"), subscribed(t.port, other.token, "orders")]);

    const started = performance.now();
    await request(t.app).post(`/api/v1/orders/${order.id}/status`).set("Authorization", `Bearer ${staff.token}`).send({ status: "shipped" }).expect(200);
    const received = await ownerSocket.waitFor("order.status", (m) => m.data.orderId === order.id, 1_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(received.data).toMatchObject({ orderId: order.id, status: "shipped", number: expect.stringMatching(/^FP-\d{6,}$/) });
    await sleep(300);
    expect(otherSocket.received("order.status")).toEqual([]);
    await Promise.all([ownerSocket.close(), otherSocket.close()]);
  });

  it("when an order is created, then order.created reaches staff but not customers, not even its owner", async () => {
    const customer = await t.tokenFor("customer");
    const admin = await t.tokenFor("admin");
    const [socketCustomer, socketAdmin] = await Promise.all([subscribed(t.port, customer.token, "orders"), subscribed(t.port, admin.token, "orders")]);
    const order = orderFixture({ userId: customer.user.id, number: "FP-000043" });
    await t.ctx.events.publish("order.created", { orderId: order.id, userId: customer.user.id, order });
    const created = await socketAdmin.waitFor("order.created", (m) => m.data.id === order.id);
    expect(created.data).toEqual(order);
    await sleep(200);
    expect(socketCustomer.received("order.created")).toEqual([]);
    await Promise.all([socketCustomer.close(), socketAdmin.close()]);
  });

  it("when the catalog changes, then every catalog subscriber receives catalog.changed and unsubscribed sockets do not", async () => {
    const customer = await t.tokenFor("customer");
    const staff = await t.tokenFor("staff");
    const [one, two] = await Promise.all([subscribed(t.port, customer.token, "catalog"), subscribed(t.port, staff.token, "catalog")]);
    const leaver = await subscribed(t.port, customer.token, "catalog");
    leaver.send({ type: "unsubscribe", channel: "catalog" });
    await leaver.waitFor("unsubscribed");

    const id = crypto.randomUUID();
    await t.ctx.events.publish("catalog.changed", { entity: "product", id });
    for (const socket of [one, two]) expect((await socket.waitFor("catalog.changed", (m) => m.data.id === id)).data).toEqual({ entity: "product", id });
    await sleep(200);
    expect(leaver.received("catalog.changed")).toEqual([]);
    await Promise.all([one.close(), two.close(), leaver.close()]);
  });

  it("when a subscriber's account was deleted meanwhile, then its next subscribe closes the socket with 1008", async () => {
    const { token, user } = await t.tokenFor("customer");
    const socket = await connect(t.port, { token });
    const admin = await t.tokenFor("admin");
    await request(t.app).delete(`/api/v1/users/${user.id}`).set("Authorization", `Bearer ${admin.token}`).expect(204);
    socket.send({ type: "subscribe", channel: "catalog" });
    expect((await socket.closed).code).toBe(WS_CLOSE.policyViolation);
  });

  it("when a staff member is demoted while connected, then a later metrics subscribe is refused", async () => {
    const { token, user } = await t.tokenFor("staff");
    const socket = await connect(t.port, { token });
    const admin = await t.tokenFor("admin");
    await request(t.app).patch(`/api/v1/users/${user.id}`).set("Authorization", `Bearer ${admin.token}`).send({ role: "customer" }).expect(200);
    socket.send({ type: "subscribe", channel: "metrics" });
    expect(await socket.waitFor("error")).toMatchObject({ code: "forbidden" });
    await socket.close();
  });
});

describe("WebSocket limits", () => {
  let t: RealtimeApp;
  beforeAll(async () => {
    t = await realtimeApp({}, { heartbeatMs: 300 });
  });

  it("when a 20 KB frame arrives, then it gets error/payload_too_large, the socket still works, and other clients are served", async () => {
    const { token } = await t.tokenFor();
    const sender = await connect(t.port, { token });
    const bystander = await subscribed(t.port, token, "catalog");
    sender.send({ type: "ping", padding: "x".repeat(20 * 1024) });
    expect(await sender.waitFor("error")).toMatchObject({ code: "payload_too_large" });
    sender.send({ type: "ping" });
    await sender.waitFor("pong");

    const id = crypto.randomUUID();
    await t.ctx.events.publish("catalog.changed", { entity: "brand", id });
    await bystander.waitFor("catalog.changed", (m) => m.data.id === id);
    await Promise.all([sender.close(), bystander.close()]);
  });

  it("when a client keeps sending invalid messages, then each gets an error and the third closes the socket with 1008", async () => {
    const { token } = await t.tokenFor();
    const socket = await connect(t.port, { token });
    socket.send("not json");
    socket.send({ type: "subscribe", channel: "everything" });
    socket.send({ type: "shout" });
    const { code } = await socket.closed;
    expect(code).toBe(WS_CLOSE.policyViolation);
    expect(socket.received("error").map((e) => e.code)).toEqual(["invalid_json", "validation_failed", "validation_failed"]);
  });

  it("when a client floods messages, then it is closed with 1008", async () => {
    const { token } = await t.tokenFor();
    const socket = await connect(t.port, { token });
    for (let i = 0; i < 200; i++) socket.send({ type: "ping" });
    expect((await socket.closed).code).toBe(WS_CLOSE.policyViolation);
    expect(socket.received("pong").length).toBeLessThanOrEqual(41);
  });

  it("when a frame exceeds the 64 KB hard cap, then ws closes the socket with 1009", async () => {
    const { token } = await t.tokenFor();
    const socket = await connect(t.port, { token });
    socket.send("x".repeat(70 * 1024));
    expect((await socket.closed).code).toBe(WS_CLOSE.tooBig);
  });

  it("when a client stops answering pings, then the server terminates it while a healthy client stays", async () => {
    const { token } = await t.tokenFor();
    const dead = await connect(t.port, { token, autoPong: false });
    const healthy = await connect(t.port, { token });
    const { code } = await dead.closed;
    expect(code).toBe(1006); // terminated: no close frame
    await sleep(700); // two more heartbeats
    expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
    await healthy.close();
  });
});

describe("WebSocket shutdown", () => {
  it("when the realtime server closes with 1001, then every client gets 1001 and new upgrades get 503", async () => {
    const t = await realtimeApp();
    const { token } = await t.tokenFor();
    const sockets = await Promise.all([connect(t.port, { token }), connect(t.port, { token })]);
    expect(t.realtime.clientCount()).toBe(2);
    await t.realtime.close(1001, "Server shutting down");
    for (const socket of sockets) expect(await socket.closed).toEqual({ code: 1001, reason: "Server shutting down" });
    expect(t.realtime.clientCount()).toBe(0);
    expect((await refusedUpgrade(t.port, { token })).status).toBe(503);
  });
});

describe.runIf(process.env.REDIS_URL)("WebSocket across replicas (Redis)", () => {
  it("when an event is raised through instance A, then a client connected to instance B receives it", async () => {
    const a = await realtimeApp();
    const b = await realtimeApp();
    await sleep(200); // both event-bus subscriptions reach Redis
    const owner = await b.tokenFor("customer");
    const socket = await subscribed(b.port, owner.token, "orders");
    const event = statusEvent(owner.user.id, "delivered");
    await a.ctx.events.publish("order.status_changed", event);
    const received = await socket.waitFor("order.status", (m) => m.data.orderId === event.orderId, 1_000);
    expect(received.data.status).toBe("delivered");
    await sleep(200);
    expect(socket.received("order.status").filter((m) => m.data.orderId === event.orderId)).toHaveLength(1);
    await socket.close();
  });
});
