import request from "supertest";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orderItems, products } from "@shared/schema";
import type { Db } from "../../db";
import { bearerFor, signedInAgent, type Agent } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";
import { makeBrand, makeOrder, makeProduct, makeSector, makeUser, uniqueSuffix } from "../../test/factories";

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedInAgent(t, "admin")).agent;
});

/** A new buyer's paid order with one line of the product (the factory writes straight to the orders tables). */
async function orderContaining(db: Db, productId: string) {
  const buyer = await makeUser(db);
  return makeOrder(db, { userId: buyer.id, productId, status: "paid" });
}

/** The audit entries of one action about one target, newest first. */
async function auditOf(action: string, targetId: string) {
  const res = await admin.get(`/api/v1/audit?action=${action}&limit=100`).expect(200);
  return (res.body.data as Array<{ targetId: string; summary: Record<string, unknown>; actor: { id: string } }>).filter((e) => e.targetId === targetId);
}

describe("catalog admin: creating through the API", () => {
  it("when an admin creates a sector, a brand in it and a product in the brand, then each comes back in the read shape and the storefront shows the product", async () => {
    const s = uniqueSuffix();
    const sector = await admin.post("/api/v1/sectors").send({ name: `Orchard ${s}`, emoji: "🍎", description: "Trees" });
    expect(sector.status).toBe(201);
    expect(sector.body).toEqual({
      id: expect.any(String),
      slug: `orchard-${s}`,
      name: `Orchard ${s}`,
      description: "Trees",
      emoji: "🍎",
      brandCount: 0,
      productCount: 0,
      version: 1,
    });

    const brand = await admin.post("/api/v1/brands").send({ name: `Crème Brûlée ${s}`, sectorId: sector.body.id });
    expect(brand.status).toBe(201);
    expect(brand.body).toEqual({
      id: expect.any(String),
      slug: `creme-brulee-${s}`,
      name: `Crème Brûlée ${s}`,
      description: "",
      sector: { id: sector.body.id, slug: sector.body.slug, name: sector.body.name },
      productCount: 0,
      status: "active",
      version: 1,
    });

    const product = await admin
      .post("/api/v1/products")
      .send({ name: `Golden Pear ${s}`, priceCents: 450, stock: 12, brandId: brand.body.id, currency: "EUR" });
    expect(product.status).toBe(201);
    expect(product.body).toMatchObject({
      slug: `golden-pear-${s}`,
      name: `Golden Pear ${s}`,
      description: "",
      priceCents: 450,
      currency: "EUR",
      stock: 12,
      imageUrl: `/images/products/golden-pear-${s}.svg`,
      status: "active",
      brand: { id: brand.body.id, slug: brand.body.slug, name: brand.body.name },
      sector: { id: sector.body.id, slug: sector.body.slug, name: sector.body.name },
    });

    const shopper = await request(t.app).get(`/api/v1/products/${product.body.slug}`);
    expect(shopper.status).toBe(200);
    expect(shopper.body).toEqual(product.body);
    const listed = await request(t.app).get(`/api/v1/products?brand=${brand.body.slug}`);
    expect(listed.body.data.map((p: { id: string }) => p.id)).toEqual([product.body.id]);
    const counted = await request(t.app).get(`/api/v1/sectors/${sector.body.slug}`);
    expect(counted.body).toMatchObject({ brandCount: 1, productCount: 1 });
  });

  it("when the generated slug is taken, then -2, -3 … are appended; an explicit taken slug is 409 slug_taken on slug", async () => {
    const sector = await makeSector(t.db);
    const name = `Twin ${uniqueSuffix()}`;
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await admin.post("/api/v1/brands").send({ name, sectorId: sector.id }).expect(201)).body.slug);
    const base = name.toLowerCase().replace(" ", "-");
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`]);

    const taken = await admin.post("/api/v1/brands").send({ name: "Other", slug: base, sectorId: sector.id });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: "slug_taken", details: [{ path: "slug", message: expect.any(String) }] });
  });

  it("when several creates with the same name race, then each gets its own slug", async () => {
    const brand = await makeBrand(t.db);
    const name = `Racer ${uniqueSuffix()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => admin.post("/api/v1/products").send({ name, priceCents: 100, stock: 1, brandId: brand.id })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.slug)).size).toBe(5);
  });

  it("when a body is invalid, then 400 validation_failed names each bad field; unknown fields are 400 too", async () => {
    const brand = await makeBrand(t.db);
    const bad = await admin.post("/api/v1/products").send({ name: "", priceCents: -1, stock: 1.5, brandId: "nope", currency: "usd" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["brandId", "currency", "name", "priceCents", "stock"]);

    const extra = await admin.post("/api/v1/products").send({ name: "X", priceCents: 1, stock: 1, brandId: brand.id, colour: "red" });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details[0].message).toContain("colour");
    const extraPatch = await admin.patch(`/api/v1/products/${(await makeProduct(t.db, { brandId: brand.id })).id}`).send({ sku: "1" });
    expect(extraPatch.status).toBe(400);

    const badSlug = await admin.post("/api/v1/sectors").send({ name: "Fine", slug: "Not A Slug" });
    expect(badSlug.status).toBe(400);
    expect(badSlug.body.error.details.map((d: { path: string }) => d.path)).toEqual(["slug"]);
    const notJson = await admin.post("/api/v1/sectors").set("Content-Type", "text/plain").send("name=x");
    expect(notJson.status).toBe(415);
  });

  it("when a brand or product names an unknown parent, then 400 validation_failed on sectorId or brandId", async () => {
    const missing = "6f1c1a3e-0000-4000-8000-00000000abcd";
    const brand = await admin.post("/api/v1/brands").send({ name: "Orphan", sectorId: missing });
    expect(brand.status).toBe(400);
    expect(brand.body.error.details).toEqual([{ path: "sectorId", message: expect.any(String) }]);
    const product = await admin.post("/api/v1/products").send({ name: "Orphan", priceCents: 1, stock: 1, brandId: missing });
    expect(product.status).toBe(400);
    expect(product.body.error.details).toEqual([{ path: "brandId", message: expect.any(String) }]);
    const existing = await makeProduct(t.db);
    const moved = await admin.patch(`/api/v1/products/${existing.id}`).send({ brandId: missing });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details).toEqual([{ path: "brandId", message: expect.any(String) }]);
  });
});

describe("catalog admin: who may write", () => {
  it("when customers or staff write, then 403 forbidden; anonymous callers get 401; nothing is created", async () => {
    const sector = await makeSector(t.db);
    const name = `Forbidden ${uniqueSuffix()}`;
    for (const role of ["customer", "staff"] as const) {
      const { agent } = await signedInAgent(t, role);
      const res = await agent.post("/api/v1/brands").send({ name, sectorId: sector.id });
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
      const bearer = await bearerFor(t, role);
      const viaToken = await request(t.app).post("/api/v1/brands").set("Authorization", bearer.authorization).send({ name, sectorId: sector.id });
      expect(viaToken.status, `${role} bearer`).toBe(403);
    }
    const anonymous = await request(t.app).post("/api/v1/brands").send({ name, sectorId: sector.id });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthenticated");
    const list = await request(t.app).get(`/api/v1/brands?sector=${sector.slug}`);
    expect(list.body.data).toEqual([]);
  });

  it("when an admin writes with a bearer token, then no CSRF token is needed; with a session cookie it is", async () => {
    const { authorization } = await bearerFor(t, "admin");
    const res = await request(t.app)
      .post("/api/v1/sectors")
      .set("Authorization", authorization)
      .send({ name: `Token ${uniqueSuffix()}` });
    expect(res.status).toBe(201);
    const { agent } = await signedInAgent(t, "admin");
    const noCsrf = await agent
      .post("/api/v1/sectors")
      .set("X-CSRF-Token", "wrong")
      .send({ name: `Cookie ${uniqueSuffix()}` });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe("csrf_failed");
  });
});

describe("catalog admin: updates", () => {
  it("when an admin patches a product, then only the sent fields change, the slug stays, and a no-op patch changes nothing", async () => {
    const product = await makeProduct(t.db, { priceCents: 1000, description: "Before" });
    const res = await admin.patch(`/api/v1/products/${product.id}`).send({ priceCents: 1250, name: "Renamed" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: product.id, slug: product.slug, name: "Renamed", priceCents: 1250, description: "Before", stock: product.stock });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(product.updatedAt.getTime());

    const same = await admin.patch(`/api/v1/products/${product.id}`).send({ priceCents: 1250 });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(res.body);
    const updates = await auditOf("catalog.product.updated", product.id);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.summary).toEqual({ slug: product.slug, before: { priceCents: 1000, name: product.name }, after: { priceCents: 1250, name: "Renamed" } });
  });

  it("when a slug is changed to one in use, then 409 slug_taken; to a free one, then the product answers to it", async () => {
    const [a, b] = [await makeProduct(t.db), await makeProduct(t.db)];
    const clash = await admin.patch(`/api/v1/products/${a.id}`).send({ slug: b.slug });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: "slug_taken", details: [{ path: "slug", message: expect.any(String) }] });
    const fresh = `renamed-${uniqueSuffix()}`;
    expect((await admin.patch(`/api/v1/products/${a.id}`).send({ slug: fresh })).body.slug).toBe(fresh);
    expect((await request(t.app).get(`/api/v1/products/${fresh}`)).body.id).toBe(a.id);
  });

  it("when a sector or brand is renamed or moved, then the answer is the updated object", async () => {
    const [from, to] = [await makeSector(t.db), await makeSector(t.db)];
    const brand = await makeBrand(t.db, { sectorId: from.id });
    const moved = await admin.patch(`/api/v1/brands/${brand.id}`).send({ sectorId: to.id, description: "Moved" });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: brand.id, description: "Moved", sector: { id: to.id, slug: to.slug } });
    const renamed = await admin.patch(`/api/v1/sectors/${to.id}`).send({ name: "Renamed sector", emoji: "🌳" });
    expect(renamed.body).toMatchObject({ id: to.id, slug: to.slug, name: "Renamed sector", emoji: "🌳", brandCount: 1 });
  });

  it("when the id is unknown or not a UUID, then PATCH and DELETE are 404 and 400", async () => {
    const missing = "6f1c1a3e-0000-4000-8000-00000000dead";
    for (const path of ["sectors", "brands", "products"]) {
      expect((await admin.patch(`/api/v1/${path}/${missing}`).send({ name: "X" })).status, path).toBe(404);
      expect((await admin.delete(`/api/v1/${path}/${missing}`)).status, path).toBe(404);
      expect((await admin.patch(`/api/v1/${path}/not-a-uuid`).send({ name: "X" })).status, path).toBe(400);
    }
    expect((await admin.post(`/api/v1/products/${missing}/stock`).send({ delta: 1 })).status).toBe(404);
  });

  it("when an admin reads an archived product, then it is returned; shoppers get 404; the list shows it only with status", async () => {
    const brand = await makeBrand(t.db);
    const archived = await makeProduct(t.db, { brandId: brand.id, status: "archived" });
    const active = await makeProduct(t.db, { brandId: brand.id });
    expect((await admin.get(`/api/v1/products/${archived.slug}`)).body).toMatchObject({ id: archived.id, status: "archived" });
    expect((await request(t.app).get(`/api/v1/products/${archived.slug}`)).status).toBe(404);

    const ids = async (agent: Agent | ReturnType<typeof request>, query: string) =>
      ((await (agent as Agent).get(`/api/v1/products?brand=${brand.slug}${query}`)).body.data as Array<{ id: string }>)?.map((p) => p.id).sort();
    expect(await ids(admin, "")).toEqual([active.id]);
    expect(await ids(admin, "&status=archived")).toEqual([archived.id]);
    expect(await ids(admin, "&status=all")).toEqual([active.id, archived.id].sort());
    expect(await ids(admin, "&status=active")).toEqual([active.id]);
    const customer = (await signedInAgent(t, "customer")).agent;
    const refused = await customer.get(`/api/v1/products?brand=${brand.slug}&status=all`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect((await request(t.app).get(`/api/v1/products?brand=${brand.slug}&status=archived`)).status).toBe(403);
    expect(await ids(request(t.app), "&status=active")).toEqual([active.id]);
  });
});

describe("catalog admin: deleting", () => {
  it("when a sector still has brands or a brand still has products, then 409 conflict; once empty, 204 and gone", async () => {
    const sector = await makeSector(t.db);
    const brand = await makeBrand(t.db, { sectorId: sector.id });
    const product = await makeProduct(t.db, { brandId: brand.id });

    const sectorInUse = await admin.delete(`/api/v1/sectors/${sector.id}`);
    expect(sectorInUse.status).toBe(409);
    expect(sectorInUse.body.error.code).toBe("conflict");
    const brandInUse = await admin.delete(`/api/v1/brands/${brand.id}`);
    expect(brandInUse.status).toBe(409);
    expect(brandInUse.body.error.code).toBe("conflict");

    await admin.delete(`/api/v1/products/${product.id}`).expect(204);
    await admin.delete(`/api/v1/brands/${brand.id}`).expect(204);
    await admin.delete(`/api/v1/sectors/${sector.id}`).expect(204);
    expect((await request(t.app).get(`/api/v1/sectors/${sector.slug}`)).status).toBe(404);
    expect((await request(t.app).get(`/api/v1/brands/${brand.slug}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/products/${product.id}`)).status).toBe(404);
  });

  it("when a product appears in an order, then DELETE archives it (204) and the order keeps its line", async () => {
    const product = await makeProduct(t.db);
    const order = await orderContaining(t.db, product.id);
    await admin.delete(`/api/v1/products/${product.id}`).expect(204);
    const [row] = await t.db.select({ status: products.status }).from(products).where(eq(products.id, product.id));
    expect(row?.status).toBe("archived");
    expect((await request(t.app).get(`/api/v1/products/${product.slug}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/products/${product.slug}`)).body.status).toBe("archived");
    expect(await t.db.select().from(orderItems).where(eq(orderItems.orderId, order.id))).toHaveLength(1);
    expect(await auditOf("catalog.product.archived", product.id)).toHaveLength(1);
    expect(await auditOf("catalog.product.deleted", product.id)).toHaveLength(0);

    // Deleting it again keeps it archived.
    await admin.delete(`/api/v1/products/${product.id}`).expect(204);
    const [again] = await t.db.select({ status: products.status }).from(products).where(eq(products.id, product.id));
    expect(again?.status).toBe("archived");
  });
});

describe("catalog admin: stock", () => {
  it("when 50 adjustments of -1 race on a stock of 20, then exactly 20 succeed, 30 are 409 out_of_stock, and the stock ends at 0", async () => {
    const product = await makeProduct(t.db, { stock: 20 });
    const { authorization } = await bearerFor(t, "admin");
    const results = await Promise.all(
      Array.from({ length: 50 }, () => request(t.app).post(`/api/v1/products/${product.id}/stock`).set("Authorization", authorization).send({ delta: -1 })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(30);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === "out_of_stock")).toBe(true);
    // Every success saw a distinct stock level: no lost update.
    expect(new Set(results.filter((r) => r.status === 200).map((r) => r.body.stock)).size).toBe(20);
    const [row] = await t.db.select({ stock: products.stock }).from(products).where(eq(products.id, product.id));
    expect(row?.stock).toBe(0);
    expect(await auditOf("catalog.product.stock_adjusted", product.id)).toHaveLength(20);
  });

  it("when stock is raised and lowered, then the answer is the product with its new stock; zero or fractional deltas are 400", async () => {
    const product = await makeProduct(t.db, { stock: 3 });
    const up = await admin.post(`/api/v1/products/${product.id}/stock`).send({ delta: 7 });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ id: product.id, stock: 10 });
    const tooMuch = await admin.post(`/api/v1/products/${product.id}/stock`).send({ delta: -11 });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe("out_of_stock");
    expect((await admin.post(`/api/v1/products/${product.id}/stock`).send({ delta: -10 })).body.stock).toBe(0);
    for (const body of [{ delta: 0 }, { delta: 1.5 }, { delta: "1" }, {}, { delta: 1, extra: true }]) {
      expect((await admin.post(`/api/v1/products/${product.id}/stock`).send(body)).status, JSON.stringify(body)).toBe(400);
    }
    const [entry] = await auditOf("catalog.product.stock_adjusted", product.id);
    expect(entry!.summary).toEqual({ slug: product.slug, delta: -10, before: { stock: 10 }, after: { stock: 0 } });
  });
});

describe("catalog admin: audit trail", () => {
  it("when an admin creates, updates and deletes a sector, brand and product, then every write appears in GET /audit with the actor", async () => {
    const { agent, user } = await signedInAgent(t, "admin");
    const s = uniqueSuffix();
    const sector = (
      await agent
        .post("/api/v1/sectors")
        .send({ name: `Audited ${s}` })
        .expect(201)
    ).body;
    const brand = (
      await agent
        .post("/api/v1/brands")
        .send({ name: `Audited ${s}`, sectorId: sector.id })
        .expect(201)
    ).body;
    const product = (
      await agent
        .post("/api/v1/products")
        .send({ name: `Audited ${s}`, priceCents: 1, stock: 1, brandId: brand.id })
        .expect(201)
    ).body;
    await agent.patch(`/api/v1/sectors/${sector.id}`).send({ description: "x" }).expect(200);
    await agent.patch(`/api/v1/brands/${brand.id}`).send({ description: "x" }).expect(200);
    await agent.patch(`/api/v1/products/${product.id}`).send({ description: "x" }).expect(200);
    await agent.post(`/api/v1/products/${product.id}/stock`).send({ delta: 2 }).expect(200);
    await agent.delete(`/api/v1/products/${product.id}`).expect(204);
    await agent.delete(`/api/v1/brands/${brand.id}`).expect(204);
    await agent.delete(`/api/v1/sectors/${sector.id}`).expect(204);

    const res = await admin.get(`/api/v1/audit?actor=${user.id}&limit=100`).expect(200);
    const mine = (res.body.data as Array<{ action: string; targetType: string; targetId: string; actor: { id: string } }>).filter((e) =>
      e.action.startsWith("catalog."),
    );
    expect(mine.map((e) => `${e.action} ${e.targetId}`).reverse()).toEqual([
      `catalog.sector.created ${sector.id}`,
      `catalog.brand.created ${brand.id}`,
      `catalog.product.created ${product.id}`,
      `catalog.sector.updated ${sector.id}`,
      `catalog.brand.updated ${brand.id}`,
      `catalog.product.updated ${product.id}`,
      `catalog.product.stock_adjusted ${product.id}`,
      `catalog.product.deleted ${product.id}`,
      `catalog.brand.deleted ${brand.id}`,
      `catalog.sector.deleted ${sector.id}`,
    ]);
    expect(mine.every((e) => e.actor.id === user.id)).toBe(true);
  });

  it("when a write is refused, then nothing is recorded", async () => {
    const product = await makeProduct(t.db, { stock: 0 });
    await admin.post(`/api/v1/products/${product.id}/stock`).send({ delta: -1 }).expect(409);
    expect(await auditOf("catalog.product.stock_adjusted", product.id)).toEqual([]);
  });
});
