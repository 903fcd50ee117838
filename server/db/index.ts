import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import * as schema from "@shared/schema";
import type { Logger } from "../lib/logger";
import { migrationsDir } from "../lib/paths";
import { withTimeout } from "../lib/timeout";
import { traceQueries } from "../lib/tracing";
import { queueWhenServerFull } from "./full-server";

/** The one Drizzle database type the rest of the code sees, whichever driver is underneath. */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A query runner: the database itself or an open transaction. Only repos and server/db see this type. */
export type Executor = Db | Tx;

declare const txScopeBrand: unique symbol;
/**
 * An open transaction as services see it: they hold it and pass it along (to another feature's service,
 * to jobs.enqueue) but cannot query with it. Only repos unwrap it (`executorOf`). See the transaction-style ADR.
 */
export type TxScope = { readonly [txScopeBrand]: true };

/** The executor a repo method runs on: the caller's open transaction, or the database. */
export function executorOf(db: Db, tx?: TxScope): Executor {
  return (tx as unknown as Tx | undefined) ?? db;
}

/** Runs fn in one transaction; repos expose this as `transaction(fn)`. */
export function runInTransaction<T>(db: Db, fn: (tx: TxScope) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as TxScope));
}
export type Driver = "pglite" | "pg" | "neon";

/** The minimal pool surface connect-pg-simple needs (query(text, params) → { rows }). */
export interface QueryPool {
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

export interface Database {
  db: Db;
  driver: Driver;
  /** Pool for libraries that want raw SQL (the session store). */
  pool: QueryPool;
  migrate(): Promise<void>;
  /** Cheap round trip for readiness; rejects after timeoutMs. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string;
  /** PGlite data directory; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  logger?: Logger;
  /** Overrides the choice made from the URL: tests run the Neon driver against a local PostgreSQL through a WebSocket proxy. */
  driver?: Driver;
}

const MIGRATION_LOCK_ID = 727_001; // any constant; serialises migrations across replicas booting together

/** Neon's serverless driver speaks over WebSockets; it is the right choice only for Neon hosts. */
export function chooseDriver(url: string | undefined): Driver {
  if (!url) return "pglite";
  const host = new URL(url).hostname;
  return host.endsWith(".neon.tech") || host.endsWith(".neon.build") ? "neon" : "pg";
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const driver = options.driver ?? chooseDriver(options.url);
  if (driver === "pglite") return openPglite(options.dataDir ?? "./data");
  if (driver === "neon") return openNeon(options.url!, options);
  return openPg(options.url!, options);
}

/** The part of a pg-compatible pool (pg's or Neon's) that migrations need: one dedicated connection. */
interface LockablePool<C extends PooledClient> {
  connect(): Promise<C>;
}
interface PooledClient {
  query(text: string, params?: unknown[]): Promise<unknown>;
  release(): void;
}

/**
 * Runs the migrations on one connection holding a session advisory lock, so replicas booting together on an
 * empty database migrate one after the other instead of racing into duplicate-key errors (23505). Every
 * server driver goes through here; PGlite is a single in-process connection and needs no lock.
 */
async function migrateUnderLock<C extends PooledClient>(pool: LockablePool<C>, run: (client: C) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await run(client);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
}

/** The readiness round trip of every driver: one cheap statement, rejected after timeoutMs. */
function pingWith(run: () => Promise<unknown>): Database["ping"] {
  return (timeoutMs = 1000) =>
    withTimeout(
      run().then(() => undefined),
      timeoutMs,
      "database ping",
    );
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  // Typo-tolerant search (ADR 044) needs pg_trgm; PGlite loads contrib extensions only when asked to.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(resolve(dataDir), { recursive: true });
  // The one-argument form: with `undefined` as the data directory, PGlite ignores a second (options) argument.
  const client = new PGlite({ dataDir: inMemory ? undefined : resolve(dataDir, "pglite"), extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  const pool: QueryPool = {
    // PGlite's query() refuses several statements in one string (connect-pg-simple's table setup
    // sends such text without parameters), so parameterless text goes through exec().
    async query(text, params) {
      if (!params || params.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return client.query(text, params);
    },
  };
  return {
    db,
    driver: "pglite",
    pool,
    migrate: () => migrate(db as never, { migrationsFolder: migrationsDir }),
    ping: pingWith(() => client.query("select 1")),
    close: () => client.close(),
  };
}

/** What pg's Pool and Neon's (a pg look-alike) share that a server database needs. */
interface ServerPool extends LockablePool<PooledClient> {
  on(event: "error", listener: (err: Error) => void): unknown;
  on(event: "connect", listener: (client: Parameters<typeof traceQueries>[0]) => void): unknown;
  end(): Promise<void>;
}

/**
 * The database over a server pool, whichever driver made it: idle-error logging, query spans, migrations under
 * the advisory lock. `drizzleOn` wraps the pool (queries) or one of its clients (migrations) in the driver's Drizzle.
 */
function serverDatabase(
  driver: "pg" | "neon",
  pool: ServerPool,
  options: DatabaseOptions,
  drizzleOn: (client: unknown) => Db,
  migrate: (db: Db) => Promise<void>,
): Database {
  // Without this listener an idle client's error (e.g. the server restarted) crashes the process.
  pool.on("error", (err) => options.logger?.warn({ err: err.message }, "idle database client error"));
  queueWhenServerFull(pool as unknown as Parameters<typeof queueWhenServerFull>[0], options.logger);
  // Pool.query (drizzle outside transactions) and each client's query (transactions); the pool-to-client calls
  // use callbacks, which traceQueries leaves alone, so a statement is never counted twice.
  traceQueries(pool as unknown as Parameters<typeof traceQueries>[0], "postgresql");
  pool.on("connect", (client) => {
    traceQueries(client, "postgresql");
    // A checked-out client (a transaction between two statements) gets no pool listener: when PostgreSQL ends the
    // connection then (57P01 on shutdown, a network cut), the 'error' event would crash the process. The statement
    // in flight, or the next one, still fails and is answered 503; the pool discards the broken client.
    (client as unknown as { on(event: "error", listener: (err: Error) => void): void }).on("error", (err) =>
      options.logger?.warn({ err: err.message }, "database client error"),
    );
  });
  const db = drizzleOn(pool);
  return {
    db,
    driver,
    pool: pool as unknown as QueryPool,
    migrate: () => migrateUnderLock(pool, (client) => migrate(drizzleOn(client))),
    ping: pingWith(() => db.execute(sql`select 1`)),
    close: () => pool.end(),
  };
}

async function openPg(url: string, options: DatabaseOptions): Promise<Database> {
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
  });
  return serverDatabase(
    "pg",
    pool,
    options,
    (client) => drizzle(client as never, { schema }),
    (db) => migrate(db, { migrationsFolder: migrationsDir }),
  );
}

async function openNeon(url: string, options: DatabaseOptions): Promise<Database> {
  const { Pool, neonConfig } = await import("@neondatabase/serverless");
  const { drizzle } = await import("drizzle-orm/neon-serverless");
  const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
  const { default: WebSocket } = await import("ws");
  neonConfig.webSocketConstructor = WebSocket;
  const pool = new Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
  return serverDatabase(
    "neon",
    pool,
    options,
    (client) => drizzle(client as never, { schema }) as unknown as Db,
    (db) => migrate(db as never, { migrationsFolder: migrationsDir }),
  );
}
