import { asc, eq } from "drizzle-orm";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { productVariants } from "@shared/schema";
import type { Product } from "@shared/contracts/catalog";
import { signedInAgent, type Agent } from "../../test/agents";
import { makeBrand, makeProduct, makeSector, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { orderBody } from "../../test/orders";

// ADR 079: shopper reads take products.variants, a copy kept by every variant write. These tests fail when a write
// leaves the copy behind product_variants (the list would show stale stock, prices or variants).

let t: TestApp;
let admin: Agent;
let brand: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestApp({ CACHE_TTL_SECONDS: "0" });
  admin = (await signedInAgent(t, "admin")).agent;
  brand = await makeBrand(t.db, { sectorId: (await makeSector(t.db)).id });
});

/** The variants as product_variants holds them, in admin order and in the contract's key order. */
async function storedVariants(productId: string) {
  const rows = await t.db
    .select()
    .from(productVariants)
    .where(eq(productVariants.productId, productId))
    .orderBy(asc(productVariants.position), asc(productVariants.id));
  return rows.map((v) => ({
    id: v.id,
    sku: v.sku,
    optionValues: v.optionValues,
    priceCents: v.priceCents,
    compareAtPriceCents: v.compareAtPriceCents,
    stock: v.stock,
  }));
}

/** The anonymous list (default sort, the lean read path) and the detail show exactly what product_variants holds. */
async function expectReadsFollowVariants(productId: string) {
  const variants = await storedVariants(productId);
  const prices = variants.map((v) => v.priceCents);
  const list = await request(t.app).get(`/api/v1/products?brand=${brand.slug}&limit=100`).expect(200);
  const listed = (list.body.data as Product[]).find((p) => p.id === productId);
  const detail = (await request(t.app).get(`/api/v1/products/${productId}`).expect(200)).body as Product;
  for (const product of [listed, detail]) {
    expect(product).toBeDefined();
    // Byte for byte, key order included: the JSON the contract promises.
    expect(JSON.stringify(product!.variants)).toBe(JSON.stringify(variants));
    expect(product!.priceRange).toEqual({ minCents: Math.min(...prices), maxCents: Math.max(...prices) });
    expect(product!.priceCents).toBe(Math.min(...prices));
    expect(product!.stock).toBe(variants.reduce((sum, v) => sum + v.stock, 0));
  }
}

describe("the list's copy of the variants", () => {
  it("when a checkout, a cancellation, an admin stock adjustment and a variant edit change the variants, then list and detail follow each one", async () => {
    const s = uniqueSuffix();
    const created = await admin.post("/api/v1/products").send({
      name: `Copy tee ${s}`,
      brandId: brand.id,
      options: [
        { name: "Size", values: ["S", "M", "L"] },
        { name: "Colour", values: ["Red"] },
      ],
      variants: [
        { sku: `copy-${s}-s`, optionValues: { Size: "S", Colour: "Red" }, priceCents: 1_500, stock: 5 },
        { sku: `copy-${s}-m`, optionValues: { Size: "M", Colour: "Red" }, priceCents: 1_700, compareAtPriceCents: 2_000, stock: 3 },
        { sku: `copy-${s}-l`, optionValues: { Size: "L", Colour: "Red" }, priceCents: 1_600, stock: 7 },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const tee = created.body as Product;
    const [small, medium, large] = tee.variants;
    await expectReadsFollowVariants(tee.id);

    // Checkout: two lines of one product (M twice over, and L) in one order.
    const { agent } = await signedInAgent(t);
    const order = await agent.post("/api/v1/orders").send(
      orderBody([
        { productId: tee.id, variantId: medium!.id, quantity: 2 },
        { productId: tee.id, variantId: large!.id, quantity: 1 },
      ]),
    );
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect((await storedVariants(tee.id)).map((v) => v.stock)).toEqual([5, 1, 6]);
    await expectReadsFollowVariants(tee.id);

    // Cancellation gives the units back.
    await agent.post(`/api/v1/orders/${order.body.id}/cancel`).expect(200);
    expect((await storedVariants(tee.id)).map((v) => v.stock)).toEqual([5, 3, 7]);
    await expectReadsFollowVariants(tee.id);

    // An admin stock adjustment of one variant; a refused one changes nothing.
    await admin.post(`/api/v1/products/${tee.id}/variants/${small!.id}/stock`).send({ delta: -4 }).expect(200);
    await admin.post(`/api/v1/products/${tee.id}/variants/${small!.id}/stock`).send({ delta: -2 }).expect(409);
    expect((await storedVariants(tee.id)).map((v) => v.stock)).toEqual([1, 3, 7]);
    await expectReadsFollowVariants(tee.id);

    // A variant edit: S dropped, M repriced, XL added.
    const patched = await admin.patch(`/api/v1/products/${tee.id}`).send({
      options: [
        { name: "Size", values: ["M", "XL"] },
        { name: "Colour", values: ["Red"] },
      ],
      variants: [
        { id: medium!.id, optionValues: { Size: "M", Colour: "Red" }, priceCents: 1_200, stock: 3 },
        { optionValues: { Size: "XL", Colour: "Red" }, priceCents: 1_900, stock: 2 },
      ],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((await storedVariants(tee.id)).map((v) => v.priceCents)).toEqual([1_200, 1_900]);
    await expectReadsFollowVariants(tee.id);
  });

  it("when a product is inserted without variants and its one variant's stock is adjusted and sold, then list and detail follow", async () => {
    const plain = await makeProduct(t.db, { brandId: brand.id, priceCents: 990, stock: 4 });
    await expectReadsFollowVariants(plain.id);
    await admin.post(`/api/v1/products/${plain.id}/stock`).send({ delta: 6 }).expect(200);
    await expectReadsFollowVariants(plain.id);
    const { agent } = await signedInAgent(t);
    await agent
      .post("/api/v1/orders")
      .send(orderBody([{ productId: plain.id, quantity: 3 }]))
      .expect(201);
    expect((await storedVariants(plain.id)).map((v) => v.stock)).toEqual([7]);
    await expectReadsFollowVariants(plain.id);
  });
});
