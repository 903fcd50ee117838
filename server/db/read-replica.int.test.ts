import { createServer } from "node:net";
import pg from "pg";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../test/agents";
import { makeProduct } from "../test/factories";
import { createTestApp, type TestApp } from "../test/harness";
import { postgresServerToolsMissing, privatePostgres, privateStandby, type PrivatePostgres } from "../test/private-postgres";
import { READ_PRIMARY_COOKIE } from "../lib/read-your-writes";
import { openDatabase, type Database } from "./index";

/**
 * Issue 14 §6 (ADR 064) against a real streaming replica: a private primary (initdb) and its standby made with
 * `pg_basebackup -R`. The replica's WAL replay is paused to make it visibly stale: what a read returns then
 * tells which server answered it.
 */
// The embedded-PGlite pass has nothing to add here (the servers are private either way) and CI time is short.
const missing = process.env.DATABASE_URL ? postgresServerToolsMissing() : "DATABASE_URL is unset (the PGlite pass)";
if (missing) console.warn(`read-replica test skipped: ${missing}`);

/** A port nobody listens on (REPLICA_TEST_PORT and the next one are used instead when set). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function eventually<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(missing !== undefined)("reads from a streaming replica (issue 14 §6)", () => {
  let primary: PrivatePostgres;
  let standby: PrivatePostgres;
  let database: Database;
  let t: TestApp;
  const maxLagMs = 1_500;

  beforeAll(async () => {
    const base = Number(process.env.REPLICA_TEST_PORT ?? 0);
    primary = privatePostgres(base || (await freePort()));
    primary.start();
    standby = privateStandby(primary, base ? base + 1 : await freePort());
    standby.start();
    database = await openDatabase({ url: primary.url, poolSize: 4 });
    await database.migrate();
    t = await createTestApp(
      { CACHE_TTL_SECONDS: "0", REDIS_URL: "", DATABASE_REPLICA_URL: standby.url, REPLICA_MAX_LAG_MS: String(maxLagMs) },
      {},
      { database },
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await database?.close().catch(() => undefined);
    standby?.destroy();
    primary?.destroy();
  });

  const nameOf = async (slug: string, cookie?: string) => {
    const res = await request(t.app)
      .get(`/api/v1/products/${slug}`)
      .set(cookie ? { cookie } : {});
    return res.status === 200 ? (res.body.name as string) : `status ${res.status}`;
  };

  it("when the replica is behind, then reads are stale until the lag passes REPLICA_MAX_LAG_MS, except for the client that just wrote", async () => {
    const product = await makeProduct(t.db, { name: "Original name" });
    const { authorization } = await bearerFor(t, "admin");
    await eventually(
      "the replica has the product",
      () => nameOf(product.slug),
      (name) => name === "Original name",
    );
    expect(t.ctx.replica!.state()).toBe("healthy");

    await sql(standby.url, "select pg_wal_replay_pause()");
    const write = await request(t.app).patch(`/api/v1/products/${product.id}`).set("authorization", authorization).send({ name: "Renamed" });
    expect(write.status).toBe(200);
    expect(write.body.name).toBe("Renamed"); // the write's own response reads the primary
    const marker = [write.headers["set-cookie"] ?? []].flat().find((c: string) => c.startsWith(`${READ_PRIMARY_COOKIE}=`));
    expect(marker).toBeDefined();
    const cookie = marker!.split(";")[0]!;

    // Read-your-writes: the writer reads the primary; everyone else still reads the (paused, stale) replica.
    expect(await nameOf(product.slug, cookie)).toBe("Renamed");
    expect(await nameOf(product.slug)).toBe("Original name");

    // Once the lag passes the limit, every read falls back to the primary.
    const fellBackAfter = Date.now();
    await eventually(
      "reads fall back to the primary",
      () => nameOf(product.slug),
      (name) => name === "Renamed",
      maxLagMs * 4,
    );
    expect(t.ctx.replica!.state()).toBe("lagging");
    console.log(`replica paused: reads fell back to the primary ${Date.now() - fellBackAfter} ms after the write (limit ${maxLagMs} ms)`);

    await sql(standby.url, "select pg_wal_replay_resume()");
    await eventually(
      "the replica catches up",
      async () => t.ctx.replica!.state(),
      (state) => state === "healthy",
    );
  });

  it("when the replica goes down, then reads keep answering from the primary", async () => {
    const product = await makeProduct(t.db, { name: "Still served" });
    await eventually(
      "the replica has the product",
      () => nameOf(product.slug),
      (name) => name === "Still served",
    );
    standby.stop();
    const stoppedAt = Date.now();
    await eventually(
      "reads answer without the replica",
      () => nameOf(product.slug),
      (name) => name === "Still served",
    );
    await eventually(
      "the router sees the replica down",
      async () => t.ctx.replica!.state(),
      (state) => state === "down",
    );
    expect(await nameOf(product.slug)).toBe("Still served");
    const requests = await Promise.all(Array.from({ length: 5 }, () => nameOf(product.slug)));
    expect(requests).toEqual(Array(5).fill("Still served"));
    console.log(`replica stopped: reads answered from the primary ${Date.now() - stoppedAt} ms after the stop`);
  });
});
