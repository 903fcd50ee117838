import request from "supertest";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { count, eq, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { products } from "@shared/schema";
import { productCsvColumns } from "@shared/contracts/catalog";
import { bearerFor, signedInAgent, type Agent } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";
import { makeBrand, makeProduct, makeProducts, uniqueSuffix } from "../../test/factories";

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedInAgent(t, "admin")).agent;
});

type Row = Partial<Record<(typeof productCsvColumns)[number], string | number>>;
const csvOf = (rows: Row[], columns: readonly string[] = productCsvColumns) => stringify(rows, { header: true, columns: [...columns] });

/** The variant columns of a product without options: its one variant's SKU is the slug (issue 12). */
const singleVariant = (slug: string) => ({
  sku: slug,
  compareAtPriceCents: "",
  option1Name: "",
  option1Value: "",
  option2Name: "",
  option2Value: "",
  option3Name: "",
  option3Value: "",
});
const importCsv = (mode: "dry-run" | "apply", body: string) => admin.post(`/api/v1/products/import?mode=${mode}`).set("Content-Type", "text/csv").send(body);

const productsWithPrefix = async (prefix: string) =>
  (
    await t.db
      .select({ n: count() })
      .from(products)
      .where(like(products.slug, `${prefix}%`))
  )[0]!.n;

function rowsFor(prefix: string, brandSlug: string, n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    slug: `${prefix}-${i}`,
    name: `Imported ${prefix} ${i}`,
    description: i % 3 === 0 ? "" : `Row ${i}, with "quotes" and a comma`,
    priceCents: 100 + i,
    currency: "USD",
    stock: i % 7,
    imageUrl: "",
    status: i % 11 === 0 ? "archived" : "active",
    brandSlug,
  }));
}

describe("CSV import", () => {
  it("when 3 of 500 rows are bad, then the dry run lists exactly those rows and columns, and apply is 422 with nothing written", async () => {
    const brand = await makeBrand(t.db);
    const prefix = `bad-${uniqueSuffix()}`;
    const rows = rowsFor(prefix, brand.slug, 500);
    rows[10]!.priceCents = "12.50";
    rows[250]!.brandSlug = `no-such-brand-${prefix}`;
    rows[499]!.stock = -5;
    const body = csvOf(rows);

    const dry = await importCsv("dry-run", body);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      mode: "dry-run",
      rows: 500,
      created: 497,
      updated: 0,
      errors: [
        { row: 12, column: "priceCents", message: expect.any(String) },
        { row: 252, column: "brandSlug", message: expect.stringContaining("no brand has the slug") },
        { row: 501, column: "stock", message: expect.any(String) },
      ],
    });
    expect(await productsWithPrefix(prefix)).toBe(0);

    const apply = await importCsv("apply", body);
    expect(apply.status).toBe(422);
    expect(apply.body.error.code).toBe("import_failed");
    expect(apply.body.error.details.map((d: { path: string }) => d.path)).toEqual(["row 12.priceCents", "row 252.brandSlug", "row 501.stock"]);
    expect(await productsWithPrefix(prefix)).toBe(0);
  });

  it("when a clean 5,000-row file is applied, then every row is created in one transaction, and applying it again changes nothing", async () => {
    const brand = await makeBrand(t.db);
    const prefix = `bulk-${uniqueSuffix()}`;
    const body = csvOf(rowsFor(prefix, brand.slug, 5_000));
    const { authorization } = await bearerFor(t, "admin");

    const started = performance.now();
    const res = await request(t.app).post("/api/v1/products/import?mode=apply").set("Authorization", authorization).set("Content-Type", "text/csv").send(body);
    const elapsedMs = Math.round(performance.now() - started);
    console.info(`5,000-row CSV import (apply): ${elapsedMs} ms, ${Math.round(Buffer.byteLength(body) / 1024)} KB`);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body).toEqual({ mode: "apply", rows: 5_000, created: 5_000, updated: 0, errors: [] });
    expect(elapsedMs).toBeLessThan(30_000);

    // now() is the transaction's start time: one value for every row means one transaction.
    const [stats] = await t.db
      .select({ n: count(), transactions: sql<number>`count(distinct ${products.createdAt})::int` })
      .from(products)
      .where(like(products.slug, `${prefix}-%`));
    expect(stats).toEqual({ n: 5_000, transactions: 1 });
    const [sample] = await t.db
      .select()
      .from(products)
      .where(eq(products.slug, `${prefix}-22`));
    expect(sample).toMatchObject({
      name: `Imported ${prefix} 22`,
      description: `Row 22, with "quotes" and a comma`,
      priceCents: 122,
      stock: 1,
      status: "archived",
      brandId: brand.id,
    });

    const again = await request(t.app)
      .post("/api/v1/products/import?mode=apply")
      .set("Authorization", authorization)
      .set("Content-Type", "text/csv")
      .send(body);
    expect(again.body).toMatchObject({ created: 0, updated: 0 });
  });

  it("when rows match existing products by slug, then changed ones are updated, identical ones are not counted, and left-out columns keep their values", async () => {
    const brand = await makeBrand(t.db);
    const other = await makeBrand(t.db);
    const [same, changed] = await makeProducts(t.db, brand.id, [
      { description: "Keep me", priceCents: 500, stock: 2, imageUrl: "https://img.example/x.png" },
      { description: "Keep me too", priceCents: 700, stock: 4 },
    ]);
    const newSlug = `fresh-${uniqueSuffix()}`;
    const columns = ["slug", "name", "priceCents", "stock", "brandSlug"];
    const body = csvOf(
      [
        { slug: same!.slug, name: same!.name, priceCents: 500, stock: 2, brandSlug: brand.slug },
        { slug: changed!.slug, name: changed!.name, priceCents: 750, stock: 4, brandSlug: other.slug },
        { slug: newSlug, name: "Fresh", priceCents: 1, stock: 0, brandSlug: brand.slug },
      ],
      columns,
    );
    const dry = await importCsv("dry-run", body);
    expect(dry.body).toEqual({ mode: "dry-run", rows: 3, created: 1, updated: 1, errors: [] });
    const apply = await importCsv("apply", body);
    expect(apply.body).toEqual({ mode: "apply", rows: 3, created: 1, updated: 1, errors: [] });

    const [after] = await t.db.select().from(products).where(eq(products.id, changed!.id));
    expect(after).toMatchObject({ priceCents: 750, brandId: other.id, description: "Keep me too", currency: "USD", status: "active" });
    const [untouched] = await t.db.select().from(products).where(eq(products.id, same!.id));
    expect(untouched!.updatedAt).toEqual(same!.updatedAt);
    expect(untouched!.imageUrl).toBe("https://img.example/x.png");
    const [created] = await t.db.select().from(products).where(eq(products.slug, newSlug));
    expect(created).toMatchObject({ name: "Fresh", description: "", currency: "USD", status: "active", imageUrl: "" });
    // The storefront sees the new price at once (the import emptied the cache).
    expect((await request(t.app).get(`/api/v1/products/${changed!.slug}`)).body.priceCents).toBe(750);

    const audit = await admin.get("/api/v1/audit?action=catalog.products.imported&limit=20").expect(200);
    expect(audit.body.data.map((e: { summary: unknown }) => e.summary)).toContainEqual({ rows: 3, created: 1, updated: 1 });
  });

  it("when a file has blank lines and multi-line cells, then row numbers are the spreadsheet's", async () => {
    const brand = await makeBrand(t.db);
    const s = uniqueSuffix();
    const body = [
      "slug,name,description,priceCents,stock,brandSlug",
      `ok-${s},Fine,"Two\nlines",100,1,${brand.slug}`,
      "",
      `bad-${s},Broken,,x,1,${brand.slug}`,
      `,Nameless,,100,1,${brand.slug}`,
      `ok-${s},Duplicate,,100,1,${brand.slug}`,
      ",,,,,",
    ].join("\r\n");
    const res = await importCsv("dry-run", body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      mode: "dry-run",
      rows: 4,
      created: 1,
      updated: 0,
      errors: [
        { row: 4, column: "priceCents", message: 'Row 4, column "priceCents": "x" is not valid. Expected a whole number of cents, e.g. 1999 for 19.99.' },
        { row: 5, column: "slug", message: expect.any(String) },
        {
          row: 6,
          column: "slug",
          message: `Row 6, column "slug": "ok-${s}" is already used by row 2; a product without options has one row (variants need option columns).`,
        },
      ],
    });
  });

  it("when the file is not CSV, lacks or adds columns, then 422 import_failed says why", async () => {
    const malformed = await importCsv("dry-run", 'slug,name,priceCents,stock,brandSlug\nx,"unclosed,1,1,b\n');
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.code).toBe("import_failed");
    expect(malformed.body.error.message).toMatch(/not valid CSV \(line \d+\)/);
    const ragged = await importCsv("dry-run", "slug,name,priceCents,stock,brandSlug\nx,y,1,1,b,extra\n");
    expect(ragged.status).toBe(422);
    expect(ragged.body.error.details[0].path).toBe("line 2");

    const missing = await importCsv("dry-run", "slug,name,stock\nx,y,1\n");
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toContain("priceCents, brandSlug");
    const unknown = await importCsv("dry-run", "slug,name,priceCents,stock,brandSlug,colour\nx,y,1,1,b,red\n");
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('"colour"');
    const empty = await importCsv("dry-run", "");
    expect([415, 422]).toContain(empty.status);
    expect((await importCsv("dry-run", "\n\n")).status).toBe(422);
  });

  it("when the body is not text/csv, is over 5 MB, or the mode is unknown, then 415, 413 and 400", async () => {
    const json = await admin.post("/api/v1/products/import?mode=dry-run").send({ rows: [] });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe("unsupported_media_type");
    const plain = await admin.post("/api/v1/products/import?mode=dry-run").set("Content-Type", "text/plain").send("slug\n");
    expect(plain.status).toBe(415);

    const huge = `slug,name,priceCents,stock,brandSlug\n${"x".repeat(5 * 1024 * 1024)}\n`;
    const tooBig = await importCsv("dry-run", huge);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe("payload_too_large");

    const mode = await admin.post("/api/v1/products/import?mode=yolo").set("Content-Type", "text/csv").send("slug\n");
    expect(mode.status).toBe(400);
    expect(mode.body.error.details[0].path).toBe("mode");
  });

  it("when a customer or staff member imports, then 403; anonymous 401", async () => {
    for (const role of ["customer", "staff"] as const) {
      const { agent } = await signedInAgent(t, role);
      expect((await agent.post("/api/v1/products/import").set("Content-Type", "text/csv").send("slug\n")).status).toBe(403);
      expect((await agent.get("/api/v1/products/export.csv")).status).toBe(403);
    }
    expect((await request(t.app).post("/api/v1/products/import").set("Content-Type", "text/csv").send("slug\n")).status).toBe(401);
    expect((await request(t.app).get("/api/v1/products/export.csv")).status).toBe(401);
  });
});

describe("CSV export", () => {
  it("when exported with filters, then the header and every matching product come back as CSV, sorted by slug", async () => {
    const brand = await makeBrand(t.db);
    const s = uniqueSuffix();
    await makeProduct(t.db, {
      brandId: brand.id,
      slug: `b-${s}`,
      name: 'Comma, "quote"\nand newline',
      description: "Ünïcødé 🍓",
      priceCents: 1999,
      stock: 0,
      imageUrl: "",
    });
    await makeProduct(t.db, { brandId: brand.id, slug: `a-${s}`, name: "Plain", priceCents: 5, stock: 3, status: "archived", currency: "EUR" });
    await makeProduct(t.db, { brandId: brand.id, slug: `c-${s}`, name: "Pricey", priceCents: 99_999, stock: 1 });

    const res = await admin
      .get(`/api/v1/products/export.csv?brand=${brand.slug}&status=all`)
      .buffer(true)
      .parse((r, done) => {
        let text = "";
        r.setEncoding("utf8");
        r.on("data", (chunk: string) => (text += chunk));
        r.on("end", () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="?products\.csv"?$/);
    const text = res.body as string;
    expect(text.split("\n")[0]).toBe(productCsvColumns.join(","));
    const records = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(records).toEqual([
      {
        slug: `a-${s}`,
        name: "Plain",
        description: "A test product",
        priceCents: "5",
        currency: "EUR",
        stock: "3",
        imageUrl: expect.stringMatching(/^\/images\/products\//),
        status: "archived",
        brandSlug: brand.slug,
        ...singleVariant(`a-${s}`),
      },
      {
        slug: `b-${s}`,
        name: 'Comma, "quote"\nand newline',
        description: "Ünïcødé 🍓",
        priceCents: "1999",
        currency: "USD",
        stock: "0",
        imageUrl: "",
        status: "active",
        brandSlug: brand.slug,
        ...singleVariant(`b-${s}`),
      },
      {
        slug: `c-${s}`,
        name: "Pricey",
        description: "A test product",
        priceCents: "99999",
        currency: "USD",
        stock: "1",
        imageUrl: expect.any(String),
        status: "active",
        brandSlug: brand.slug,
        ...singleVariant(`c-${s}`),
      },
    ]);

    const shopperView = parse((await admin.get(`/api/v1/products/export.csv?brand=${brand.slug}&minPrice=1000`).buffer(true)).text, {
      columns: true,
    }) as Array<{ slug: string }>;
    expect(shopperView.map((r) => r.slug)).toEqual([`b-${s}`, `c-${s}`]);

    // Round trip: importing the export unchanged changes nothing.
    const roundTrip = await importCsv("apply", text);
    expect(roundTrip.body).toEqual({ mode: "apply", rows: 3, created: 0, updated: 0, errors: [] });
  });

  it("when more products match than one batch holds, then every one is exported exactly once", async () => {
    const brand = await makeBrand(t.db);
    await makeProducts(
      t.db,
      brand.id,
      Array.from({ length: 1_234 }, () => ({})),
    );
    const res = await admin.get(`/api/v1/products/export.csv?brand=${brand.slug}`).buffer(true);
    const records = parse(res.text, { columns: true }) as Array<{ slug: string }>;
    expect(records).toHaveLength(1_234);
    expect(new Set(records.map((r) => r.slug)).size).toBe(1_234);
    expect(records.map((r) => r.slug)).toEqual([...records.map((r) => r.slug)].sort());
    const roundTrip = await importCsv("dry-run", res.text);
    expect(roundTrip.body).toEqual({ mode: "dry-run", rows: 1_234, created: 0, updated: 0, errors: [] });
  });
});
