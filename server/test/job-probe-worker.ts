import { sql } from "drizzle-orm";
import { runWorkerProcess } from "../features/jobs/worker-process";

/**
 * `npm run worker` plus the probe kinds the queue's process tests count with. Each try records "start" and, when
 * it completes, "done" in job_probe_events (created by the test), so a test sees every run of every job.
 * `probe.slow` sleeps `sleepMs` on its first start only, honouring the shutdown signal, so a crashed or released
 * job completes quickly when it runs again.
 */
await runWorkerProcess({
  register(services, ctx) {
    const record = (jobId: string, event: "start" | "done") =>
      ctx.db.execute(sql`insert into job_probe_events (job_id, event, pid) values (${jobId}, ${event}, ${process.pid})`);

    services.jobs.register("probe.count", async (_payload, job) => {
      await record(job.id, "start");
      await record(job.id, "done");
    });

    services.jobs.register(
      "probe.slow",
      async (payload, job) => {
        const { rows } = await ctx.db.execute<{ starts: number }>(
          sql`select count(*)::int as starts from job_probe_events where job_id = ${job.id} and event = 'start'`,
        );
        await record(job.id, "start");
        if (Number(rows[0]?.starts ?? 0) === 0) {
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(resolve, Number(payload.sleepMs));
            job.signal.addEventListener("abort", () => {
              clearTimeout(timer);
              reject(new Error("aborted by shutdown"));
            });
          });
        }
        await record(job.id, "done");
      },
      { timeoutSeconds: 120 },
    );
  },
});
