import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { OrderMessage, StaffNotification } from "@shared/contracts/inbox";
import { mailOutbox } from "@shared/schema";
import { bearerFor } from "../../test/agents";
import { makeOrder, makeProduct, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { orderBody } from "../../test/orders";
import { waitFor } from "../../test/wait-for";
import { connect, type TestSocket } from "../../test/ws-client";
import { attachRealtime } from "../realtime/realtime.server";

// Issue 16 §2: order conversations. Unread messages are e-mailed at once here (delay 0) so the mail path runs.
let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await createTestApp({ ORDER_MESSAGE_MAIL_DELAY_SECONDS: "0" });
  const listening = await t.listen();
  port = listening.port;
  const realtime = attachRealtime(listening.server, t.ctx, t.services);
  afterAll(() => realtime.close());
});

async function ordersSocket(token: string): Promise<TestSocket> {
  const socket = await connect(port, { token });
  socket.send({ type: "subscribe", channel: "orders" });
  await socket.waitFor("subscribed", (m) => m.channel === "orders");
  return socket;
}

async function shopperWithOrder() {
  const shopper = await bearerFor(t, "customer");
  const product = await makeProduct(t.db);
  const order = await makeOrder(t.db, { userId: shopper.user.id, productId: product.id, status: "paid" });
  return { shopper, order };
}

const post = (orderId: string, authorization: string | undefined, body: unknown, access = "") => {
  const req = request(t.app).post(`/api/v1/orders/${orderId}/messages${access}`);
  return (authorization ? req.set("Authorization", authorization) : req).send(body as object);
};

describe("order conversations", () => {
  it("when a shopper writes on their order, then staff see it live, staff's reply comes back live with read receipts, and another customer gets 404", async () => {
    const { shopper, order } = await shopperWithOrder();
    const staff = await bearerFor(t, "staff");
    const stranger = await bearerFor(t, "customer");
    const [staffSocket, shopperSocket, strangerSocket] = await Promise.all([
      ordersSocket(staff.accessToken),
      ordersSocket(shopper.accessToken),
      ordersSocket(stranger.accessToken),
    ]);

    const text = "Can you leave it with my neighbour? <b>not bold</b>";
    const sent = await post(order.id, shopper.authorization, { body: `  ${text} ` }).expect(201);
    expect(sent.body).toMatchObject({ orderId: order.id, authorSide: "customer", body: text, readAt: null });
    const live = await staffSocket.waitFor("order.message", (m) => m.data.id === sent.body.id);
    expect(live.data.body).toBe(text); // stored and sent as text; the pages render it as text

    await request(t.app).get(`/api/v1/orders/${order.id}/messages`).set("Authorization", stranger.authorization).expect(404);
    await post(order.id, stranger.authorization, { body: "hello" }).expect(404);

    // Staff open the thread: the shopper's message is read, and the shopper sees the receipt live.
    const thread = await request(t.app).get(`/api/v1/orders/${order.id}/messages`).set("Authorization", staff.authorization).expect(200);
    expect((thread.body.data as OrderMessage[]).map((m) => m.body)).toEqual([text]);
    const receipt = await shopperSocket.waitFor("order.messages_read", (m) => m.data.orderId === order.id);
    expect(receipt.data).toMatchObject({ readerSide: "staff", count: 1 });

    const reply = await post(order.id, staff.authorization, { body: "Of course." }).expect(201);
    await shopperSocket.waitFor("order.message", (m) => m.data.id === reply.body.id);
    expect(strangerSocket.received("order.message")).toHaveLength(0);
    expect(strangerSocket.received("order.messages_read")).toHaveLength(0);

    const mine = await request(t.app).get(`/api/v1/orders/${order.id}/messages`).set("Authorization", shopper.authorization).expect(200);
    expect((mine.body.data as OrderMessage[]).map((m) => [m.authorSide, m.readAt !== null])).toEqual([
      ["customer", true],
      ["staff", true],
    ]);
    await Promise.all([staffSocket.close(), shopperSocket.close(), strangerSocket.close()]);
  });

  it("when a body is empty or over 2,000 characters, then 400; past 5 messages a minute, then 429 with Retry-After", async () => {
    const { shopper, order } = await shopperWithOrder();
    await post(order.id, shopper.authorization, { body: "   " }).expect(400);
    await post(order.id, shopper.authorization, { body: "x".repeat(2_001) }).expect(400);
    await post(order.id, shopper.authorization, { body: "x".repeat(2_000) }).expect(201);
    for (let i = 0; i < 4; i++) await post(order.id, shopper.authorization, { body: `message ${i}` }).expect(201);
    const limited = await post(order.id, shopper.authorization, { body: "one too many" }).expect(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(limited.headers["retry-after"]).toBe("60");
  });

  it("when a guest writes with the order's access token, then staff are notified, and a staff reply they have not read is e-mailed to them", async () => {
    const product = await makeProduct(t.db, { stock: 50 });
    const email = `guest-${uniqueSuffix()}@example.test`;
    const placed = await request(t.app)
      .post("/api/v1/orders")
      .send({ ...orderBody([{ productId: product.id }]), email })
      .expect(201);
    const orderId = placed.body.id as string;
    const staff = await bearerFor(t, "staff");
    const access = `?access=${placed.body.guestAccessToken as string}`;
    await post(orderId, undefined, { body: "Is it organic?" }).expect(401);
    await post(orderId, undefined, { body: "Is it organic?" }, "?access=wrong-token-wrong-token-wrong").expect(404);
    await post(orderId, undefined, { body: "Is it organic?" }, access).expect(201);

    t.services.jobs.start({ pollMs: 20, concurrency: 2 });
    try {
      const listed = async () =>
        ((await request(t.app).get("/api/v1/notifications").set("Authorization", staff.authorization).expect(200)).body.data as StaffNotification[]).filter(
          (n) => n.kind === "message.new" && n.link === `/admin/orders/${orderId}`,
        );
      await waitFor(async () => (await listed()).length > 0, 10_000, "the customer-message notification");

      await post(orderId, staff.authorization, { body: "Yes, both." }).expect(201);
      await waitFor(
        async () => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email))).some((m) => m.template === "order-message"),
        10_000,
        "the e-mail to the guest",
      );
      const [mail] = (await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email))).filter((m) => m.template === "order-message");
      expect(mail!.text).toContain("Yes, both.");
      expect(mail!.text).toContain(`/orders/${orderId}?access=`);
    } finally {
      await t.services.jobs.stop(1_000);
    }
  });
});
