import request from "supertest";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInTransaction } from "../../db";
import { signedInAgent } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/webhook-receiver";
import { uniqueSuffix } from "../../test/factories";

let receiver: WebhookReceiver;
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedInAgent>>;

// Test-sized policy: immediate retries, disabled after 5 failures in a row.
const POLICY = { WEBHOOK_ALLOW_PRIVATE_TARGETS: "true", WEBHOOK_RETRY_BASE_SECONDS: "0", WEBHOOK_DISABLE_AFTER_FAILURES: "5", WEBHOOK_MAX_ATTEMPTS: "8" };

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await createTestApp(POLICY);
  admin = await signedInAgent(t, "admin");
});
afterAll(() => receiver.close());

type Endpoint = { id: string; url: string; events: string[]; enabled: boolean; disabledReason: string | null; consecutiveFailures: number; secret?: string };
type Delivery = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number | null;
  error: string | null;
  payload: Record<string, unknown>;
};

async function createEndpoint(events: string[] = ["order.paid"]) {
  const path = `/hooks/${uniqueSuffix()}`;
  const res = await admin.agent
    .post("/api/v1/webhooks")
    .send({ url: receiver.url(path), events, description: "test receiver" })
    .expect(201);
  return { endpoint: res.body as Endpoint & { secret: string }, path };
}

async function deliveriesOf(endpointId: string): Promise<Delivery[]> {
  const res = await admin.agent.get(`/api/v1/webhooks/${endpointId}/deliveries`).expect(200);
  return res.body.data as Delivery[];
}

/** Runs the webhook.deliver handler for the delivery's next attempt, as the queue would. */
async function attempt(endpointId: string, deliveryId: string) {
  const current = (await deliveriesOf(endpointId)).find((d) => d.id === deliveryId)!;
  await t.services.webhooks.deliver({ deliveryId, attempt: current.attempts + 1 });
}

/** Dispatches an order.paid event and returns this endpoint's new delivery (other suites' endpoints may get one too). */
async function dispatchOne(endpointId: string, data: unknown = { id: crypto.randomUUID(), number: "FP-000777" }) {
  await t.services.webhooks.dispatch("order.paid", data);
  const [delivery] = (await deliveriesOf(endpointId)).filter((d) => d.status === "pending");
  return delivery!;
}

describe("webhook endpoints (admin API)", () => {
  it("when an admin creates an endpoint, then the secret is shown once and the write is audited", async () => {
    const { endpoint } = await createEndpoint(["order.paid", "order.cancelled"]);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toMatchObject({ events: ["order.paid", "order.cancelled"], enabled: true, disabledReason: null, consecutiveFailures: 0 });
    const list = await admin.agent.get("/api/v1/webhooks").expect(200);
    const listed = (list.body.data as Endpoint[]).find((e) => e.id === endpoint.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty("secret");
    const audit = await admin.agent.get("/api/v1/audit").query({ action: "webhook.created", limit: 100 }).expect(200);
    expect((audit.body.data as Array<{ targetId: string }>).some((e) => e.targetId === endpoint.id)).toBe(true);
  });

  it("when a customer or an anonymous caller uses the API, or a body is invalid, then 403, 401 and 400 come back", async () => {
    const customer = await signedInAgent(t, "customer");
    await customer.agent.get("/api/v1/webhooks").expect(403);
    await customer.agent
      .post("/api/v1/webhooks")
      .send({ url: "https://example.com/h", events: ["order.paid"] })
      .expect(403);
    await request(t.app).get("/api/v1/webhooks").expect(401);
    const bad = await admin.agent.post("/api/v1/webhooks").send({ url: "ftp://example.com", events: [], extra: 1 }).expect(400);
    expect(bad.body.error.code).toBe("validation_failed");
    expect((bad.body.error.details as Array<{ path: string }>).map((d) => d.path).sort()).toEqual(expect.arrayContaining(["url", "events"]));
    await admin.agent
      .post("/api/v1/webhooks")
      .send({ url: "https://example.com/h", events: ["order.exploded"] })
      .expect(400);
    await admin.agent.patch(`/api/v1/webhooks/${crypto.randomUUID()}`).send({ enabled: false }).expect(404);
    await admin.agent.patch(`/api/v1/webhooks/not-a-uuid`).send({ enabled: false }).expect(400);
  });

  it("when an endpoint is updated and deleted, then the changes show and its deliveries go with it", async () => {
    const { endpoint } = await createEndpoint();
    const res = await admin.agent
      .patch(`/api/v1/webhooks/${endpoint.id}`)
      .send({ events: ["product.created"], description: null })
      .expect(200);
    expect(res.body).toMatchObject({ events: ["product.created"], description: null });
    await admin.agent.delete(`/api/v1/webhooks/${endpoint.id}`).expect(204);
    await admin.agent.get(`/api/v1/webhooks/${endpoint.id}/deliveries`).expect(404);
  });
});

describe("webhook delivery", () => {
  it("when an event is dispatched, then the receiver gets {type, timestamp, data} with a signature the standardwebhooks verifier accepts", async () => {
    const { endpoint, path } = await createEndpoint(["order.paid"]);
    const { endpoint: other } = await createEndpoint(["order.cancelled"]);
    const data = { id: crypto.randomUUID(), number: "FP-000900", totalCents: 4599 };
    const delivery = await dispatchOne(endpoint.id, data);
    expect(await deliveriesOf(other.id)).toEqual([]);

    await attempt(endpoint.id, delivery.id);
    const [req] = receiver.at(path);
    const verified = new Webhook(endpoint.secret).verify(req!.body, req!.headers as Record<string, string>) as Record<string, unknown>;
    expect(verified).toEqual({ type: "order.paid", timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), data });
    expect(req!.headers["webhook-id"]).toBe(delivery.id);
    expect(req!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(() =>
      new Webhook(`whsec_${Buffer.from("someone else's secret").toString("base64")}`).verify(req!.body, req!.headers as Record<string, string>),
    ).toThrow();

    const [after] = await deliveriesOf(endpoint.id);
    expect(after).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, responseBody: "ok", error: null });
    expect(after!.durationMs).toEqual(expect.any(Number));
  });

  it("when the receiver answers 500 three times, then the fourth attempt delivers it with the same webhook-id", async () => {
    const { endpoint, path } = await createEndpoint();
    const delivery = await dispatchOne(endpoint.id);
    receiver.answer([500, 500, 500], 200);
    for (let i = 0; i < 3; i++) {
      await attempt(endpoint.id, delivery.id);
      const [d] = await deliveriesOf(endpoint.id);
      expect(d).toMatchObject({ status: "pending", attempts: i + 1, responseStatus: 500, responseBody: "failure 500", error: "HTTP 500" });
    }
    await attempt(endpoint.id, delivery.id);
    const [done] = await deliveriesOf(endpoint.id);
    expect(done).toMatchObject({ status: "succeeded", attempts: 4, responseStatus: 200, error: null });
    expect(receiver.at(path).map((r) => r.headers["webhook-id"])).toEqual([delivery.id, delivery.id, delivery.id, delivery.id]);
    const [current] = (await admin.agent.get("/api/v1/webhooks").expect(200)).body.data.filter((e: Endpoint) => e.id === endpoint.id);
    expect(current).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });

  it("when a duplicate or stale job runs, then nothing is sent twice", async () => {
    const { endpoint, path } = await createEndpoint();
    const delivery = await dispatchOne(endpoint.id);
    await t.services.webhooks.deliver({ deliveryId: delivery.id, attempt: 1 });
    await t.services.webhooks.deliver({ deliveryId: delivery.id, attempt: 1 });
    expect(receiver.at(path)).toHaveLength(1);
  });

  it("when five attempts in a row fail, then the endpoint is disabled with the reason, and re-enabling plus retry delivers", async () => {
    const { endpoint, path } = await createEndpoint();
    const delivery = await dispatchOne(endpoint.id);
    receiver.answer([], 503);
    for (let i = 0; i < 5; i++) await attempt(endpoint.id, delivery.id);
    receiver.answer([], 200);

    const [disabled] = (await admin.agent.get("/api/v1/webhooks").expect(200)).body.data.filter((e: Endpoint) => e.id === endpoint.id);
    expect(disabled).toMatchObject({ enabled: false, consecutiveFailures: 5, disabledReason: expect.stringMatching(/5 failed attempts in a row.*HTTP 503/) });
    const [failed] = await deliveriesOf(endpoint.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 5, responseStatus: 503 });
    expect(receiver.at(path)).toHaveLength(5);
    // No new deliveries for a disabled endpoint, and no ping or retry until it is enabled.
    await t.services.webhooks.dispatch("order.paid", { id: crypto.randomUUID() });
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    await admin.agent.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/retry`).expect(409);

    const enabled = await admin.agent.patch(`/api/v1/webhooks/${endpoint.id}`).send({ enabled: true }).expect(200);
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    const retried = await admin.agent.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/retry`).expect(202);
    expect(retried.body).toMatchObject({ status: "pending", attempts: 5 });
    await admin.agent.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/retry`).expect(409); // already pending
    await attempt(endpoint.id, delivery.id);
    const [delivered] = await deliveriesOf(endpoint.id);
    expect(delivered).toMatchObject({ status: "succeeded", attempts: 6, responseStatus: 200 });
  });

  it("when an admin pings an endpoint, then a webhook.ping delivery is queued and delivered", async () => {
    const { endpoint, path } = await createEndpoint();
    const res = await admin.agent.post(`/api/v1/webhooks/${endpoint.id}/ping`).expect(202);
    expect(res.body).toMatchObject({ event: "webhook.ping", status: "pending", attempts: 0 });
    await attempt(endpoint.id, res.body.id);
    expect(JSON.parse(receiver.at(path)[0]!.body)).toMatchObject({ type: "webhook.ping", data: { endpointId: endpoint.id } });
  });

  it("when the same event key is dispatched twice, or the dispatching transaction rolls back, then exactly one delivery exists", async () => {
    const { endpoint } = await createEndpoint();
    const eventKey = `order.paid:${crypto.randomUUID()}`;
    await t.services.webhooks.dispatch("order.paid", { n: 1 }, { eventKey });
    await t.services.webhooks.dispatch("order.paid", { n: 1 }, { eventKey });
    await expect(
      runInTransaction(t.db, async (tx) => {
        await t.services.webhooks.dispatch("order.paid", { n: 2 }, { tx });
        throw new Error("business write failed");
      }),
    ).rejects.toThrow("business write failed");
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
  });
});

describe("webhook targets (SSRF)", () => {
  let strict: TestApp;
  let strictAdmin: Awaited<ReturnType<typeof signedInAgent>>;
  beforeAll(async () => {
    strict = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "false" });
    strictAdmin = await signedInAgent(strict, "admin");
  });

  it("when private targets are not allowed, then loopback, private, link-local and mapped addresses are refused at creation", async () => {
    for (const url of [
      receiver.url(),
      "http://localhost:5000/h",
      "http://10.0.0.8/h",
      "http://169.254.169.254/latest",
      "http://[::1]:8080/h",
      "http://[::ffff:127.0.0.1]/h",
      "http://[fe80::1]/h",
    ]) {
      const res = await strictAdmin.agent.post("/api/v1/webhooks").send({ url, events: ["order.paid"] });
      expect(res.status, url).toBe(400);
      expect(res.body.error.details[0].path).toBe("url");
    }
    const { endpoint } = await createEndpoint();
    await strictAdmin.agent.patch(`/api/v1/webhooks/${endpoint.id}`).send({ url: "http://127.0.0.1:1/h" }).expect(400);
  });

  it("when a stored endpoint points at loopback, then delivery refuses to connect (checked again at delivery time)", async () => {
    // Saved while private targets were allowed (or a DNS answer that changed since): the delivery must still refuse.
    const { endpoint, path } = await createEndpoint();
    await strict.services.webhooks.dispatch("order.paid", { id: crypto.randomUUID() });
    const [delivery] = await deliveriesOf(endpoint.id);
    await strict.services.webhooks.deliver({ deliveryId: delivery!.id, attempt: 1 });
    const [after] = await deliveriesOf(endpoint.id);
    expect(after).toMatchObject({ attempts: 1, responseStatus: null, error: expect.stringMatching(/127\.0\.0\.1.*private, loopback or link-local/) });
    expect(receiver.at(path)).toHaveLength(0);
  });
});
