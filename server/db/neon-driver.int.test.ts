import { readFileSync } from "node:fs";
import { join } from "node:path";
import { neonConfig } from "@neondatabase/serverless";
import pg from "pg";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_CARD_SUCCESS } from "@shared/contracts/orders";
import { migrationsDir } from "../lib/paths";
import { makeProduct } from "../test/factories";
import { createTestApp } from "../test/harness";
import { startNeonProxy } from "../test/neon-proxy";
import { openDatabase, type Database } from "./index";

// Production runs on Neon through @neondatabase/serverless (WebSockets, not TCP). This suite drives that very
// driver against the local PostgreSQL through a WebSocket-to-TCP proxy: migrations, sessions and a checkout.
// It needs a PostgreSQL server, so it runs in the PostgreSQL pass of CI and is skipped on embedded PGlite.

const base = process.env.DATABASE_URL;
let proxy: Awaited<ReturnType<typeof startNeonProxy>>;
let url: string;
const opened: Database[] = [];

async function recreateDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(base!);
  target.pathname = `/${name}`;
  return target.toString();
}

async function openNeon(): Promise<Database> {
  const database = await openDatabase({ url, driver: "neon", poolSize: 4 });
  opened.push(database);
  return database;
}

describe.skipIf(!base)("the Neon serverless driver against PostgreSQL", () => {
  beforeAll(async () => {
    proxy = await startNeonProxy();
    // Plain ws:// to the local proxy, and no pipelined startup (it fails with SCRAM auth).
    neonConfig.wsProxy = (host, port) => `127.0.0.1:${proxy.port}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.forceDisablePgSSL = true;
    neonConfig.pipelineConnect = false;
    url = await recreateDatabase(`${process.env.TEST_DB_PREFIX ?? "fp_test"}_w${process.env.VITEST_POOL_ID ?? "0"}_neon`);
  });

  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close().catch(() => undefined)));
    await proxy?.close();
  });

  it("when three replicas boot together on an empty database, then all migrate (under the advisory lock) and none fails", async () => {
    const replicas = await Promise.all([openNeon(), openNeon(), openNeon()]);
    const results = await Promise.allSettled(replicas.map((d) => d.migrate()));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);

    const journal = JSON.parse(readFileSync(join(migrationsDir, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const { rows } = await check.query<{ n: string }>("select count(*) as n from drizzle.__drizzle_migrations");
      expect(Number(rows[0]!.n)).toBe(journal.entries.length);
    } finally {
      await check.end();
    }
    await expect(replicas[0]!.ping(2_000)).resolves.toBeUndefined();
  });

  it("when a shopper signs up, stays signed in and checks out over the Neon driver, then the session and the order are stored", async () => {
    const database = await openNeon();
    await database.migrate(); // already applied: a no-op that still takes the lock
    const t = await createTestApp({}, {}, { database });
    expect(database.driver).toBe("neon");

    const agent = request.agent(t.app);
    const csrf = (await agent.get("/api/v1/auth/csrf").expect(200)).body.csrfToken as string;
    const email = `neon-${Date.now()}@example.com`;
    await agent.post("/api/v1/auth/register").set("X-CSRF-Token", csrf).send({ email, password: "a long neon password 42", name: "Neon Shopper" }).expect(201);
    const me = await agent.get("/api/v1/auth/me").expect(200);
    expect(me.body.user.email).toBe(email);

    const product = await makeProduct(t.db, { priceCents: 2_000, stock: 3 });
    const token = await request(t.app).post("/api/v1/auth/token").send({ email, password: "a long neon password 42" }).expect(200);
    const order = await request(t.app)
      .post("/api/v1/orders")
      .set("Authorization", `Bearer ${token.body.accessToken as string}`)
      .send({
        items: [{ productId: product.id, quantity: 2 }],
        shippingAddress: { name: "Neon Shopper", line1: "1 Cloud Road", city: "Lisbon", postalCode: "1000-001", country: "PT" },
        payment: { method: "test_card", cardNumber: TEST_CARD_SUCCESS, expiry: "12/49", cvc: "123" },
      });
    expect(order.status).toBe(201);
    expect(order.body.status).toBe("paid");

    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const stock = await check.query<{ stock: number }>("select stock from products where id = $1", [product.id]);
      expect(stock.rows[0]!.stock).toBe(1);
      const sessions = await check.query<{ n: string }>("select count(*) as n from sessions where sess::text like $1", [`%${me.body.user.id as string}%`]);
      expect(Number(sessions.rows[0]!.n)).toBeGreaterThanOrEqual(1);
    } finally {
      await check.end();
    }
  });
});
