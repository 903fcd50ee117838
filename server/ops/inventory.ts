import { readFileSync } from "node:fs";
import { join } from "node:path";
import { migrationsDir } from "../lib/paths";

/** One connection (pg.Client, PGlite): the inventory's statements must share its session and snapshot. */
export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** What a backup holds, measured on the database at the moment of the dump; a restore must measure the same. */
export interface Inventory {
  /** `show server_version`, e.g. "15.20 (Debian …)"; PGlite answers its embedded PostgreSQL's. */
  serverVersion: string;
  /** The last migration applied (its tag in migrations/meta/_journal.json), and how many are applied. */
  migration: { tag: string | null; applied: number };
  /** Rows per base table of the public schema, by name. */
  tables: Record<string, number>;
  /** MD5 of every orders row as text in id order (timestamps in UTC): the ledger compared value by value. */
  ordersChecksum: string;
}

interface JournalEntry {
  tag: string;
  when: number;
}

/** Drizzle records a migration by its journal time (created_at); the journal turns that back into its tag. */
function migrationTag(createdAt: string | number | null): string | null {
  if (createdAt === null) return null;
  const journal = JSON.parse(readFileSync(join(migrationsDir, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  return journal.entries.find((e) => e.when === Number(createdAt))?.tag ?? `unknown (${createdAt})`;
}

/** Identifiers come from the catalog, but quote them anyway: a table named by a user must not become SQL. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function takeInventory(db: Queryable): Promise<Inventory> {
  // Row text of timestamptz follows the session's TimeZone: pin it so source and restored copy agree.
  await db.query("set timezone to 'UTC'");
  const [{ server_version: serverVersion } = { server_version: "" }] = (await db.query<{ server_version: string }>("show server_version")).rows;
  const hasMigrations = (await db.query<{ present: boolean }>("select to_regclass('drizzle.__drizzle_migrations') is not null as present")).rows[0]?.present;
  let migration: Inventory["migration"] = { tag: null, applied: 0 };
  if (hasMigrations) {
    const { rows } = await db.query<{ applied: string | number; last: string | number | null }>(
      "select count(*) as applied, max(created_at) as last from drizzle.__drizzle_migrations",
    );
    migration = { tag: migrationTag(rows[0]?.last ?? null), applied: Number(rows[0]?.applied ?? 0) };
  }
  const tableNames = (
    await db.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
    )
  ).rows.map((r) => r.name);
  const tables: Record<string, number> = {};
  for (const name of tableNames) {
    const { rows } = await db.query<{ n: string | number }>(`select count(*) as n from public.${ident(name)}`);
    tables[name] = Number(rows[0]?.n ?? 0);
  }
  const ordersChecksum = tableNames.includes("orders")
    ? ((await db.query<{ sum: string }>("select md5(coalesce(string_agg(o::text, '|' order by o.id), '')) as sum from public.orders o")).rows[0]?.sum ?? "")
    : "";
  return { serverVersion, migration, tables, ordersChecksum };
}

/** The differences between what the manifest promised and what the restored database holds; empty when they agree. */
export function compareInventories(expected: Inventory, actual: Inventory): string[] {
  const problems: string[] = [];
  const names = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  for (const name of [...names].sort()) {
    const want = expected.tables[name];
    const got = actual.tables[name];
    if (want !== got) problems.push(`table ${name}: ${want ?? "absent"} rows in the backup, ${got ?? "absent"} after restore`);
  }
  if (expected.ordersChecksum !== actual.ordersChecksum) problems.push("orders: checksum differs from the backup's");
  if (expected.migration.tag !== actual.migration.tag)
    problems.push(`migration level: ${expected.migration.tag} in the backup, ${actual.migration.tag} after restore`);
  return problems;
}
