import { randomBytes } from "node:crypto";
import request from "supertest";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installFieldCipher } from "@shared/sealed-columns";
import type { Database } from "../../db";
import { createDataCipher, resolveDataKeys, SESSION_DERIVED_KEY_ID } from "../../lib/data-cipher";
import { bearerFor } from "../../test/agents";
import { makeProduct } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { ADDRESS, orderBody } from "../../test/orders";
import { openPrivateDatabase } from "../../test/private-database";

// Issue 16 §5 (ADR 058): addresses sealed at rest, legacy rows still readable, rotation re-encrypts. A private database:
// rotation rewrites every row of the tables, and other files' rows must stay under the key they expect.
let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openPrivateDatabase("personal_data");
  t = await createTestApp({}, {}, { database });
});
afterAll(async () => {
  installFieldCipher(createDataCipher(resolveDataKeys(t.ctx.env))); // the process-wide cipher as the other files expect it
  await t.close();
  await database.close();
});

const rawAddress = async (id: string) =>
  (await t.db.execute<{ a: string }>(sql`select shipping_address::text as a from orders where id = ${id}::uuid`)).rows[0]!.a;
const rawMessages = async (orderId: string) =>
  (await t.db.execute<{ b: string }>(sql`select body as b from order_messages where order_id = ${orderId}::uuid order by created_at, id`)).rows.map((r) => r.b);
const rawSaved = async () => (await t.db.execute<{ a: string }>(sql`select concat_ws('|', name, line1, city, postal_code, phone) as a from addresses`)).rows;

describe("personal data at rest", () => {
  it("when an order is placed, then a raw SELECT shows no street; rotation re-encrypts old and plain rows and they still read", async () => {
    const customer = await bearerFor(t, "customer");
    const product = await makeProduct(t.db, { stock: 10 });
    const placed = await request(t.app)
      .post("/api/v1/orders")
      .set("Authorization", customer.authorization)
      .send({ ...orderBody([{ productId: product.id }]), shippingAddress: { ...ADDRESS, phone: "+1 555 0142" } });
    expect(placed.status).toBe(201);
    expect(placed.body.shippingAddress.phone).toBe("+1 555 0142");
    expect(await rawAddress(placed.body.id)).not.toContain("0142");
    expect(await rawAddress(placed.body.id)).toMatch(new RegExp(`^"fpe1\\.${SESSION_DERIVED_KEY_ID}\\.`));
    expect(await rawAddress(placed.body.id)).not.toContain(ADDRESS.line1.split(" ")[1]);
    const saved = await request(t.app)
      .post("/api/v1/me/addresses")
      .set("Authorization", customer.authorization)
      .send({ ...ADDRESS, line1: "7 Quince Row", phone: "+44 20 7946 0958" });
    expect(saved.status).toBe(201);
    expect(JSON.stringify(await rawSaved())).not.toContain("Quince");
    expect(JSON.stringify(await rawSaved())).not.toContain("7946");

    // A row from before encryption (plain JSON) is still read as it is.
    const legacy = await request(t.app)
      .post("/api/v1/orders")
      .set("Authorization", customer.authorization)
      .send(orderBody([{ productId: product.id }]));
    await t.db.execute(
      sql`update orders set shipping_address = ${JSON.stringify({ ...ADDRESS, line1: "9 Medlar Lane" })}::jsonb where id = ${legacy.body.id}::uuid`,
    );
    expect((await request(t.app).get(`/api/v1/orders/${legacy.body.id}`).set("Authorization", customer.authorization)).body.shippingAddress.line1).toBe(
      "9 Medlar Lane",
    );

    // Order messages (ADR 074): sealed on insert; a message from before sealing (plain text) still reads.
    const thread = `/api/v1/orders/${placed.body.id}/messages`;
    expect((await request(t.app).post(thread).set("Authorization", customer.authorization).send({ body: "Ring 555-0142 at the Quince gate" })).status).toBe(
      201,
    );
    const [sealedMessage] = await rawMessages(placed.body.id);
    expect(sealedMessage).toMatch(new RegExp(`^fpe1\\.${SESSION_DERIVED_KEY_ID}\\.`));
    expect(sealedMessage).not.toContain("Quince");
    await t.db.execute(
      sql`insert into order_messages (order_id, author_side, author_name, body) values (${placed.body.id}::uuid, 'customer', 'Ada', 'Plain medlar question')`,
    );
    const readThread = async () =>
      ((await request(t.app).get(thread).set("Authorization", customer.authorization).expect(200)).body.data as Array<{ body: string }>).map((m) => m.body);
    expect(await readThread()).toEqual(["Ring 555-0142 at the Quince gate", "Plain medlar question"]);

    // Rotation: a new newest key; the job reseals everything not under it (the old key stays configured to read).
    const rotated = createDataCipher(resolveDataKeys({ ...t.ctx.env, DATA_ENCRYPTION_KEYS: `k2:${randomBytes(32).toString("base64")}` }));
    installFieldCipher(rotated);
    expect(await t.services.resealPersonalData(rotated.currentPrefix)).toBeGreaterThanOrEqual(5);
    for (const body of await rawMessages(placed.body.id)) expect(body).toMatch(/^fpe1\.k2\./);
    expect(await readThread()).toEqual(["Ring 555-0142 at the Quince gate", "Plain medlar question"]);
    for (const id of [placed.body.id as string, legacy.body.id as string]) {
      expect(await rawAddress(id)).toMatch(/^"fpe1\.k2\./);
      expect(await rawAddress(id)).not.toContain("Medlar");
    }
    expect((await request(t.app).get(`/api/v1/orders/${legacy.body.id}`).set("Authorization", customer.authorization)).body.shippingAddress.line1).toBe(
      "9 Medlar Lane",
    );
    expect((await request(t.app).get("/api/v1/me/addresses").set("Authorization", customer.authorization)).body.data[0]).toMatchObject({
      line1: "7 Quince Row",
      phone: "+44 20 7946 0958",
    });
    expect(JSON.stringify(await rawSaved())).not.toContain("7946");
    expect(await t.services.resealPersonalData(rotated.currentPrefix)).toBe(0);
  });
});
