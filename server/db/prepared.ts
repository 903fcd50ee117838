import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Driver, QueryPool } from "./index";

/**
 * Named prepared statements for hot queries (ADR 059). PostgreSQL parses and plans an unnamed statement on every
 * execution; a named one is parsed once per connection and, after five executions, runs a cached generic plan
 * when that plan is no dearer than the custom ones. The name is derived from the SQL text, so every distinct text
 * (each filter combination of the product list) gets its own statement and two texts never share a name.
 *
 * Drivers: node-postgres and Neon's Pool (a node-postgres fork) prepare a statement per connection by name;
 * Drizzle's PGlite driver ignores the name (PGlite always runs unnamed statements), so there it changes nothing.
 */

/** Distinct statements a process names; texts beyond it run unnamed (a bound on per-connection server memory). */
const MAX_NAMED_STATEMENTS = 500;
const names = new Map<string, string>();

/** The statement name of an SQL text: "fp_" + SHA-1 (43 characters, under PostgreSQL's 63-byte identifier limit). */
export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED_STATEMENTS) return known;
  const name = `fp_${createHash("sha1").update(text).digest("hex")}`;
  names.set(text, name);
  return name;
}

/** What Drizzle's pg and Neon prepared queries carry (PGlite's have no name field: setting one is harmless). */
interface DriverPrepared<R> {
  execute(placeholders?: Record<string, unknown>): Promise<R>;
  queryString?: string;
  queryConfig?: { name?: string };
  rawQueryConfig?: { name?: string };
}

/**
 * Runs a built Drizzle query as a named prepared statement. `.prepare(name)` wants the name before the SQL is
 * known, so the query is prepared under a placeholder name and renamed after its text, before it executes.
 */
export function executeNamed<R>(query: Preparable<R>): Promise<R> {
  return prepareNamed(query).execute();
}

type Preparable<R> = { prepare(name: string): { execute(placeholders?: Record<string, unknown>): Promise<R> } };

/**
 * The same, kept for reuse: a query built with `sql.placeholder`s is built by Drizzle once and then executed with
 * new values (`execute({ … })`). Executions share no state, so one prepared query serves concurrent requests.
 */
export function prepareNamed<R>(query: Preparable<R>): { execute(placeholders?: Record<string, unknown>): Promise<R> } {
  const prepared = query.prepare("fp_pending") as DriverPrepared<R>;
  const name = prepared.queryString === undefined ? undefined : statementName(prepared.queryString);
  if (prepared.queryConfig) prepared.queryConfig.name = name;
  if (prepared.rawQueryConfig) prepared.rawQueryConfig.name = name;
  return prepared;
}

/**
 * A row count as SQL text rather than a parameter: with `LIMIT $n` the generic plan is costed for an unknown
 * count (10 % of the rows), always loses to the custom plan, and the statement is re-planned on every execution.
 * Only validated small integers reach here (page sizes).
 */
export function literalLimit(rows: number): number {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`literalLimit: not a row count: ${rows}`);
  // Drizzle embeds an SQL object given as the limit verbatim (pg-core dialect: `typeof limit === "object"`).
  return sql.raw(String(rows)) as SQL as unknown as number;
}

/** The raw pool of a library (the session store) with its parameterised statements named by text. */
export function withNamedStatements(pool: QueryPool, driver: Driver): QueryPool {
  if (driver === "pglite") return pool;
  const named = pool as unknown as { query(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: any[] }> };
  return {
    query: (text, params) => (params && params.length > 0 ? named.query({ name: statementName(text), text, values: params }) : pool.query(text, params)),
  };
}

/** Drizzle's own way of running `db.execute(sql)` (PgSession.execute), with a statement name passed along. */
interface SessionInternals {
  dialect?: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session?: {
    prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string | undefined, arrayMode: boolean): { execute(): Promise<unknown> };
  };
}

/** `db.execute(query)` as a named prepared statement; falls back to db.execute if Drizzle's internals moved. */
export async function executeNamedSql<Row extends Record<string, unknown>>(db: Db, query: SQL): Promise<{ rows: Row[] }> {
  const { dialect, session } = db as unknown as SessionInternals;
  if (!dialect || !session) return (await db.execute<Row>(query)) as { rows: Row[] };
  const built = dialect.sqlToQuery(query);
  return (await session.prepareQuery(built, undefined, statementName(built.sql), false).execute()) as { rows: Row[] };
}
