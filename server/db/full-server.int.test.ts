import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueSuffix } from "../test/factories";
import { openDatabase, type Database } from "./index";

// A full PostgreSQL (every connection slot taken) is simulated with a role's CONNECTION LIMIT, which answers the
// same SQLSTATE (53300) as max_connections: deterministic, and it leaves the shared server's slots to other tests.
// It needs a PostgreSQL server, so it runs in the PostgreSQL pass of CI and is skipped on embedded PGlite.

const base = process.env.DATABASE_URL;
const role = `fp_full_${uniqueSuffix()}`;
let admin: pg.Client;
const opened: Database[] = [];

async function openAs(connectionLimit: number, poolSize: number): Promise<Database> {
  await admin.query(`alter role ${role} connection limit ${connectionLimit}`);
  const url = new URL(base!);
  url.username = role;
  const database = await openDatabase({ url: url.toString(), poolSize });
  opened.push(database);
  return database;
}

describe.skipIf(!base)("a pool on a full PostgreSQL", () => {
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create role ${role} login`);
  });

  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  it("when the server has room for 2 of the pool's 10 connections, then 40 concurrent statements all succeed on those 2", async () => {
    const database = await openAs(2, 10);

    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => database.db.execute(sql`select ${i}::int as n, pg_sleep(0.02)`)));

    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    const [{ connections }] = (
      await admin.query<{ connections: number }>("select count(*)::int as connections from pg_stat_activity where usename = $1", [role])
    ).rows as [{ connections: number }];
    expect(connections).toBeLessThanOrEqual(2);
    // A transaction (a checked-out client) queues the same way.
    const inTransaction = await Promise.all(
      Array.from({ length: 6 }, (_, i) => database.db.transaction(async (tx) => (await tx.execute(sql`select ${i}::int as n`)).rows[0])),
    );
    expect(inTransaction).toEqual(Array.from({ length: 6 }, (_, i) => ({ n: i })));
  });

  it("when the server has no room at all, then a statement fails with PostgreSQL's too-many-connections error instead of waiting", async () => {
    const database = await openAs(0, 4);

    await expect(database.db.execute(sql`select 1`)).rejects.toMatchObject({ cause: { code: "53300" } });
  });
});
