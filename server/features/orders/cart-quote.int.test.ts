import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import type { Quote } from "@shared/contracts/orders";
import { anonymousAgent } from "../../test/agents";
import { makeBrand, makeProduct } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

const quote = (items: Array<{ productId: string; quantity: number }>) => request(t.app).post("/api/v1/cart/quote").send({ items });

describe("POST /api/v1/cart/quote", () => {
  it("when every line can be ordered, then prices come from the database and the totals add up with tax and flat shipping", async () => {
    const a = await makeProduct(t.db, { priceCents: 1_234, stock: 9, name: "Kiwi tray" });
    const b = await makeProduct(t.db, { priceCents: 500, stock: 2 });
    const res = await quote([
      { productId: a.id, quantity: 3 },
      { productId: b.id, quantity: 2 },
    ]);
    expect(res.status).toBe(200);
    const body = res.body as Quote;
    expect(body.lines[0]).toEqual({
      productId: a.id,
      variantId: expect.any(String),
      optionValues: {},
      slug: a.slug,
      name: "Kiwi tray",
      imageUrl: a.imageUrl,
      quantity: 3,
      unitPriceCents: 1_234,
      lineTotalCents: 3_702,
      available: 9,
      problem: null,
    });
    expect(body).toMatchObject({ subtotalCents: 4_702, taxCents: 376, shippingCents: 599, totalCents: 5_677, currency: "USD", orderable: true });
  });

  it("when the subtotal reaches the free-shipping threshold, then shipping is 0; one cent below it is charged", async () => {
    const exact = await makeProduct(t.db, { priceCents: 5_000 });
    const under = await makeProduct(t.db, { priceCents: 4_999 });
    expect((await quote([{ productId: exact.id, quantity: 1 }])).body).toMatchObject({ subtotalCents: 5_000, shippingCents: 0, totalCents: 5_400 });
    expect((await quote([{ productId: under.id, quantity: 1 }])).body).toMatchObject({ subtotalCents: 4_999, shippingCents: 599 });
  });

  it("when lines have problems, then each is named and left out of the totals", async () => {
    const fine = await makeProduct(t.db, { priceCents: 1_000, stock: 5 });
    const archived = await makeProduct(t.db, { status: "archived" });
    const hiddenBrand = await makeBrand(t.db, { status: "archived" });
    const ofHiddenBrand = await makeProduct(t.db, { brandId: hiddenBrand.id });
    const soldOut = await makeProduct(t.db, { stock: 0 });
    const scarce = await makeProduct(t.db, { stock: 2, priceCents: 700 });
    const euro = await makeProduct(t.db, { currency: "EUR" });
    const missing = "6b0f3f0e-8d4c-4c1e-9a57-00000000abcd";
    const res = await quote([
      { productId: fine.id, quantity: 2 },
      { productId: archived.id, quantity: 1 },
      { productId: ofHiddenBrand.id, quantity: 1 },
      { productId: soldOut.id, quantity: 1 },
      { productId: scarce.id, quantity: 3 },
      { productId: missing, quantity: 1 },
      { productId: euro.id, quantity: 1 },
    ]);
    expect(res.status).toBe(200);
    const body = res.body as Quote;
    expect(body.lines.map((l) => [l.problem, l.available, l.lineTotalCents])).toEqual([
      [null, 5, 2_000],
      ["archived", 0, 0],
      ["archived", 0, 0],
      ["out_of_stock", 0, 0],
      ["insufficient_stock", 2, 0],
      ["not_found", 0, 0],
      ["currency_mismatch", expect.any(Number), 0],
    ]);
    expect(body.lines[5]).toMatchObject({ slug: null, name: null, unitPriceCents: null });
    expect(body.lines[4]!.unitPriceCents).toBe(700);
    expect(body).toMatchObject({ subtotalCents: 2_000, taxCents: 160, shippingCents: 599, totalCents: 2_759, orderable: false });
  });

  it("when no line can be ordered, then every total is 0 (no shipping for nothing)", async () => {
    const soldOut = await makeProduct(t.db, { stock: 0 });
    expect((await quote([{ productId: soldOut.id, quantity: 1 }])).body).toMatchObject({
      subtotalCents: 0,
      taxCents: 0,
      shippingCents: 0,
      totalCents: 0,
      orderable: false,
    });
  });

  it("when the body is invalid or carries prices, then it is 400", async () => {
    const product = await makeProduct(t.db);
    expect((await quote([])).status).toBe(400);
    expect((await quote([{ productId: product.id, quantity: 0 }])).status).toBe(400);
    const withPrice = await request(t.app)
      .post("/api/v1/cart/quote")
      .send({ items: [{ productId: product.id, quantity: 1, unitPriceCents: 1 }] });
    expect(withPrice.status).toBe(400);
  });

  it("when an anonymous browser session quotes, then it works with its CSRF token like any cookie write", async () => {
    const product = await makeProduct(t.db);
    const { agent } = await anonymousAgent(t);
    const res = await agent.post("/api/v1/cart/quote").send({ items: [{ productId: product.id, quantity: 1 }] });
    expect(res.status).toBe(200);
    expect(res.body.orderable).toBe(true);
  });
});
