import pg from "pg";
import { openDatabase, type Database } from "../db";

let shared: Promise<Database> | undefined;

/** The worker's database URL on PostgreSQL (its own database), or undefined for embedded PGlite. */
export async function workerDatabaseUrl(): Promise<string | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const name = `${process.env.TEST_DB_PREFIX ?? "fp_test"}_w${process.env.VITEST_POOL_ID ?? "0"}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) {
      await admin.query(`create database "${name}"`).catch((err: { code?: string }) => {
        if (err.code !== "42P04") throw err; // created meanwhile by a sibling file in this worker
      });
    }
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * One migrated database per test worker (PGlite cold start is ~2 s, so never one per test).
 * Tests never truncate: each creates its own rows through the factories and asserts on those.
 */
export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    const url = await workerDatabaseUrl();
    const database = await openDatabase({ url, dataDir: "memory://", poolSize: 20 });
    await database.migrate();
    return database;
  })();
  return shared;
}
