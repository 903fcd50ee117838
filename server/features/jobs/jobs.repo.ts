import { and, desc, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import { jobs, type JobState } from "@shared/schema";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";
import { cursorTimestamp } from "../../lib/timestamp-cursor";
import { JOB_PRIORITIES } from "./jobs.types";

/** The only module that touches the jobs table. Every state change is guarded by the lease holder's id. */

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey?: string;
  delaySeconds?: number;
  /** The kind's claim priority (ADR 085); 0 when unset. */
  priority?: number;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface DeadJobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** finished_at as the database's UTC text with microseconds (the keyset cursor value). */
  finishedAtText: string;
}

export interface QueueDepthRow {
  kind: string;
  state: JobState;
  count: number;
}

export function createJobsRepo(db: Db) {
  return {
    transaction: <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn),

    /** Inserts the job; a taken (kind, dedupe key) inserts nothing. Returns whether a row was written. */
    async insert(job: NewJob, tx?: TxScope): Promise<boolean> {
      const runAt = job.delaySeconds ? sql`now() + make_interval(secs => ${job.delaySeconds})` : sql`now()`;
      const rows = await executorOf(db, tx)
        .insert(jobs)
        .values({ kind: job.kind, payload: job.payload, dedupeKey: job.dedupeKey ?? null, runAt, priority: job.priority ?? 0 })
        .onConflictDoNothing({ target: [jobs.kind, jobs.dedupeKey] })
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    /** `insert` as an INSERT … SELECT over `from`, for a caller's single statement (no round trip of its own). */
    insertFromSql(job: Omit<NewJob, "delaySeconds">, from: SQL): SQL {
      return sql`insert into ${jobs} (kind, payload, dedupe_key, run_at, priority)
        select ${job.kind}, ${JSON.stringify(job.payload)}::jsonb, ${job.dedupeKey ?? null}, now(), ${job.priority ?? 0}::smallint from ${from}
        on conflict (kind, dedupe_key) do nothing`;
    },

    /**
     * Leases up to `limit` due jobs of the given kinds, highest priority first, then oldest run_at (ADR 085): a
     * backlog of mail and webhook deliveries does not hold back the staff bell. Queued ones whose time has come and
     * running ones whose lease expired (their worker died). SKIP LOCKED lets concurrent workers claim disjoint rows
     * without waiting. Each state is read through its own partial index in claim order and stops after `limit`
     * rows (ADR 081): one query with `(queued …) or (running …)` cannot walk an index in order, so it sorted every
     * due job to take a few — a claim cost that grew with the backlog (2.3 ms at 2,900 queued order.notify jobs
     * after a checkout burst, ~0.3 ms this way, whatever the backlog).
     */
    async claim(kinds: string[], limit: number, workerId: string, leaseSeconds: number): Promise<ClaimedJob[]> {
      if (kinds.length === 0 || limit <= 0) return [];
      const kindList = sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      );
      const { rows } = await db.execute<{ id: string; kind: string; payload: Record<string, unknown>; attempts: number }>(sql`
        with queued as (
          select id, priority, run_at from ${jobs}
          where state = 'queued' and run_at <= now() and kind in (${kindList})
          order by priority desc, run_at
          limit ${limit}
          for update skip locked
        ), lapsed as (
          select id, priority, run_at from ${jobs}
          where state = 'running' and locked_until < now() and kind in (${kindList})
          order by run_at
          limit ${limit}
          for update skip locked
        ), due as (
          -- A row locked above but not kept here is released when this statement commits.
          select id from (select * from queued union all select * from lapsed) candidates
          order by priority desc, run_at
          limit ${limit}
        )
        update ${jobs} j
        set state = 'running', attempts = j.attempts + 1, locked_by = ${workerId},
            locked_until = now() + make_interval(secs => ${leaseSeconds})
        from due where j.id = due.id
        returning j.id, j.kind, j.payload, j.attempts`);
      return rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, attempts: Number(r.attempts) }));
    },

    /** Keeps the leases of jobs still running in this worker alive. */
    async extendLeases(ids: string[], workerId: string, leaseSeconds: number): Promise<void> {
      if (ids.length === 0) return;
      await db
        .update(jobs)
        .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
        .where(and(inArray(jobs.id, ids), eq(jobs.lockedBy, workerId), eq(jobs.state, "running")));
    },

    /** False when the lease was lost meanwhile (another worker may have run the job again). */
    async complete(id: string, workerId: string): Promise<boolean> {
      const rows = await db
        .update(jobs)
        .set({ state: "completed", finishedAt: sql`now()`, lockedBy: null, lockedUntil: null, lastError: null })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, "running")))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    /** A failed try: queued again after `retryInSeconds`, or dead-lettered when retryInSeconds is null. */
    async fail(id: string, workerId: string, error: string, retryInSeconds: number | null): Promise<boolean> {
      const rows = await db
        .update(jobs)
        .set(
          retryInSeconds === null
            ? { state: "dead", finishedAt: sql`now()`, lockedBy: null, lockedUntil: null, lastError: error }
            : { state: "queued", runAt: sql`now() + make_interval(secs => ${retryInSeconds})`, lockedBy: null, lockedUntil: null, lastError: error },
        )
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, "running")))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    /** Hands unfinished jobs back at shutdown; the interrupted try does not count against the retry limit. */
    async release(ids: string[], workerId: string): Promise<void> {
      if (ids.length === 0) return;
      await db
        .update(jobs)
        .set({ state: "queued", attempts: sql`greatest(${jobs.attempts} - 1, 0)`, runAt: sql`now()`, lockedBy: null, lockedUntil: null })
        .where(and(inArray(jobs.id, ids), eq(jobs.lockedBy, workerId), eq(jobs.state, "running")));
    },

    /** Deletes completed jobs finished more than `days` ago, except those of `keepKinds`. Returns how many went. */
    async purgeCompleted(days: number, keepKinds: string[]): Promise<number> {
      const rows = await db
        .delete(jobs)
        .where(
          and(
            eq(jobs.state, "completed"),
            sql`${jobs.finishedAt} < now() - make_interval(days => ${days})`,
            keepKinds.length ? notInArray(jobs.kind, keepKinds) : undefined,
          ),
        )
        .returning({ id: jobs.id });
      return rows.length;
    },

    /** Dead-lettered jobs, most recently failed first, keyset-paged on (finished_at, id). */
    async listDead(params: { after?: { finishedAt: string; id: string }; limit: number }): Promise<DeadJobRow[]> {
      const after = params.after ? sql`(${jobs.finishedAt}, ${jobs.id}) < (${params.after.finishedAt}::timestamptz, ${params.after.id}::uuid)` : undefined;
      return db
        .select({
          id: jobs.id,
          kind: jobs.kind,
          payload: jobs.payload,
          dedupeKey: jobs.dedupeKey,
          attempts: jobs.attempts,
          lastError: jobs.lastError,
          createdAt: jobs.createdAt,
          finishedAt: jobs.finishedAt,
          finishedAtText: cursorTimestamp(jobs.finishedAt),
        })
        .from(jobs)
        .where(and(eq(jobs.state, "dead"), after))
        .orderBy(desc(jobs.finishedAt), desc(jobs.id))
        .limit(params.limit + 1);
    },

    /** A dead job queued again with a fresh retry budget; undefined when it is not (or no longer) dead. */
    async requeueDead(id: string, tx?: TxScope): Promise<{ id: string; kind: string } | undefined> {
      const [row] = await executorOf(db, tx)
        .update(jobs)
        .set({ state: "queued", attempts: 0, runAt: sql`now()`, finishedAt: null })
        .where(and(eq(jobs.id, id), eq(jobs.state, "dead")))
        .returning({ id: jobs.id, kind: jobs.kind });
      return row;
    },

    /** Jobs not completed, per kind and state (completed rows are history, not depth). */
    async depth(): Promise<QueueDepthRow[]> {
      const rows = await db
        .select({ kind: jobs.kind, state: jobs.state, count: sql<number>`count(*)::int` })
        .from(jobs)
        .where(inArray(jobs.state, ["queued", "running", "dead"]))
        .groupBy(jobs.kind, jobs.state);
      return rows.map((r) => ({ ...r, count: Number(r.count) }));
    },

    /** Jobs completed in the last `seconds`, by every worker (the dashboard's jobs/s). */
    async completedWithin(seconds: number): Promise<number> {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(jobs)
        .where(and(eq(jobs.state, "completed"), sql`${jobs.finishedAt} > now() - make_interval(secs => ${seconds})`));
      return Number(row?.count ?? 0);
    },

    /** Age in seconds of the longest-waiting due job, 0 when none waits. */
    async oldestWaitingSeconds(): Promise<number> {
      const { rows } = await db.execute<{ age: number | string | null }>(
        // The oldest of each priority's oldest: one probe of the (priority, run_at) index per priority.
        sql`select extract(epoch from now() - min(oldest.run_at)) as age
          from unnest(${`{${Object.values(JOB_PRIORITIES).join(",")}}`}::smallint[]) p(priority),
          lateral (select run_at from ${jobs} j where j.state = 'queued' and j.priority = p.priority and j.run_at <= now() order by j.run_at limit 1) oldest`,
      );
      return Math.max(0, Number(rows[0]?.age ?? 0));
    },
  };
}
export type JobsRepo = ReturnType<typeof createJobsRepo>;
