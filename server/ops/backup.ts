import { existsSync } from "node:fs";
import { mkdir, rename, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import pg from "pg";
import { compareInventories, takeInventory, type Inventory, type Queryable } from "./inventory";
import { MANIFEST_VERSION, readVerifiedManifest, sha256File, type BackupFormat, type BackupManifest } from "./manifest";
import { pgToolConnection, runPgTool } from "./pg-tools";

/** Where the data is: a PostgreSQL URL, else the embedded PGlite database under dataDir (as the app decides). */
export interface DatabaseTarget {
  url?: string;
  dataDir?: string;
}

export interface BackupResult {
  manifestPath: string;
  dumpPath: string;
  manifest: BackupManifest;
}

const stampOf = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

function pgliteDir(dataDir: string | undefined): string {
  const dir = dataDir ?? "./data";
  if (dir.startsWith("memory://")) throw new Error("DATA_DIR is in memory: there is no embedded database on disk to back up or restore");
  return resolve(dir, "pglite");
}

async function pgClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

const asQueryable = (client: pg.Client) => client as unknown as Queryable;

/**
 * Dumps the database into outDir as <name>.dump (pg_dump custom format) or <name>.tar.gz (PGlite's data
 * directory), with <name>.dump.sha256 (sha256sum format) and <name>.manifest.json. On PostgreSQL the
 * manifest's counts and the dump come from one exported snapshot, so a live shop's backup agrees with itself.
 * PGlite is single-process: stop the app before backing up its embedded database.
 */
export async function createBackup(target: DatabaseTarget, outDir: string, now = new Date()): Promise<BackupResult> {
  await mkdir(outDir, { recursive: true });
  const name = `fruitfulplanet-${stampOf(now)}`;
  const format: BackupFormat = target.url ? "pg-custom" : "pglite-datadir";
  const dumpPath = resolve(outDir, `${name}${format === "pg-custom" ? ".dump" : ".tar.gz"}`);
  let inventory: Inventory;
  let tool: string;
  if (target.url) {
    const client = await pgClient(target.url);
    try {
      await client.query("begin isolation level repeatable read read only");
      const snapshot = (await client.query<{ id: string }>("select pg_export_snapshot() as id")).rows[0]!.id;
      inventory = await takeInventory(asQueryable(client));
      const { dbArg, env } = pgToolConnection(target.url);
      tool = (await runPgTool("pg_dump", ["--version"])).trim();
      await runPgTool(
        "pg_dump",
        ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${dumpPath}`, `--dbname=${dbArg}`],
        env,
      );
      await client.query("commit");
    } finally {
      await client.end();
    }
  } else {
    const dir = pgliteDir(target.dataDir);
    if (!existsSync(dir)) throw new Error(`no embedded database at ${dir}`);
    const { PGlite } = await import("@electric-sql/pglite");
    const db = new PGlite(dir);
    try {
      await db.waitReady;
      inventory = await takeInventory(db);
      const tarball = await db.dumpDataDir("gzip");
      await writeFile(dumpPath, Buffer.from(await tarball.arrayBuffer()));
      tool = "PGlite dumpDataDir (gzip)";
    } finally {
      await db.close();
    }
  }
  const sha256 = await sha256File(dumpPath);
  const manifest: BackupManifest = {
    manifestVersion: MANIFEST_VERSION,
    format,
    file: basename(dumpPath),
    bytes: (await stat(dumpPath)).size,
    sha256,
    createdAt: now.toISOString(),
    tool,
    ...inventory,
  };
  await writeFile(`${dumpPath}.sha256`, `${sha256}  ${basename(dumpPath)}\n`);
  const manifestPath = resolve(outDir, `${name}.manifest.json`);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifestPath, dumpPath, manifest };
}

export interface RestoreOptions {
  /** Replace what the target holds (pg_restore --clean; PGlite: the old data directory is moved aside, not deleted). */
  force?: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  restored: Inventory;
}

/** The user objects a PostgreSQL database holds (tables, sequences, views, in any schema but the system's). */
async function userObjectCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p', 'S', 'v', 'm') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Restores a backup after checking its SHA-256, into an empty database only unless `force`; then measures the
 * restored database and fails when its row counts, orders checksum or migration level differ from the manifest.
 */
export async function restoreBackup(manifestPath: string, target: DatabaseTarget, options: RestoreOptions = {}): Promise<RestoreResult> {
  const { manifest, dumpPath } = await readVerifiedManifest(manifestPath);
  let restored: Inventory;
  if (manifest.format === "pg-custom") {
    if (!target.url) throw new Error("this is a PostgreSQL dump: set DATABASE_URL to the (empty) database to restore into");
    const check = await pgClient(target.url);
    try {
      const objects = await userObjectCount(check);
      if (objects > 0 && !options.force)
        throw new Error(
          `the target database is not empty (${objects} tables, sequences or views): restore into an empty database, or pass --force to replace them`,
        );
    } finally {
      await check.end();
    }
    const { dbArg, env } = pgToolConnection(target.url);
    const clean = options.force ? ["--clean", "--if-exists"] : [];
    // One transaction: a restore that fails half-way leaves the target as it was.
    await runPgTool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", ...clean, `--dbname=${dbArg}`, dumpPath], env);
    const client = await pgClient(target.url);
    try {
      restored = await takeInventory(asQueryable(client));
    } finally {
      await client.end();
    }
  } else {
    if (target.url) throw new Error("this is an embedded (PGlite) backup: unset DATABASE_URL and set DATA_DIR to restore it");
    const dir = pgliteDir(target.dataDir);
    if (existsSync(dir) && (await readdir(dir)).length > 0) {
      if (!options.force) throw new Error(`${dir} is not empty: restore into an empty DATA_DIR, or pass --force to move it aside`);
      await rename(dir, `${dir}.replaced-${stampOf(new Date())}`);
    }
    await mkdir(join(dir, ".."), { recursive: true });
    const { PGlite } = await import("@electric-sql/pglite");
    const db = new PGlite(dir, { loadDataDir: new Blob([await readFile(dumpPath)]) });
    try {
      await db.waitReady;
      restored = await takeInventory(db);
    } finally {
      await db.close();
    }
  }
  const problems = compareInventories(manifest, restored);
  if (problems.length > 0) throw new Error(`the restored database differs from the backup:\n  ${problems.join("\n  ")}`);
  return { manifest, restored };
}
