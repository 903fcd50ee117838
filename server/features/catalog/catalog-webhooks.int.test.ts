import request from "supertest";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../test/agents";
import { makeBrand, makeOrder, makeProduct, makeUser, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { waitFor } from "../../test/wait-for";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/webhook-receiver";

/**
 * Catalog writes announce product.created / product.updated / product.deleted to webhook endpoints: the
 * deliveries are written in the write's own transaction and delivered by the job queue to a real receiver,
 * whose every request is checked with the standardwebhooks verifier.
 */
let receiver: WebhookReceiver;
let t: TestApp;
let authorization: string;
let endpointId: string;
let secret: string;
let hookPath: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "true", WEBHOOK_RETRY_BASE_SECONDS: "0" });
  authorization = (await bearerFor(t, "admin")).authorization;
  hookPath = `/catalog-${uniqueSuffix()}`;
  const res = await request(t.app)
    .post("/api/v1/webhooks")
    .set("Authorization", authorization)
    .send({ url: receiver.url(hookPath), events: ["product.created", "product.updated", "product.deleted"] })
    .expect(201);
  endpointId = res.body.id as string;
  secret = res.body.secret as string;
  t.services.jobs.start({ pollMs: 20, concurrency: 4 });
});
afterAll(async () => {
  // Other suites on this database write products too (a 5,000-row import): they should not feed this endpoint.
  await request(t.app).delete(`/api/v1/webhooks/${endpointId}`).set("Authorization", authorization);
  await t.services.jobs.stop(1_000);
  await receiver.close();
});

type ProductEvent = { type: string; timestamp: string; data: { id: string; slug: string; name: string; priceCents?: number; stock?: number; status?: string } };
/** Every verified event about a product (verify() throws on a bad signature), in the order they were written. */
const eventsFor = (slug: string) =>
  receiver
    .at(hookPath)
    .map((r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as ProductEvent)
    .filter((e) => e.data.slug === slug)
    .sort((a, b) => a.timestamp.localeCompare(b.timestamp));
const admin = () => ({
  post: (path: string) => request(t.app).post(path).set("Authorization", authorization),
  patch: (path: string) => request(t.app).patch(path).set("Authorization", authorization),
  delete: (path: string) => request(t.app).delete(path).set("Authorization", authorization),
});

describe("product webhooks", () => {
  it("when a product is created, updated, restocked and deleted, then each write's event arrives signed, with the product as written", async () => {
    const brand = await makeBrand(t.db);
    const slug = `pear-${uniqueSuffix()}`;
    const created = await admin().post("/api/v1/products").send({ name: "Pear", slug, priceCents: 250, stock: 3, brandId: brand.id }).expect(201);
    const id = created.body.id as string;
    await admin().patch(`/api/v1/products/${id}`).send({ priceCents: 275 }).expect(200);
    await admin().post(`/api/v1/products/${id}/stock`).send({ delta: 4 }).expect(200);
    await admin().delete(`/api/v1/products/${id}`).expect(204);

    await waitFor(() => eventsFor(slug).length === 4, 15_000, "four product events");
    expect(eventsFor(slug).map((e) => [e.type, e.data.priceCents, e.data.stock])).toEqual([
      ["product.created", 250, 3],
      ["product.updated", 275, 3],
      ["product.updated", 275, 7],
      ["product.deleted", undefined, undefined],
    ]);
    expect(eventsFor(slug).every((e) => e.data.id === id)).toBe(true);
  });

  it("when a product in an order is deleted, then it is archived and announced as updated with its new status", async () => {
    const product = await makeProduct(t.db);
    const customer = await makeUser(t.db);
    await makeOrder(t.db, { userId: customer.id, productId: product.id, quantity: 1, status: "paid", name: product.name });
    await admin().delete(`/api/v1/products/${product.id}`).expect(204);
    await waitFor(() => eventsFor(product.slug).length === 1, 15_000, "the archive event");
    expect(eventsFor(product.slug)[0]).toMatchObject({ type: "product.updated", data: { id: product.id, status: "archived" } });
  });

  it("when a CSV import creates one product and updates another, then one created and one updated event follow", async () => {
    const brand = await makeBrand(t.db);
    const existing = await makeProduct(t.db, { brandId: brand.id, priceCents: 100, stock: 1 });
    const fresh = `quince-${uniqueSuffix()}`;
    const csv = ["slug,name,priceCents,stock,brandSlug", `${fresh},Quince,300,5,${brand.slug}`, `${existing.slug},${existing.name},150,1,${brand.slug}`].join(
      "\n",
    );
    await admin().post("/api/v1/products/import?mode=apply").set("Content-Type", "text/csv").send(csv).expect(200);
    await waitFor(() => eventsFor(fresh).length === 1 && eventsFor(existing.slug).length === 1, 15_000, "the import's events");
    expect(eventsFor(fresh)[0]).toMatchObject({ type: "product.created", data: { priceCents: 300, stock: 5 } });
    expect(eventsFor(existing.slug)[0]).toMatchObject({ type: "product.updated", data: { id: existing.id, priceCents: 150 } });
  });

  it("when a write fails and rolls back, then nothing is announced", async () => {
    const brand = await makeBrand(t.db);
    const taken = await makeProduct(t.db, { brandId: brand.id });
    const slug = `plum-${uniqueSuffix()}`;
    const created = await admin().post("/api/v1/products").send({ name: "Plum", slug, priceCents: 100, stock: 1, brandId: brand.id }).expect(201);
    await admin().patch(`/api/v1/products/${created.body.id}`).send({ slug: taken.slug }).expect(409);
    await admin().post(`/api/v1/products/${created.body.id}/stock`).send({ delta: -5 }).expect(409);
    await waitFor(() => eventsFor(slug).length === 1, 15_000, "the create event");
    await new Promise((r) => setTimeout(r, 500));
    expect(eventsFor(slug).map((e) => e.type)).toEqual(["product.created"]);
    expect(eventsFor(taken.slug)).toEqual([]);
  });
});
