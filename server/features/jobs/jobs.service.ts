import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { SQL } from "drizzle-orm";
import type { Logger } from "../../lib/logger";
import { TimeoutError, withTimeout } from "../../lib/timeout";
import type { ClaimedJob, JobsRepo, QueueDepthRow } from "./jobs.repo";
import { JOB_PRIORITIES, type EnqueueOptions, type JobHandler, type JobKindOptions, type JobPayload, type JobPriority, type JobQueue } from "./jobs.types";
import { retryDelaySeconds } from "./retry-delay";
import { SpanKind } from "@opentelemetry/api";
import { inSpan } from "../../lib/tracing";

export interface WorkerOptions {
  /** Jobs one process runs at the same time. */
  concurrency: number;
  /** How often an idle worker looks for due jobs. */
  pollMs: number;
  /** How long a claimed job stays ours without a heartbeat; a killed worker's jobs run again after it. */
  leaseSeconds: number;
}

const KIND_DEFAULTS: Required<JobKindOptions> = {
  retryLimit: 5,
  retryDelaySeconds: 10,
  timeoutSeconds: 60,
  everySeconds: 0,
  keepCompletedForever: false,
  priority: "normal",
};

/** The queue's own housekeeping: completed rows past the retention go (see ADR 031 for which stay). */
export const PURGE_COMPLETED_JOBS = "jobs.purge-completed";

interface Registration {
  handler: JobHandler;
  options: Required<JobKindOptions>;
}

interface RunningJob {
  job: ClaimedJob;
  abort: AbortController;
  done: Promise<void>;
}

/** Per-kind totals of this process since it started (Prometheus counters read them at scrape time). */
export interface ProcessedCounts {
  completed: number;
  failed: number;
  deadLettered: number;
}

export interface QueueFigures {
  depth: QueueDepthRow[];
  oldestWaitingSeconds: number;
  /** Jobs completed per second over the last minute, by every worker (from the database, the same on every replica). */
  completedPerSecond: number;
  processed: Record<string, ProcessedCounts>;
}

/** The window the dashboard's jobs/s is averaged over. */
const THROUGHPUT_WINDOW_SECONDS = 60;

/** The queue as the app wires it: features see the JobQueue part; boot and the worker process drive the rest. */
export interface JobsService extends JobQueue {
  /** Starts this process's worker loop (JOBS_MODE=inline or `npm run worker`). */
  start(overrides?: Partial<WorkerOptions>): void;
  /**
   * Stops claiming, lets running jobs finish for up to graceMs, then aborts the rest and hands them back to
   * the queue, so another worker runs them at once instead of after the lease.
   */
  stop(graceMs?: number): Promise<void>;
  readonly running: boolean;
  /**
   * Claims now instead of at the next poll: for a caller that knows a transaction with jobs just committed
   * (an enqueue inside `tx` cannot wake the worker itself). A no-op while no worker runs here.
   */
  wake(): void;
  /** What the dashboard and /metrics show: depth per kind and state, the oldest waiting job, this process's totals. */
  figures(): Promise<QueueFigures>;
}

/**
 * The PostgreSQL job queue (ADR 022): enqueue writes a row (inside the caller's transaction when given one);
 * start() runs a worker loop that leases due jobs with SKIP LOCKED, heartbeats their leases, retries failures
 * with backoff and dead-letters them past the kind's retry limit. Delivery is at least once: a handler whose
 * lease was lost (a crash, a frozen process) may run again, so handlers make their effects idempotent.
 */
export function createJobsService(deps: {
  repo: JobsRepo;
  logger: Logger;
  worker: WorkerOptions;
  completedRetentionDays: number;
  /** Told of every dead-lettered job (staff notifications, issue 16); must not throw. */
  onDeadLetter?: (job: { id: string; kind: string; lastError: string }) => void;
}): JobsService {
  const { repo, logger } = deps;
  const registrations = new Map<string, Registration>();
  const processed = new Map<string, ProcessedCounts>();
  const running = new Map<string, RunningJob>();
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let loop: Promise<void> | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let tickers: NodeJS.Timeout[] = [];

  const count = (kind: string, field: keyof ProcessedCounts) => {
    const counts = processed.get(kind) ?? { completed: 0, failed: 0, deadLettered: 0 };
    counts[field]++;
    processed.set(kind, counts);
  };
  // A nudge that comes while the loop is claiming (not waiting) is kept for it: that claim's snapshot may predate
  // the job that caused the nudge, and dropping it left the job to the next poll (a staff alert 1 s late).
  let nudged = false;
  // A kind not registered in this process (yet) is enqueued as normal.
  const priorityOf = (kind: string, own?: JobPriority) => JOB_PRIORITIES[own ?? registrations.get(kind)?.options.priority ?? "normal"];
  const nudge = () => {
    if (wake) wake();
    else nudged = true;
  };

  async function execute(job: ClaimedJob, registration: Registration, abort: AbortController): Promise<void> {
    const { handler, options } = registration;
    try {
      // The handler's signal fires on its timeout and on shutdown (stop() aborts `abort`).
      // One CONSUMER span per run (off at no cost): the handler's queries and outgoing calls (webhooks carry its
      // traceparent) become its children; a failure marks it.
      await inSpan(
        `job ${job.kind}`,
        { "messaging.operation.type": "process", "job.kind": job.kind, "job.id": job.id, "job.attempt": job.attempts },
        () =>
          withTimeout(
            (timedOut) => handler(job.payload, { id: job.id, attempt: job.attempts, signal: AbortSignal.any([abort.signal, timedOut]) }),
            options.timeoutSeconds * 1000,
            `job ${job.kind}`,
          ),
        SpanKind.CONSUMER,
      );
      if (await repo.complete(job.id, workerId)) count(job.kind, "completed");
      else logger.warn({ jobId: job.id, kind: job.kind }, "job finished after its lease was lost");
    } catch (err) {
      // Shutting down and the handler gave up on the abort: stop() releases the job rather than failing it.
      if (stopping && abort.signal.aborted && !(err instanceof TimeoutError)) return;
      const message = err instanceof Error ? err.message : String(err);
      const dead = job.attempts > options.retryLimit;
      const delay = dead ? null : retryDelaySeconds(job.attempts, options.retryDelaySeconds);
      if (!(await repo.fail(job.id, workerId, message.slice(0, 2000), delay))) return;
      count(job.kind, "failed");
      if (dead) {
        count(job.kind, "deadLettered");
        deps.onDeadLetter?.({ id: job.id, kind: job.kind, lastError: message });
      }
      logger.warn(
        { jobId: job.id, kind: job.kind, attempt: job.attempts, err: message, retryInSeconds: delay },
        dead ? "job dead-lettered" : "job failed; will retry",
      );
    }
  }

  function run(job: ClaimedJob) {
    const registration = registrations.get(job.kind)!;
    const abort = new AbortController();
    // A job whose worker kept dying mid-try (lease expired every time) would otherwise loop forever.
    const work =
      job.attempts > registration.options.retryLimit + 1
        ? repo.fail(job.id, workerId, "abandoned by its worker too many times", null).then(() => {
            count(job.kind, "deadLettered");
            deps.onDeadLetter?.({ id: job.id, kind: job.kind, lastError: "abandoned by its worker too many times" });
          })
        : execute(job, registration, abort);
    const done = work
      .catch((err: Error) => logger.error({ jobId: job.id, kind: job.kind, err: err.message }, "job bookkeeping failed"))
      .finally(() => {
        running.delete(job.id);
        nudge();
      });
    running.set(job.id, { job, abort, done });
  }

  async function workLoop(options: WorkerOptions) {
    let errorBackoffMs = options.pollMs;
    while (!stopping) {
      const free = options.concurrency - running.size;
      let claimedAll = false;
      // Claim in batches: wait until half the slots are free rather than one claim query per finished job.
      if (free > 0 && (running.size === 0 || free >= Math.ceil(options.concurrency / 2))) {
        try {
          nudged = false;
          const claimed = await repo.claim([...registrations.keys()], free, workerId, options.leaseSeconds);
          if (stopping) {
            await repo.release(
              claimed.map((j) => j.id),
              workerId,
            );
            break;
          }
          claimed.forEach(run);
          claimedAll = claimed.length === free;
          errorBackoffMs = options.pollMs;
        } catch (err) {
          logger.error({ err: (err as Error).message }, "claiming jobs failed");
          errorBackoffMs = Math.min(errorBackoffMs * 2, 30_000);
          await sleep(errorBackoffMs);
          continue;
        }
      }
      if (claimedAll) continue; // more may be due right now
      if (nudged) {
        nudged = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  /**
   * Offers this window's job of a periodic kind. Every worker offers it (a third of a window apart, so a missed
   * offer is made up soon); the window's dedupe key lets exactly one row in. Wall clocks of workers differ by a
   * little at most, which at a window's edge can mean one extra run — harmless, periodic handlers are idempotent.
   */
  function offerPeriodic(kind: string, everySeconds: number) {
    const windowNumber = Math.floor(Date.now() / 1000 / everySeconds);
    repo.insert({ kind, payload: {}, dedupeKey: `every-${everySeconds}s:${windowNumber}`, priority: priorityOf(kind) }).then(
      (inserted) => inserted && nudge(),
      (err: Error) => logger.warn({ kind, err: err.message }, "offering a periodic job failed"),
    );
  }

  function startTicker(kind: string, everySeconds: number) {
    offerPeriodic(kind, everySeconds);
    const ticker = setInterval(() => offerPeriodic(kind, everySeconds), (everySeconds * 1000) / 3);
    ticker.unref();
    tickers.push(ticker);
  }

  const service: JobsService = {
    async enqueue<P extends JobPayload>(kind: string, payload: P, options: EnqueueOptions = {}): Promise<void> {
      await repo.insert(
        { kind, payload, dedupeKey: options.dedupeKey, delaySeconds: options.delaySeconds, priority: priorityOf(kind, options.priority) },
        options.tx,
      );
      // Without a transaction the row is visible now; inside one, the next poll finds it after the commit.
      if (!options.tx && !options.delaySeconds) nudge();
    },

    enqueueSql<P extends JobPayload>(kind: string, payload: P, options: Pick<EnqueueOptions, "dedupeKey">, from: SQL): SQL {
      return repo.insertFromSql({ kind, payload, dedupeKey: options.dedupeKey, priority: priorityOf(kind) }, from);
    },

    register<P extends JobPayload>(kind: string, handler: JobHandler<P>, options: JobKindOptions = {}): void {
      if (registrations.has(kind)) throw new Error(`job kind "${kind}" is already registered`);
      registrations.set(kind, { handler: handler as JobHandler, options: { ...KIND_DEFAULTS, ...options } });
      if (loop && options.everySeconds) startTicker(kind, options.everySeconds);
    },

    start(overrides: Partial<WorkerOptions> = {}): void {
      if (loop) return;
      const options = { ...deps.worker, ...overrides };
      stopping = false;
      heartbeat = setInterval(
        () => {
          repo
            .extendLeases([...running.keys()], workerId, options.leaseSeconds)
            .catch((err: Error) => logger.warn({ err: err.message }, "extending job leases failed"));
        },
        (options.leaseSeconds * 1000) / 3,
      );
      heartbeat.unref();
      for (const [kind, { options: kindOptions }] of registrations) if (kindOptions.everySeconds) startTicker(kind, kindOptions.everySeconds);
      loop = workLoop(options);
      logger.info({ workerId, kinds: [...registrations.keys()], concurrency: options.concurrency }, "job worker started");
    },

    async stop(graceMs = 5_000): Promise<void> {
      if (!loop) return;
      stopping = true;
      tickers.forEach(clearInterval);
      tickers = [];
      nudge();
      await loop;
      const finished = Promise.all([...running.values()].map((r) => r.done));
      await withTimeout(finished, graceMs, "running jobs").catch(() => undefined);
      const unfinished = [...running.values()];
      unfinished.forEach((r) => r.abort.abort());
      await repo.release(
        unfinished.map((r) => r.job.id),
        workerId,
      );
      // A moment for aborted handlers to unwind before the caller closes the database under them.
      await withTimeout(Promise.all(unfinished.map((r) => r.done)), 1_000, "aborted jobs").catch(() => undefined);
      clearInterval(heartbeat);
      loop = undefined;
      if (unfinished.length) logger.info({ released: unfinished.length }, "released unfinished jobs at shutdown");
    },

    wake: () => nudge(),

    get running(): boolean {
      return loop !== undefined;
    },

    async figures(): Promise<QueueFigures> {
      const [depth, oldestWaitingSeconds, completed] = await Promise.all([
        repo.depth(),
        repo.oldestWaitingSeconds(),
        repo.completedWithin(THROUGHPUT_WINDOW_SECONDS),
      ]);
      return { depth, oldestWaitingSeconds, completedPerSecond: completed / THROUGHPUT_WINDOW_SECONDS, processed: Object.fromEntries(processed) };
    },
  };

  service.register(
    PURGE_COMPLETED_JOBS,
    async () => {
      const keep = [...registrations].filter(([, r]) => r.options.keepCompletedForever).map(([kind]) => kind);
      const purged = await repo.purgeCompleted(deps.completedRetentionDays, keep);
      if (purged) logger.info({ purged, retentionDays: deps.completedRetentionDays }, "purged completed jobs");
    },
    { everySeconds: 3_600 },
  );
  return service;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
