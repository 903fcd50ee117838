import request from "supertest";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { products } from "@shared/schema";
import type { EventMap } from "../../lib/events";
import { bearerFor, signedInAgent, type Agent } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";
import { makeBrand, makeProduct, makeProducts } from "../../test/factories";

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedInAgent(t, "admin")).agent;
});

describe("catalog HTTP caching", () => {
  it("when a shopper read is repeated with If-None-Match, then 304 with no body; after a change, 200 with a new ETag", async () => {
    const product = await makeProduct(t.db);
    const first = await request(t.app).get(`/api/v1/products/${product.slug}`);
    expect(first.status).toBe(200);
    expect(first.headers["cache-control"]).toBe("no-cache");
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"\d+-[\w-]+"$/); // one product: its strong versioned tag, the one If-Match takes (ADR 056)

    const again = await request(t.app).get(`/api/v1/products/${product.slug}`).set("If-None-Match", etag);
    expect(again.status).toBe(304);
    expect(again.text ?? "").toBe("");

    await admin.patch(`/api/v1/products/${product.id}`).send({ priceCents: 4321 }).expect(200);
    const changed = await request(t.app).get(`/api/v1/products/${product.slug}`).set("If-None-Match", etag);
    expect(changed.status).toBe(200);
    expect(changed.body.priceCents).toBe(4321);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it("when a large list is compressed, then its ETag still revalidates to 304", async () => {
    const brand = await makeBrand(t.db);
    await makeProducts(
      t.db,
      brand.id,
      Array.from({ length: 30 }, () => ({ description: "A long enough description to make the page worth compressing." })),
    );
    const url = `/api/v1/products?brand=${brand.slug}&limit=30`;
    const first = await request(t.app).get(url).set("Accept-Encoding", "gzip");
    expect(first.status).toBe(200);
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.body.data).toHaveLength(30);
    const again = await request(t.app).get(url).set("Accept-Encoding", "gzip").set("If-None-Match", first.headers.etag!);
    expect(again.status).toBe(304);
    for (const path of ["/api/v1/sectors", `/api/v1/brands/${brand.slug}`, `/api/v1/brands?q=${encodeURIComponent(brand.name)}`]) {
      const res = await request(t.app).get(path);
      expect(res.headers["cache-control"], path).toBe("no-cache");
      expect((await request(t.app).get(path).set("If-None-Match", res.headers.etag!)).status, path).toBe(304);
    }
  });

  it("when staff or admins read, then the answer is private", async () => {
    const product = await makeProduct(t.db);
    const res = await admin.get(`/api/v1/products/${product.slug}`);
    expect(res.headers["cache-control"]).toBe("private, no-cache");
  });
});

describe("catalog read cache", () => {
  it("when a shopper read repeats, then it is served from the cache; an admin write empties it before responding", async () => {
    const product = await makeProduct(t.db, { priceCents: 100 });
    const url = `/api/v1/products/${product.id}`;
    await request(t.app).get(url).expect(200);
    const before = t.services.catalog.cacheStats();
    await request(t.app).get(url).expect(200);
    await request(t.app).get(url.toUpperCase().replace("/API/V1/PRODUCTS/", "/api/v1/products/")).expect(200); // same id, other case
    const after = t.services.catalog.cacheStats();
    expect(after.hits - before.hits).toBe(2);
    expect(after.misses - before.misses).toBe(0);

    // Proof the second read did not reach the database: a change behind the service's back is not seen…
    await t.db.update(products).set({ priceCents: 200 }).where(eq(products.id, product.id));
    expect((await request(t.app).get(url)).body.priceCents).toBe(100);
    // …until a write through the API, which empties the cache before it answers.
    await admin.post(`/api/v1/products/${product.id}/stock`).send({ delta: 1 }).expect(200);
    expect((await request(t.app).get(url)).body).toMatchObject({ priceCents: 200, stock: product.stock + 1 });
  });

  it("when an admin reads, then the cache is neither used nor filled", async () => {
    const product = await makeProduct(t.db);
    const before = t.services.catalog.cacheStats();
    await admin.get(`/api/v1/products/${product.slug}`).expect(200);
    await admin.get(`/api/v1/products?brand=no-such-brand`).expect(200);
    const after = t.services.catalog.cacheStats();
    expect(after).toEqual(before);
  });

  it("when the catalog changes, then catalog.changed { entity, id } is published after the write", async () => {
    const seen: Array<EventMap["catalog.changed"]> = [];
    const stop = t.ctx.events.subscribe("catalog.changed", (event) => void seen.push(event));
    try {
      const brand = await makeBrand(t.db);
      const created = await admin.post("/api/v1/products").send({ name: "Evented", priceCents: 1, stock: 1, brandId: brand.id }).expect(201);
      await admin.patch(`/api/v1/brands/${brand.id}`).send({ description: "Changed" }).expect(200);
      await vi.waitFor(() => {
        expect(seen).toContainEqual({ entity: "product", id: created.body.id });
        expect(seen).toContainEqual({ entity: "brand", id: brand.id });
      });
    } finally {
      stop();
    }
  });

  it("when another part of the system publishes catalog.changed, then this replica's cache is emptied", async () => {
    const product = await makeProduct(t.db, { stock: 5 });
    const url = `/api/v1/products/${product.slug}`;
    expect((await request(t.app).get(url)).body.stock).toBe(5);
    await t.db.update(products).set({ stock: 4 }).where(eq(products.id, product.id)); // e.g. a checkout
    await t.ctx.events.publish("catalog.changed", { entity: "product", id: product.id });
    await vi.waitFor(async () => expect((await request(t.app).get(url)).body.stock).toBe(4));
  });
});

describe.runIf(process.env.REDIS_URL)("catalog cache shared through Redis", () => {
  it("when instance A updates a product that instance B has cached, then B's very next read shows the change", async () => {
    const a = t;
    const b = await createTestApp();
    const { authorization } = await bearerFor(a, "admin");
    const product = await makeProduct(a.db, { priceCents: 1000 });
    const url = `/api/v1/products/${product.slug}`;

    expect((await request(b.app).get(url)).body.priceCents).toBe(1000);
    const hitsBefore = b.services.catalog.cacheStats().hits;
    expect((await request(b.app).get(url)).body.priceCents).toBe(1000);
    expect(b.services.catalog.cacheStats().hits).toBe(hitsBefore + 1); // B serves it from the shared cache
    expect((await request(a.app).get(url)).body.priceCents).toBe(1000);

    await request(a.app).patch(`/api/v1/products/${product.id}`).set("Authorization", authorization).send({ priceCents: 1555 }).expect(200);
    // No waiting: A emptied the shared Redis hash before it answered.
    expect((await request(b.app).get(url)).body.priceCents).toBe(1555);
  });
});
