import { sql } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness";
import { makeProduct, makeUser } from "../test/factories";
import { privatePostgres, type PrivatePostgres } from "../test/private-postgres";
import { openDatabase, type Database } from "./index";

/** Issue 14 scope 1: the database unavailable → 503 not_ready with Retry-After, never 500; recovery by itself. */
describe("when PostgreSQL stops (issue 14)", () => {
  let pg: PrivatePostgres;
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    pg = privatePostgres(5390);
    pg.start();
    database = await openDatabase({ url: pg.url, poolSize: 4 });
    await database.migrate();
    t = await createTestApp({ CACHE_TTL_SECONDS: "0", REDIS_URL: "" }, {}, { database });
  });
  afterAll(async () => {
    await database?.close().catch(() => undefined);
    pg?.destroy();
  });

  it("when PostgreSQL ends a connection held by a transaction between two statements, then only that transaction fails", async () => {
    // The cluster rig saw every replica exit 1 here: the checked-out client's 'error' event had no listener.
    const failure = await database.db
      .transaction(async (tx) => {
        const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        await database.pool.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
        await new Promise((r) => setTimeout(r, 200)); // the termination arrives while no statement runs
        await tx.execute(sql`select 1`);
      })
      .then(
        () => undefined,
        (err: Error) => err,
      );
    expect(failure).toBeInstanceOf(Error);
    expect((await database.db.execute(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
  });

  it("when the database is down, then reads, sign-ins and readiness answer 503 with Retry-After, and recovery needs no restart", async () => {
    const product = await makeProduct(t.db);
    const user = await makeUser(t.db);
    expect((await request(t.app).get(`/api/v1/products/${product.slug}`)).status).toBe(200);

    pg.stop();
    const started = performance.now();
    const answers = [
      await request(t.app).get(`/api/v1/products/${product.slug}`),
      await request(t.app).get("/api/v1/products"),
      await request(t.app).get("/api/v1/sectors"),
      await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: user.password }),
    ];
    const elapsed = performance.now() - started;
    for (const res of answers) {
      expect(res.status, res.text).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      expect(res.body.error).toMatchObject({ code: "not_ready", message: expect.any(String) });
    }
    const readiness = await request(t.app).get("/api/health/readiness");
    expect(readiness.status).toBe(503);
    expect(readiness.headers["retry-after"]).toBe("5");
    expect(readiness.body).toMatchObject({ status: "not_ready", checks: { database: "unhealthy" } });

    pg.start();
    const back = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - back < 10_000) {
      status = (await request(t.app).get(`/api/v1/products/${product.slug}`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`database down: ${answers.length} requests answered 503 in ${elapsed.toFixed(0)} ms; serving again ${Date.now() - back} ms after restart`);
    expect(status).toBe(200);
    expect((await request(t.app).get("/api/health/readiness")).status).toBe(200);
  });
});
