import pg from "pg";
import { openDatabase, type Database } from "../db";

/**
 * A fresh, migrated database of its own for a test that must control every row (e.g. "the last admin").
 * PGlite: a new in-memory instance (~2 s). PostgreSQL: "<prefix>_w<worker>_<name>", recreated on each call and
 * matched by global-setup's cleanup pattern. Close it when done.
 */
export async function openPrivateDatabase(name: string): Promise<Database> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const database = await openDatabase({ dataDir: "memory://" });
    await database.migrate();
    return database;
  }
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("private database names are lower-case letters, digits and _");
  const dbName = `${process.env.TEST_DB_PREFIX ?? "fp_test"}_w${process.env.VITEST_POOL_ID ?? "0"}_${name}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${dbName}" with (force)`);
    await admin.query(`create database "${dbName}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await database.migrate();
  return database;
}
