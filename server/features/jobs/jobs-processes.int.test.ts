import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runInTransaction, type Database } from "../../db";
import { createLogger } from "../../lib/logger";
import { startChildWorker, type ChildWorker } from "../../test/child-server";
import { testDatabase, workerDatabaseUrl } from "../../test/database";
import { waitFor } from "../../test/wait-for";
import { createJobsRepo } from "./jobs.repo";
import { createJobsService, type JobsService } from "./jobs.service";

/**
 * Real worker processes (server/test/job-probe-worker.ts = `npm run worker` + probe kinds) on one PostgreSQL
 * database. Embedded PGlite is one process by design, so this file needs DATABASE_URL.
 */
const LEASE_SECONDS = 2;

const exitCode = async (worker: ChildWorker) => (await worker.exited).code;

describe.skipIf(!process.env.DATABASE_URL)("worker processes on PostgreSQL", () => {
  let url: string;
  let database: Database;
  let jobs: JobsService;
  const children: ChildWorker[] = [];
  const spawnWorker = async (overrides: Record<string, string> = {}) => {
    const worker = await startChildWorker("server/test/job-probe-worker.ts", {
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: "5",
      JOBS_CONCURRENCY: "10",
      JOBS_POLL_MS: "20",
      JOBS_LEASE_SECONDS: String(LEASE_SECONDS),
      SHUTDOWN_GRACE_MS: "4000",
      ...overrides,
    });
    children.push(worker);
    return worker;
  };
  const events = async (jobId?: string) => {
    const { rows } = await database.db.execute<{ job_id: string; event: string; pid: number; at: Date }>(
      jobId ? sql`select * from job_probe_events where job_id = ${jobId} order by at` : sql`select * from job_probe_events order by at`,
    );
    return rows;
  };
  const jobRow = async (id: string) => {
    const { rows } = await database.db.execute<{ state: string; attempts: number; locked_by: string | null; locked_until: Date | null }>(
      sql`select state, attempts, locked_by, locked_until from jobs where id = ${id}`,
    );
    return rows[0]!;
  };
  const probeJobIds = async () => {
    const { rows } = await database.db.execute<{ id: string }>(sql`select id from jobs where kind like 'probe.%' order by created_at`);
    return rows.map((r) => r.id);
  };

  beforeAll(async () => {
    url = (await workerDatabaseUrl())!;
    database = await testDatabase();
    await database.db.execute(
      sql`create table if not exists job_probe_events (job_id uuid not null, event text not null, pid integer not null, at timestamptz not null default clock_timestamp())`,
    );
    jobs = createJobsService({
      repo: createJobsRepo(database.db),
      logger: createLogger("silent"),
      worker: { concurrency: 1, pollMs: 1000, leaseSeconds: 30 },
      completedRetentionDays: 14,
    });
  });
  beforeEach(async () => {
    await database.db.execute(sql`delete from jobs where kind like 'probe.%'`);
    await database.db.execute(sql`delete from job_probe_events`);
  });
  afterAll(async () => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  it("when two workers share 1,000 jobs, then each job runs exactly once and both workers take part", async () => {
    const [a, b] = await Promise.all([spawnWorker(), spawnWorker()]);
    await runInTransaction(database.db, async (tx) => {
      for (let n = 0; n < 1000; n++) await jobs.enqueue("probe.count", { n }, { tx });
    });
    const committedAt = performance.now();
    const doneCount = async () => {
      const { rows } = await database.db.execute<{ done: number }>(sql`select count(*)::int as done from job_probe_events where event = 'done'`);
      return Number(rows[0]!.done);
    };
    await waitFor(async () => (await doneCount()) >= 1000, 60_000, "1,000 jobs done");
    const seconds = (performance.now() - committedAt) / 1000;
    console.info(`[jobs] 1,000 jobs on 2 worker processes in ${seconds.toFixed(2)} s = ${Math.round(1000 / seconds)} jobs/s`);

    await new Promise((r) => setTimeout(r, 300)); // a duplicate run would show up now
    const all = await events();
    const done = all.filter((e) => e.event === "done");
    expect(done).toHaveLength(1000);
    expect(new Set(done.map((e) => e.job_id)).size).toBe(1000);
    expect(all.filter((e) => e.event === "start")).toHaveLength(1000);
    const pids = new Set(done.map((e) => e.pid));
    expect(pids).toEqual(new Set([a.child.pid, b.child.pid]));
    const { rows } = await database.db.execute<{ state: string; count: number }>(
      sql`select state, count(*)::int as count from jobs where kind = 'probe.count' group by state`,
    );
    expect(rows.map((r) => ({ state: r.state, count: Number(r.count) }))).toEqual([{ state: "completed", count: 1000 }]);

    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await Promise.all([exitCode(a), exitCode(b)])).toEqual([0, 0]);
  });

  it("when a worker is killed with -9 mid-job, then the job runs again once its lease expires", async () => {
    const first = await spawnWorker();
    await jobs.enqueue("probe.slow", { sleepMs: 60_000 });
    const [jobId] = await probeJobIds();
    await waitFor(async () => (await events(jobId)).length === 1, 20_000, "first start");
    first.child.kill("SIGKILL");
    await first.exited;
    const orphaned = await jobRow(jobId!);
    expect(orphaned.state).toBe("running");

    const second = await spawnWorker();
    await waitFor(async () => (await jobRow(jobId!)).state === "completed", 30_000, "the job to complete on the second worker");
    const runs = await events(jobId);
    expect(runs.map((e) => [e.event, e.pid])).toEqual([
      ["start", first.child.pid],
      ["start", second.child.pid],
      ["done", second.child.pid],
    ]);
    // Not taken over while the dead worker's lease still held.
    expect(new Date(runs[1]!.at).getTime()).toBeGreaterThanOrEqual(new Date(orphaned.locked_until!).getTime());
    expect((await jobRow(jobId!)).attempts).toBe(2);
    second.child.kill("SIGTERM");
    expect(await exitCode(second)).toBe(0);
  });

  it("when a worker gets SIGTERM, then it finishes short jobs, hands long ones back, answers probes until then and exits 0", async () => {
    const worker = await spawnWorker();
    const probe = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${worker.probePort}/api/health/${path}`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect(await probe("liveness")).toMatchObject({ status: 200, body: { status: "ok" } });
    expect(await probe("readiness")).toMatchObject({ status: 200, body: { status: "ready", checks: { database: "healthy" } } });
    expect((await fetch(`http://127.0.0.1:${worker.probePort}/api/v1/products`)).status).toBe(404);

    await jobs.enqueue("probe.slow", { sleepMs: 800 });
    await jobs.enqueue("probe.slow", { sleepMs: 60_000 });
    const [shortId, longId] = await probeJobIds();
    await waitFor(async () => (await events()).length === 2, 20_000, "both jobs started");
    worker.child.kill("SIGTERM");
    expect(await exitCode(worker)).toBe(0);

    expect((await events(shortId)).map((e) => e.event)).toEqual(["start", "done"]);
    expect(await jobRow(shortId!)).toMatchObject({ state: "completed", attempts: 1 });
    expect(await jobRow(longId!)).toMatchObject({ state: "queued", attempts: 0, locked_by: null });

    const next = await spawnWorker();
    await waitFor(async () => (await jobRow(longId!)).state === "completed", 20_000, "the handed-back job to complete");
    expect((await events(longId)).map((e) => e.event)).toEqual(["start", "start", "done"]);
    next.child.kill("SIGTERM");
    expect(await exitCode(next)).toBe(0);
  });
});
