import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db";
import { migrationsDir } from "../lib/paths";
import { installTestDataCipher } from "../test/data-cipher";
import { makeBrand, makeOrder, makeProduct, makeSector, makeUser, makeUsers } from "../test/factories";
import { createBackup, restoreBackup, type BackupResult, type DatabaseTarget } from "./backup";

// Issue 16 §6: a seeded database is backed up, restored into a fresh one, and both hold the same rows. On
// PostgreSQL (CI's first pass) through pg_dump/pg_restore; on the embedded pass through PGlite's data-dir dump.
const baseUrl = process.env.DATABASE_URL;
const prefix = `${process.env.TEST_DB_PREFIX ?? "fp_test"}_w${process.env.VITEST_POOL_ID ?? "0"}_backup`;
let workDir: string;

/** An empty database (PostgreSQL) or an empty DATA_DIR (PGlite) named for this test. */
async function emptyTarget(name: string): Promise<DatabaseTarget> {
  if (!baseUrl) return { dataDir: join(workDir, name) };
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${prefix}_${name}" with (force)`);
    await admin.query(`create database "${prefix}_${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${prefix}_${name}`;
  return { url: url.toString() };
}

const open = (target: DatabaseTarget): Promise<Database> => openDatabase({ ...target, poolSize: 2 });

/** Rows per public table, and the orders' values folded into one hash (computed apart from the backup's own code). */
async function measure(target: DatabaseTarget) {
  const database = await open(target);
  try {
    const { rows: tables } = await database.pool.query(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables as Array<{ name: string }>) {
      const { rows } = await database.pool.query(`select count(*) as n from "${name}"`);
      counts[name] = Number((rows[0] as { n: string | number }).n);
    }
    const { rows } = await database.pool.query(
      `select md5(string_agg(concat_ws(',', id, user_id, status, subtotal_cents, total_cents, currency, shipping_address::text,
         extract(epoch from created_at)::text, extract(epoch from updated_at)::text), '|' order by id)) as sum from orders`,
    );
    return { counts, ordersChecksum: (rows[0] as { sum: string }).sum };
  } finally {
    await database.close();
  }
}

let source: DatabaseTarget;
let backup: BackupResult;
let before: Awaited<ReturnType<typeof measure>>;

beforeAll(async () => {
  installTestDataCipher("backup-test-session-secret-that-is-long-enough"); // orders seal their address (ADR 058)
  workDir = await mkdtemp(join(tmpdir(), "fp-backup-"));
  source = await emptyTarget("source");
  const database = await open(source);
  try {
    await database.migrate();
    const db = database.db;
    const [shopper] = await makeUsers(db, 3);
    await makeUser(db, { role: "admin" });
    const sector = await makeSector(db);
    const brand = await makeBrand(db, { sectorId: sector.id });
    const product = await makeProduct(db, { brandId: brand.id, stock: 40 });
    for (const status of ["pending", "paid", "shipped", "delivered", "cancelled"] as const) {
      await makeOrder(db, { userId: shopper!.id, productId: product.id, status, quantity: 2 });
    }
  } finally {
    await database.close();
  }
  before = await measure(source);
  backup = await createBackup(source, join(workDir, "backups"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe(`backup and restore on ${baseUrl ? "PostgreSQL" : "embedded PGlite"}`, () => {
  it("when a seeded database is backed up, then the manifest records the dump's SHA-256, the migration level and every table's rows", async () => {
    const dump = await readFile(backup.dumpPath);
    expect(backup.manifest.sha256).toBe(createHash("sha256").update(dump).digest("hex"));
    expect(backup.manifest.format).toBe(baseUrl ? "pg-custom" : "pglite-datadir");
    expect(backup.manifest.tables).toEqual(before.counts);
    expect(backup.manifest.tables.orders).toBe(5);
    const journal = JSON.parse(await readFile(join(migrationsDir, "meta", "_journal.json"), "utf8")) as { entries: Array<{ tag: string }> };
    expect(backup.manifest.migration).toEqual({ tag: journal.entries.at(-1)!.tag, applied: journal.entries.length });
    expect(await readFile(`${backup.dumpPath}.sha256`, "utf8")).toBe(`${backup.manifest.sha256}  ${basename(backup.dumpPath)}\n`);
  });

  let restored: DatabaseTarget;
  it("when the backup is restored into a fresh database, then every table has the same rows and the orders the same checksum", async () => {
    restored = await emptyTarget("restored");
    await restoreBackup(backup.manifestPath, restored);
    const after = await measure(restored);
    expect(after.counts).toEqual(before.counts);
    expect(after.ordersChecksum).toBe(before.ordersChecksum);
    expect(after.counts.order_items).toBeGreaterThan(0);
  });

  it("when the target is not empty, then restore refuses it unless forced, and forced it replaces the data", async () => {
    await expect(restoreBackup(backup.manifestPath, source)).rejects.toThrow(/not empty/);
    // The copy restored above, with a row the backup does not have: --force puts it back as the backup was.
    const database = await open(restored);
    await makeUser(database.db);
    await database.close();
    await restoreBackup(backup.manifestPath, restored, { force: true });
    expect(await measure(restored)).toEqual(before);
  });

  it("when the dump was altered after the backup, then restore refuses it before touching the target", async () => {
    const copyDir = join(workDir, "tampered");
    await rm(copyDir, { recursive: true, force: true });
    await mkdir(copyDir, { recursive: true });
    const manifestCopy = join(copyDir, basename(backup.manifestPath));
    await copyFile(backup.manifestPath, manifestCopy);
    const dump = await readFile(backup.dumpPath);
    const middle = dump.length >> 1;
    dump[middle] = dump[middle]! ^ 0xff;
    await writeFile(join(copyDir, basename(backup.dumpPath)), dump);
    const target = await emptyTarget("tampered");
    await expect(restoreBackup(manifestCopy, target)).rejects.toThrow(/checksum mismatch/);
    if (target.url) {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      const { rows } = await client.query<{ n: string }>("select count(*) as n from information_schema.tables where table_schema = 'public'");
      await client.end();
      expect(Number(rows[0]!.n)).toBe(0);
    }
  });
});
