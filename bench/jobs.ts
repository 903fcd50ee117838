// npm run bench:jobs — job queue throughput on PostgreSQL: no-op jobs drained by 1 and then 2 workers.
//
// Each round enqueues BENCH_JOBS (2,000) jobs in one transaction, then starts the workers (each its own
// JobsService with its own connection pool, concurrency 10, 20 ms polls — what `npm run worker` runs) and
// times until every job is completed. Prints jobs/s per round with the load average, since on a shared machine
// that says as much as the figure. No-op handlers measure the queue itself (claim, complete, heartbeat).
//
// Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/fp_jobs_bench; dropped and
// recreated), BENCH_JOBS (2000).
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { openDatabase, runInTransaction, type Database } from "../server/db";
import { createJobsRepo } from "../server/features/jobs/jobs.repo";
import { createJobsService } from "../server/features/jobs/jobs.service";
import { createLogger } from "../server/lib/logger";
import { recreateDatabase } from "./lib/bench-database";
import { intFromEnv, round, sleep } from "./lib/config";

const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/fp_jobs_bench";
const JOBS = intFromEnv("BENCH_JOBS", 2_000);
const KIND = "bench.noop";
const logger = createLogger("warn");

async function drain(database: Database, workerCount: number): Promise<{ workers: number; jobsPerSecond: number; load: string }> {
  await database.db.execute(sql`delete from jobs where kind = ${KIND}`);
  const queue = createJobsService({
    repo: createJobsRepo(database.db),
    logger,
    worker: { concurrency: 10, pollMs: 20, leaseSeconds: 30 },
    completedRetentionDays: 14,
  });
  await runInTransaction(database.db, async (tx) => {
    for (let n = 0; n < JOBS; n++) await queue.enqueue(KIND, { n }, { tx });
  });
  const pools = await Promise.all(Array.from({ length: workerCount }, () => openDatabase({ url, poolSize: 5 })));
  const workers = pools.map((pool) => {
    const worker = createJobsService({
      repo: createJobsRepo(pool.db),
      logger,
      worker: { concurrency: 10, pollMs: 20, leaseSeconds: 30 },
      completedRetentionDays: 14,
    });
    worker.register(KIND, async () => {});
    return worker;
  });
  const started = performance.now();
  workers.forEach((w) => w.start());
  for (;;) {
    const { rows } = await database.db.execute<{ done: number }>(sql`select count(*)::int as done from jobs where kind = ${KIND} and state = 'completed'`);
    if (Number(rows[0]!.done) >= JOBS) break;
    await sleep(20);
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all(pools.map((p) => p.close()));
  return {
    workers: workerCount,
    jobsPerSecond: round(JOBS / seconds),
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  };
}

await recreateDatabase(url);
const database = await openDatabase({ url, poolSize: 2 });
await database.migrate();
try {
  for (const workers of [1, 2]) {
    const result = await drain(database, workers);
    console.log(`${result.workers} worker(s): ${JOBS} no-op jobs at ${result.jobsPerSecond} jobs/s (load average ${result.load})`);
  }
} finally {
  await database.close();
}
