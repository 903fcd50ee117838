import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import type { Logger } from "../lib/logger";
import { withTimeout } from "../lib/timeout";
import { openDatabase, type Database, type Db } from "./index";

/**
 * Read replicas (ADR 064): read-only queries of a request may go to a streaming replica (DATABASE_REPLICA_URL)
 * when three things hold, else they go to the primary:
 * - the request allows it (`withReadScope`): a GET/HEAD without a recent write by this client (read-your-writes);
 *   outside any request (jobs, boot, scripts) nothing is read from the replica;
 * - the last health check reached the replica and found it in recovery (a promoted replica has diverged);
 * - its measured lag is at most REPLICA_MAX_LAG_MS.
 * Repos that only read take `routedReads(router)` instead of the primary's Db: the choice is made per query.
 */

/** How stale a replica's answers may be: the age of the oldest primary WAL position it has not yet replayed. */
export type ReplicaState = "unknown" | "healthy" | "lagging" | "down" | "not_standby";

export interface ReplicaRouter {
  /** The Db a read-only query should use now (the replica or the primary). */
  pick(): Db;
  state(): ReplicaState;
  /** Last measured lag in ms (undefined until measured). */
  lagMs(): number | undefined;
  /** How long after a write a client reads from the primary: longer than the lag the router can fail to see. */
  readYourWritesMs: number;
  close(): Promise<void>;
}

interface ReadScope {
  replicaAllowed: boolean;
}
const scope = new AsyncLocalStorage<ReadScope>();

/** Runs `fn` (a request's handling) with replica reads allowed or not; everything it awaits inherits the choice. */
export function withReadScope<T>(replicaAllowed: boolean, fn: () => T): T {
  return scope.run({ replicaAllowed }, fn);
}

/** "16/B374D848" → a comparable number (WAL positions are 64-bit). */
export function lsnToBigInt(lsn: string): bigint {
  const [high, low] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

interface LsnSample {
  at: number;
  lsn: bigint;
}

/**
 * Lag from WAL positions rather than pg_last_xact_replay_timestamp(): the timestamp grows while the primary is
 * idle, which would call an up-to-date replica "lagging". The primary's position is sampled on every check;
 * the lag is the age of the oldest sample the replica has not replayed yet (0 when it has replayed them all).
 */
export function lagFromSamples(samples: LsnSample[], replayed: bigint, now: number): number {
  const behind = samples.find((s) => s.lsn > replayed);
  return behind ? now - behind.at : 0;
}

export interface ReplicaOptions {
  url: string;
  primary: Database;
  maxLagMs: number;
  poolSize?: number;
  logger?: Logger;
  /** Health check period (default: a quarter of the allowed lag, between 50 and 500 ms). */
  checkEveryMs?: number;
}

export async function openReadReplica(options: ReplicaOptions): Promise<ReplicaRouter> {
  const { primary, maxLagMs, logger } = options;
  const replica = await openDatabase({ url: options.url, poolSize: options.poolSize, logger });
  const checkEveryMs = options.checkEveryMs ?? Math.min(500, Math.max(50, Math.floor(maxLagMs / 4)));
  const samples: LsnSample[] = [];
  let state: ReplicaState = "unknown";
  let lag: number | undefined;
  let checking = false;

  const report = (next: ReplicaState, detail?: string) => {
    if (next !== state) logger?.warn({ replica: next, previous: state, lagMs: lag, err: detail }, "read replica state changed");
    state = next;
  };

  const check = async () => {
    if (checking) return; // a slow check is not stacked under the next one
    checking = true;
    try {
      const position = await withTimeout(primary.db.execute<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`), 1_000, "primary WAL position");
      samples.push({ at: Date.now(), lsn: lsnToBigInt(position.rows[0]!.lsn) });
      const { rows } = await withTimeout(
        replica.db.execute<{ standby: boolean; lsn: string | null }>(sql`select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn`),
        1_000,
        "replica WAL position",
      );
      const row = rows[0]!;
      if (!row.standby || row.lsn === null) return report("not_standby");
      const replayed = lsnToBigInt(row.lsn);
      lag = lagFromSamples(samples, replayed, Date.now());
      // Samples the replica has replayed are no longer needed, except the newest (the next comparison's floor).
      while (samples.length > 1 && samples[0]!.lsn <= replayed) samples.shift();
      if (samples.length > 10_000) samples.splice(0, samples.length - 10_000);
      report(lag <= maxLagMs ? "healthy" : "lagging");
    } catch (err) {
      lag = undefined;
      report("down", (err as Error).message);
    } finally {
      checking = false;
    }
  };
  await check();
  const timer = setInterval(() => void check(), checkEveryMs);
  timer.unref();

  return {
    pick: () => (state === "healthy" && scope.getStore()?.replicaAllowed === true ? replica.db : primary.db),
    state: () => state,
    lagMs: () => lag,
    readYourWritesMs: maxLagMs + 3 * checkEveryMs,
    async close() {
      clearInterval(timer);
      await replica.close();
    },
  };
}

/**
 * A Db for repos that only read: every property access (db.select, db.execute, db.query…) goes to the Db the
 * router picks at that moment. A transaction passed to such a repo (`executorOf(db, tx)`) still runs on the
 * primary, where it was opened.
 */
export function routedReads(router: Pick<ReplicaRouter, "pick">): Db {
  return new Proxy({} as Db, {
    get(_target, property) {
      const db = router.pick();
      const value = Reflect.get(db, property, db) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(db) : value;
    },
  });
}
