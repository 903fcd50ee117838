import { randomBytes } from "node:crypto";
import request from "supertest";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installFieldCipher } from "@shared/sealed-columns";
import type { Database } from "../../db";
import { createDataCipher, resolveDataKeys, SESSION_DERIVED_KEY_ID, type DataKey } from "../../lib/data-cipher";
import { bearerFor } from "../../test/agents";
import { makeProduct } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { ADDRESS, orderBody } from "../../test/orders";
import { openPrivateDatabase } from "../../test/private-database";
import { waitFor } from "../../test/wait-for";

// Issue 16 §5 (ADR 058, 074): addresses, messages and the mails quoting them sealed at rest, legacy rows still readable,
// rotation re-encrypts. A private database: rotation rewrites every row of the tables, and other files' rows must stay
// under the key they expect.
let database: Database;
let t: TestApp;
/** The keys configured so far, newest first: a rotation adds one and keeps the older ones readable. */
let keyring: DataKey[];

beforeAll(async () => {
  database = await openPrivateDatabase("personal_data");
  // Unread order messages are mailed at once, so the order-message mail is produced without waiting.
  t = await createTestApp({ ORDER_MESSAGE_MAIL_DELAY_SECONDS: "0" }, {}, { database });
  keyring = resolveDataKeys(t.ctx.env);
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
const rawOutbox = async (to: string) =>
  (await t.db.execute<{ html: string; text: string }>(sql`select html, text from mail_outbox where to_address = ${to}`)).rows;
const rawMailJobs = async () =>
  (
    await t.db.execute<{ props: string; payload: string }>(
      sql`select payload ->> 'props' as props, payload::text as payload from jobs where kind = 'mail.send'`,
    )
  ).rows;
const rawSaved = async () => (await t.db.execute<{ a: string }>(sql`select concat_ws('|', name, line1, city, postal_code, phone) as a from addresses`)).rows;

/** Key rotation: a new newest key for new writes; the data.reencrypt job's work moves everything under it. */
function rotate(keyId: string) {
  keyring = [{ id: keyId, key: randomBytes(32) }, ...keyring];
  const rotated = createDataCipher(keyring);
  installFieldCipher(rotated);
  return rotated;
}

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
    const rotated = rotate("k2");
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

  it("when an order confirmation and an order-message mail are produced, then neither the outbox nor the mail jobs show the street or the message; after rotation the admin still reads them", async () => {
    const [customer, staff, admin] = [await bearerFor(t, "customer"), await bearerFor(t, "staff"), await bearerFor(t, "admin")];
    const product = await makeProduct(t.db, { stock: 10 });
    const placed = await request(t.app)
      .post("/api/v1/orders")
      .set("Authorization", customer.authorization)
      .send({ ...orderBody([{ productId: product.id }]), shippingAddress: { ...ADDRESS, line1: "4 Loquat Walk" } })
      .expect(201);
    await request(t.app)
      .post(`/api/v1/orders/${placed.body.id}/messages`)
      .set("Authorization", staff.authorization)
      .send({ body: "Left with the Persimmon porter" })
      .expect(201);
    // A mail stored before the bodies were sealed, and a mail job queued before its props were (ADR 074).
    const legacyTo = `legacy-${randomBytes(4).toString("hex")}@example.test`;
    await t.db.execute(
      sql`insert into mail_outbox (to_address, subject, template, html, text, status) values (${legacyTo}, 'Old', 'welcome', '<p>9 Medlar Lane</p>', '9 Medlar Lane', 'stored')`,
    );
    await t.db.execute(
      sql`insert into jobs (kind, payload, state, finished_at)
          values ('mail.send', ${JSON.stringify({ template: "welcome", to: { email: legacyTo }, props: { name: "Medlar Legacy" } })}::jsonb, 'completed', now())`,
    );

    const mails = async () =>
      (await request(t.app).get("/api/v1/mail/outbox?limit=100").set("Authorization", admin.authorization).expect(200)).body.data as Array<{
        id: string;
        to: string;
        template: string;
      }>;
    t.services.jobs.start({ pollMs: 20, concurrency: 2 });
    try {
      const both = async () => {
        const all = (await mails()).filter((m) => m.to === customer.user.email);
        return ["order-confirmation", "order-message"].every((template) => all.some((m) => m.template === template));
      };
      await waitFor(both, 10_000, "the order confirmation and the order-message mail");
    } finally {
      await t.services.jobs.stop(1_000);
    }
    const bodiesOf = async (template: string) => {
      const mail = (await mails()).find((m) => m.to === customer.user.email && m.template === template)!;
      const res = await request(t.app).get(`/api/v1/mail/outbox/${mail.id}`).set("Authorization", admin.authorization).expect(200);
      return `${res.body.html as string}\n${res.body.text as string}`;
    };
    const readable = async () => {
      expect(await bodiesOf("order-confirmation")).toContain("4 Loquat Walk");
      expect(await bodiesOf("order-message")).toContain("Left with the Persimmon porter");
    };
    const sealedAtRest = async (prefix: RegExp) => {
      for (const row of await rawOutbox(customer.user.email)) {
        expect(row.html).toMatch(prefix);
        expect(row.text).toMatch(prefix);
        expect(`${row.html}${row.text}`).not.toMatch(/Loquat|Persimmon/);
      }
      const jobs = await rawMailJobs();
      expect(jobs.length).toBeGreaterThanOrEqual(3);
      for (const job of jobs) expect(job.payload).not.toMatch(/Loquat|Persimmon/);
    };
    await readable();
    expect(await rawOutbox(customer.user.email)).toHaveLength(2);
    await sealedAtRest(/^fpe1\./);

    // Rotation seals the legacy mail and job too and moves everything under the new key; the admin still reads all.
    const rotated = rotate("k3");
    expect(await t.services.resealPersonalData(rotated.currentPrefix)).toBeGreaterThanOrEqual(4);
    await sealedAtRest(/^fpe1\.k3\./);
    for (const job of await rawMailJobs()) expect(job.props).toMatch(/^fpe1\.k3\./);
    expect(JSON.stringify(await rawMailJobs())).not.toContain("Medlar");
    const [legacy] = await rawOutbox(legacyTo);
    expect(legacy!.html).toMatch(/^fpe1\.k3\./);
    expect(legacy!.text).not.toContain("Medlar");
    await readable();
    const legacyMail = (await mails()).find((m) => m.to === legacyTo)!;
    expect((await request(t.app).get(`/api/v1/mail/outbox/${legacyMail.id}`).set("Authorization", admin.authorization).expect(200)).body.text).toBe(
      "9 Medlar Lane",
    );
    expect(await t.services.resealPersonalData(rotated.currentPrefix)).toBe(0);
  });
});
