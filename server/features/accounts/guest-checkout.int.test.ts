import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousAgent, signedInAgent } from "../../test/agents";
import { makeProduct, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { orderBody } from "../../test/orders";
import { startSmtpSink, type SmtpSink } from "../../test/smtp-sink";
import { waitFor } from "../../test/wait-for";

/** Issue 11 §4: guest checkout, its mail and access token, and guest orders joining an account later. */

let smtp: SmtpSink;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: "https://shop.example.test" });
  t.services.jobs.start({ pollMs: 20, concurrency: 2 });
});
afterAll(() => smtp.close());

const guestEmail = () => `guest-${uniqueSuffix()}@example.test`;

async function guestCheckout(email: string, key?: string) {
  const { agent } = await anonymousAgent(t);
  const product = await makeProduct(t.db);
  const req = agent.post("/api/v1/orders");
  if (key) req.set("Idempotency-Key", key);
  return { res: await req.send({ ...orderBody([{ productId: product.id }]), email }), agent };
}

const linkIn = (text: string | undefined) => /https:\/\/shop\.example\.test\/orders\/([0-9a-f-]{36})\?access=([A-Za-z0-9_-]+)/.exec(text ?? "");

describe("guest checkout", () => {
  it("when a signed-out shopper checks out with an e-mail, then the 201 carries an access token, the mail links to the order and the token opens only that order", async () => {
    const email = guestEmail();
    const { res } = await guestCheckout(email);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "paid", userId: null, guestEmail: email, guestAccessToken: expect.any(String) });
    const { id, guestAccessToken } = res.body as { id: string; guestAccessToken: string };

    await waitFor(() => smtp.to(email).length > 0, 10_000, "the guest's confirmation");
    const mail = smtp.to(email)[0]!;
    expect(mail.subject).toBe(`Order ${res.body.number} confirmed`);
    const link = linkIn(mail.text);
    expect(link?.[1]).toBe(id);
    expect(link?.[2]).toBe(guestAccessToken);

    const opened = await request(t.app).get(`/api/v1/orders/${id}`).query({ access: guestAccessToken }).expect(200);
    expect(opened.body).toMatchObject({ id, number: res.body.number, status: "paid" });
    expect(opened.body.guestAccessToken).toBeUndefined();

    const other = await guestCheckout(guestEmail());
    const crossed = await request(t.app).get(`/api/v1/orders/${other.res.body.id}`).query({ access: guestAccessToken });
    expect(crossed.status).toBe(404);
    expect(crossed.body.error.code).toBe("not_found");
    await request(t.app).get(`/api/v1/orders/${id}`).expect(401);
  });

  it("when a guest repeats a request with the same Idempotency-Key, then the same order and token come back", async () => {
    const email = guestEmail();
    const { agent } = await anonymousAgent(t);
    const product = await makeProduct(t.db);
    const body = { ...orderBody([{ productId: product.id }]), email };
    const key = `guest-${uniqueSuffix()}-key`;
    const first = await agent.post("/api/v1/orders").set("Idempotency-Key", key).send(body).expect(201);
    const replay = await agent.post("/api/v1/orders").set("Idempotency-Key", key).send(body).expect(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.body.guestAccessToken).toBe(first.body.guestAccessToken);
    const reused = await agent
      .post("/api/v1/orders")
      .set("Idempotency-Key", key)
      .send({ ...body, items: [{ productId: product.id, quantity: 2 }] });
    expect(reused.status).toBe(422);
  });

  it("when nobody is signed in and no e-mail is given, then 400 names the email field", async () => {
    const { agent } = await anonymousAgent(t);
    const product = await makeProduct(t.db);
    const res = await agent.post("/api/v1/orders").send(orderBody([{ productId: product.id }]));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: "email", message: expect.any(String) }]);
  });

  it("when a signed-in shopper sends an e-mail, then 400: the account's address is used", async () => {
    const { agent } = await signedInAgent(t);
    const product = await makeProduct(t.db);
    const res = await agent.post("/api/v1/orders").send({ ...orderBody([{ productId: product.id }]), email: guestEmail() });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe("email");
  });

  it("when the guest registers later with the same address and verifies it, then the guest orders are theirs", async () => {
    const email = guestEmail();
    const { res } = await guestCheckout(email);
    const orderId = res.body.id as string;
    await waitFor(() => smtp.to(email).length > 0, 10_000, "the guest's confirmation");

    const { agent, csrfToken } = await anonymousAgent(t);
    await agent
      .post("/api/v1/auth/register")
      .set("X-CSRF-Token", csrfToken)
      .send({ email, password: "a long guest password 2026", name: "Guest Later" })
      .expect(201);
    // Not before the address is proven: anyone could register with someone else's e-mail.
    const before = await agent
      .set("X-CSRF-Token", (await agent.get("/api/v1/auth/csrf")).body.csrfToken)
      .get("/api/v1/orders")
      .expect(200);
    expect(before.body.data).toEqual([]);

    await waitFor(() => smtp.to(email).some((m) => m.subject === "Confirm your e-mail address"), 10_000, "verification mail");
    const verifyMail = smtp.to(email).find((m) => m.subject === "Confirm your e-mail address")!;
    const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(verifyMail.text ?? "")![1]!;
    await agent.post("/api/v1/auth/email/verify").send({ token }).expect(204);

    const after = await agent.get("/api/v1/orders").expect(200);
    expect(after.body.data.map((o: { id: string }) => o.id)).toEqual([orderId]);
    expect(after.body.data[0]).toMatchObject({ guestEmail: null, userId: expect.any(String) });
  });
});
