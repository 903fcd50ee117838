import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../server/db";
import { seedIfEmpty } from "../../server/seed/seed-data";

export const DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/fp_bench";

export interface BenchDatabase {
  url: string;
  created: boolean;
  seeded: boolean;
  /** Products a shopper sees (active product, active brand): what the list walks over. */
  visibleProducts: number;
  totalProducts: number;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs fn with a client of the server's `postgres` database (CREATE/DROP DATABASE cannot run inside the target). */
async function onServerOf<T>(url: string, fn: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error(`the database URL has no database name: ${url}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client, name);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE when it does not exist. */
function createIfMissing(url: string): Promise<boolean> {
  return onServerOf(url, async (client, name) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (rowCount) return false;
    await client.query(`create database ${quoteIdent(name)}`);
    return true;
  });
}

/** DROP (forcing out any connection) and CREATE: a bench that must start from an empty database. */
export function recreateDatabase(url: string): Promise<void> {
  return onServerOf(url, async (client, name) => {
    await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await client.query(`create database ${quoteIdent(name)}`);
  });
}

/** Creates (if needed), migrates and seeds (if empty) the bench database with the project's own code. */
export async function prepareBenchDatabase(url: string, log: (message: string) => void): Promise<BenchDatabase> {
  const created = await createIfMissing(url);
  if (created) log(`created database ${new URL(url).pathname.slice(1)}`);
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    await database.migrate();
    const seed = await seedIfEmpty(database.db, (message) => log(`  seed: ${message}`));
    const { rows } = await database.db.execute<{ visible: number; total: number }>(
      sql`select count(*) filter (where p.status = 'active' and b.status = 'active')::int as visible, count(*)::int as total
          from products p join brands b on b.id = p.brand_id`,
    );
    // Fresh planner statistics: a just-seeded table would otherwise be planned from defaults.
    await database.db.execute(sql`analyze products, brands, sectors`);
    return { url, created, seeded: seed.seeded, visibleProducts: rows[0]?.visible ?? 0, totalProducts: rows[0]?.total ?? 0 };
  } finally {
    await database.close();
  }
}

/**
 * Committed + rolled-back transactions of the database so far (pg_stat_database). Each autocommit
 * statement is one, so a delta over a load run divided by its requests is the statements per request
 * (e.g. it shows whether a session store is consulted on anonymous requests). Backends publish their
 * counts lazily (at the latest when they exit), so read the "after" value once the server has stopped.
 */
export async function databaseTransactions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()",
    );
    return Number(rows[0]?.n ?? NaN);
  } finally {
    await client.end();
  }
}
