import { readFileSync, mkdtempSync, cpSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productVariants } from "@shared/schema";
import type { Product } from "@shared/contracts/catalog";
import { migrationsDir } from "../../lib/paths";
import { accessTokenFor, signedInAgent, type Agent } from "../../test/agents";
import { makeBrand, makeProduct, makeSector, makeUsers, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { orderBody } from "../../test/orders";
import { openPrivateDatabase } from "../../test/private-database";

let t: TestApp;
let admin: Agent;
let brandId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedInAgent(t, "admin")).agent;
  brandId = (await makeBrand(t.db, { sectorId: (await makeSector(t.db)).id })).id;
});

/** A T-shirt in S/M/L through the API: M is dearer, each size has its own stock. */
async function createTee(stock = { S: 5, M: 3, L: 7 }): Promise<Product> {
  const s = uniqueSuffix();
  const res = await admin.post("/api/v1/products").send({
    name: `Tee ${s}`,
    brandId,
    options: [{ name: "Size", values: ["S", "M", "L"] }],
    variants: [
      { sku: `tee-${s}-s`, optionValues: { Size: "S" }, priceCents: 1_500, stock: stock.S },
      { sku: `tee-${s}-m`, optionValues: { Size: "M" }, priceCents: 1_700, compareAtPriceCents: 2_000, stock: stock.M },
      { sku: `tee-${s}-l`, optionValues: { Size: "L" }, priceCents: 1_600, stock: stock.L },
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Product;
}
const variantOf = (p: Product, size: string) => p.variants.find((v) => v.optionValues.Size === size)!;
const variantStocks = async (productId: string) =>
  Object.fromEntries(
    (await t.db.select().from(productVariants).where(eq(productVariants.productId, productId))).map((v) => [v.optionValues.Size ?? "-", v.stock]),
  );

describe("options and variants", () => {
  it("when a product with Size S/M/L is created, then list and detail carry options, variants, the lowest price and the price range", async () => {
    const tee = await createTee();
    expect(tee).toMatchObject({
      priceCents: 1_500,
      stock: 15,
      priceRange: { minCents: 1_500, maxCents: 1_700 },
      options: [{ name: "Size", values: ["S", "M", "L"] }],
    });
    expect(tee.variants.map((v) => [v.optionValues, v.priceCents, v.compareAtPriceCents, v.stock])).toEqual([
      [{ Size: "S" }, 1_500, null, 5],
      [{ Size: "M" }, 1_700, 2_000, 3],
      [{ Size: "L" }, 1_600, null, 7],
    ]);
    const list = await admin.get(`/api/v1/products?q=${encodeURIComponent(tee.name)}&status=all`).expect(200);
    expect((list.body.data as Product[]).find((p) => p.id === tee.id)).toMatchObject({ priceRange: tee.priceRange, variants: tee.variants });
  });

  it("when variants break the option rules, then 400 names the field", async () => {
    const res = await admin.post("/api/v1/products").send({
      name: "Bad tee",
      brandId,
      options: [{ name: "Size", values: ["S", "M"] }],
      variants: [
        { optionValues: { Size: "S" }, priceCents: 100, stock: 1 },
        { optionValues: { Size: "S" }, priceCents: 100, stock: 1 },
        { optionValues: { Size: "XL" }, priceCents: 100, stock: 1 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["variants.1.optionValues", "variants.2.optionValues.Size"]),
    );
  });

  it("when M is bought by variant id, then only M is decremented and the order line records the variant and its values", async () => {
    const tee = await createTee();
    const m = variantOf(tee, "M");
    const { agent } = await signedInAgent(t);
    const quote = await agent
      .post("/api/v1/cart/quote")
      .send({ items: [{ productId: tee.id, variantId: m.id, quantity: 2 }] })
      .expect(200);
    expect(quote.body.lines[0]).toMatchObject({ variantId: m.id, optionValues: { Size: "M" }, unitPriceCents: 1_700, available: 3, problem: null });
    const order = await agent.post("/api/v1/orders").send(orderBody([{ productId: tee.id, variantId: m.id, quantity: 2 }]));
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body.items).toEqual([
      expect.objectContaining({ productId: tee.id, variantId: m.id, sku: m.sku, optionValues: { Size: "M" }, unitPriceCents: 1_700 }),
    ]);
    expect(await variantStocks(tee.id)).toEqual({ S: 5, M: 1, L: 7 });
    const after = await admin.get(`/api/v1/products/${tee.id}`).expect(200);
    expect(after.body.stock).toBe(13);
    // Cancelling gives the units back to M.
    await agent.post(`/api/v1/orders/${order.body.id}/cancel`).expect(200);
    expect(await variantStocks(tee.id)).toEqual({ S: 5, M: 3, L: 7 });
  });

  it("when a product with several variants is ordered by product id alone, then 400 asks for the variant; a single-variant product still sells by id", async () => {
    const tee = await createTee();
    const plain = await makeProduct(t.db, { brandId, stock: 4 });
    const { agent } = await signedInAgent(t);
    const res = await agent.post("/api/v1/orders").send(orderBody([{ productId: tee.id }]));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: "items.0.variantId", message: expect.any(String) }]);
    await agent
      .post("/api/v1/orders")
      .send(orderBody([{ productId: plain.id, quantity: 2 }]))
      .expect(201);
    const [variant] = await t.db.select().from(productVariants).where(eq(productVariants.productId, plain.id));
    expect(variant!.stock).toBe(2);
  });

  it("when 50 buyers order the last 10 units of M at once, then exactly 10 succeed and S and L are unchanged", async () => {
    const tee = await createTee({ S: 5, M: 10, L: 7 });
    const m = variantOf(tee, "M");
    const buyers = await makeUsers(t.db, 50);
    const { port } = await t.listen();
    const body = JSON.stringify(orderBody([{ productId: tee.id, variantId: m.id }]));
    const statuses = await Promise.all(
      buyers.map((buyer, i) =>
        fetch(`http://127.0.0.1:${port}/api/v1/orders`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: accessTokenFor(t, buyer.id), "idempotency-key": `tee-${i}-${buyer.id}` },
          body,
        }).then((res) => res.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(await variantStocks(tee.id)).toEqual({ S: 5, M: 0, L: 7 });
  });

  it("when an admin adjusts a variant's stock and rewrites the variants, then stock and totals follow and a variant of another product is 404", async () => {
    const tee = await createTee();
    const l = variantOf(tee, "L");
    const adjusted = await admin.post(`/api/v1/products/${tee.id}/variants/${l.id}/stock`).send({ delta: 3 }).expect(200);
    expect(adjusted.body.stock).toBe(18);
    const refused = await admin.post(`/api/v1/products/${tee.id}/variants/${l.id}/stock`).send({ delta: -11 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("out_of_stock");
    await admin.post(`/api/v1/products/${tee.id}/stock`).send({ delta: 1 }).expect(409);
    const other = await createTee();
    await admin.post(`/api/v1/products/${other.id}/variants/${l.id}/stock`).send({ delta: 1 }).expect(404);

    // Drop S, keep M (by id) at a new price, add XL: the product's price and stock follow.
    const m = variantOf(tee, "M");
    const patched = await admin.patch(`/api/v1/products/${tee.id}`).send({
      options: [{ name: "Size", values: ["M", "XL"] }],
      variants: [
        { id: m.id, optionValues: { Size: "M" }, priceCents: 1_200, stock: 3 },
        { optionValues: { Size: "XL" }, priceCents: 1_900, stock: 2 },
      ],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ priceCents: 1_200, stock: 5, priceRange: { minCents: 1_200, maxCents: 1_900 } });
    expect(patched.body.variants[0]).toMatchObject({ id: m.id, sku: m.sku });
    expect(patched.body.variants[1].sku).toBe(`${tee.slug}-xl`);
    // priceCents alone is for single-variant products.
    await admin.patch(`/api/v1/products/${tee.id}`).send({ priceCents: 100 }).expect(400);
  });
});

describe("CSV with variants", () => {
  it("when a product with variants is exported, then it is one row per variant; re-imported unchanged it changes nothing, one edited cell changes that variant only", async () => {
    const tee = await createTee();
    const csv = await admin
      .get(`/api/v1/products/export.csv?q=${encodeURIComponent(tee.name)}&status=all`)
      .buffer(true)
      .parse((res, done) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => done(null, text));
      });
    const lines = (csv.body as string).trim().split(/\r?\n/);
    const rows = lines.filter((l) => l.startsWith(`${tee.slug},`));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(`,1700,USD,3,`);
    expect(rows[1]).toMatch(/,tee-[^,]+-m,2000,Size,M,,,,$/);
    const file = [lines[0], ...rows].join("\n");
    const again = await admin.post("/api/v1/products/import?mode=apply").set("Content-Type", "text/csv").send(file);
    expect(again.body).toMatchObject({ rows: 3, created: 0, updated: 0, errors: [] });

    const edited = [lines[0], rows[0], rows[1]!.replace(",1700,USD,3,", ",1700,USD,9,"), rows[2]].join("\n");
    const res = await admin.post("/api/v1/products/import?mode=apply").set("Content-Type", "text/csv").send(edited);
    expect(res.body).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect(await variantStocks(tee.id)).toEqual({ S: 5, M: 9, L: 7 });
    const after = await admin.get(`/api/v1/products/${tee.id}`).expect(200);
    expect(after.body.variants.map((v: { id: string }) => v.id)).toEqual(tee.variants.map((v) => v.id));
  });
});

/** The migrations before issue 12 (journal entries up to 0007), in a folder of their own. */
function preVariantMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "fp-pre-variants-"));
  cpSync(migrationsDir, dir, { recursive: true });
  const journalPath = join(dir, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: Array<{ tag: string }> };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith("_product_variants"));
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe("migrating a database from before variants", () => {
  let database: Awaited<ReturnType<typeof openPrivateDatabase>> | undefined;
  afterAll(async () => database?.close());

  it("when a pre-variant database is migrated, then every product has one default variant with its price and stock, and order lines point at it", async () => {
    const { openDatabase } = await import("../../db");
    const { workerDatabaseUrl } = await import("../../test/database");
    const base = await workerDatabaseUrl();
    let url: string | undefined;
    if (base) {
      // A private database next to the worker's: recreated here.
      const pg = (await import("pg")).default;
      const name = `${new URL(base).pathname.slice(1)}_premig`;
      const adminClient = new pg.Client({ connectionString: base });
      await adminClient.connect();
      await adminClient.query(`drop database if exists "${name}" with (force)`);
      await adminClient.query(`create database "${name}"`);
      await adminClient.end();
      const u = new URL(base);
      u.pathname = `/${name}`;
      url = u.toString();
    }
    database = await openDatabase({ url, dataDir: "memory://", poolSize: 2 });
    const folder = preVariantMigrations();
    const migrator = url ? await import("drizzle-orm/node-postgres/migrator") : await import("drizzle-orm/pglite/migrator");
    await migrator.migrate(database.db as never, { migrationsFolder: folder });

    const db = database.db;
    await db.execute(sql`insert into sectors (id, slug, name) values ('00000000-0000-4000-8000-000000000001', 'old-sector', 'Old sector')`);
    await db.execute(
      sql`insert into brands (id, slug, name, sector_id) values ('00000000-0000-4000-8000-000000000002', 'old-brand', 'Old brand', '00000000-0000-4000-8000-000000000001')`,
    );
    await db.execute(sql`insert into products (id, slug, name, price_cents, stock, brand_id) values
      ('00000000-0000-4000-8000-000000000003', 'old-apple', 'Old apple', 349, 12, '00000000-0000-4000-8000-000000000002'),
      ('00000000-0000-4000-8000-000000000004', 'old-pear', 'Old pear', 0, 0, '00000000-0000-4000-8000-000000000002')`);
    await db.execute(
      sql`insert into users (id, email, name, password_hash) values ('00000000-0000-4000-8000-000000000005', 'old@example.test', 'Old buyer', 'x')`,
    );
    await db.execute(sql`insert into orders (id, user_id, subtotal_cents, tax_cents, shipping_cents, total_cents, shipping_address) values
      ('00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000005', 349, 0, 0, 349, '{}'::jsonb)`);
    await db.execute(sql`insert into order_items (order_id, product_id, name, unit_price_cents, quantity, line_total_cents) values
      ('00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000003', 'Old apple', 349, 1, 349)`);

    await database.migrate();

    const { rows } = await db.execute<{ slug: string; price_cents: number; stock: number; options: unknown; variants: unknown }>(sql`
      select p.slug, p.price_cents, p.stock, p.options,
        (select json_agg(json_build_object('sku', v.sku, 'optionValues', v.option_values, 'priceCents', v.price_cents, 'stock', v.stock)) from product_variants v where v.product_id = p.id) as variants
      from products p order by p.slug`);
    expect(rows).toEqual([
      { slug: "old-apple", price_cents: 349, stock: 12, options: [], variants: [{ sku: "old-apple", optionValues: {}, priceCents: 349, stock: 12 }] },
      { slug: "old-pear", price_cents: 0, stock: 0, options: [], variants: [{ sku: "old-pear", optionValues: {}, priceCents: 0, stock: 0 }] },
    ]);
    const { rows: lines } = await db.execute<{ sku: string; variant_sku: string }>(
      sql`select i.sku, v.sku as variant_sku from order_items i join product_variants v on v.id = i.variant_id`,
    );
    expect(lines).toEqual([{ sku: "old-apple", variant_sku: "old-apple" }]);
  });
});
