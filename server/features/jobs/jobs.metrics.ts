import { Counter, Gauge, type Registry } from "prom-client";
import type { QueueFigures } from "./jobs.service";

/**
 * The queue's Prometheus instruments, registered on the app's registry. Depth and age come from the database at
 * scrape time (the same on every replica); completed/failed are this process's totals, so sum them over replicas.
 */
export function registerJobMetrics(registry: Registry, figures: () => Promise<QueueFigures>): void {
  const registers = [registry];
  // One database read per scrape, shared by the instruments below (prom-client collects them concurrently);
  // when the database does not answer, the scrape still succeeds with the last figures.
  let last: QueueFigures = { depth: [], oldestWaitingSeconds: 0, completedPerSecond: 0, processed: {} };
  let pending: Promise<QueueFigures> | undefined;
  const read = () => {
    pending ??= figures()
      .then(
        (f) => (last = f),
        () => last,
      )
      .finally(() => setImmediate(() => (pending = undefined)));
    return pending;
  };

  new Gauge({
    name: "fp_jobs_queue_depth",
    help: "Jobs not completed, by kind and state (queued = waiting or retrying, running, dead = dead-lettered).",
    labelNames: ["kind", "state"] as const,
    registers,
    async collect() {
      this.reset();
      for (const row of (await read()).depth) this.set({ kind: row.kind, state: row.state }, row.count);
    },
  });
  new Gauge({
    name: "fp_jobs_oldest_waiting_seconds",
    help: "How long the longest-waiting due job has waited (0 when the queue keeps up).",
    registers,
    async collect() {
      this.set((await read()).oldestWaitingSeconds);
    },
  });
  new Gauge({
    name: "fp_jobs_completed_per_second",
    help: "Jobs completed per second over the last minute, by every worker (from the database).",
    registers,
    async collect() {
      this.set((await read()).completedPerSecond);
    },
  });
  const totals = [
    ["fp_jobs_completed_total", "Jobs this process completed, by kind.", "completed"],
    ["fp_jobs_failed_total", "Failed tries in this process (retried or dead-lettered), by kind.", "failed"],
    ["fp_jobs_dead_lettered_total", "Jobs this process dead-lettered, by kind.", "deadLettered"],
  ] as const;
  for (const [name, help, field] of totals) {
    new Counter({
      name,
      help,
      labelNames: ["kind"] as const,
      registers,
      async collect() {
        this.reset();
        for (const [kind, counts] of Object.entries((await read()).processed)) this.inc({ kind }, counts[field]);
      },
    });
  }
}
