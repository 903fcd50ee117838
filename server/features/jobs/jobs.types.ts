import type { SQL } from "drizzle-orm";
import type { TxScope } from "../../db";

/**
 * The seam between features that need durable work done after a commit (mail, webhooks, reconciliation, …)
 * and the PostgreSQL job queue that does it. Enqueue inside the business transaction (pass `tx`): a rolled-back
 * write enqueues nothing, a committed one always runs its jobs (transactional outbox).
 */
export type JobPayload = Record<string, unknown>;

export interface EnqueueOptions {
  /** The business transaction the job commits or rolls back with. */
  tx?: TxScope;
  /** At most one job with this key ever runs per kind (e.g. `receipt:<orderId>`), whatever retries or replicas do. */
  dedupeKey?: string;
  /** Run no earlier than this many seconds from now. */
  delaySeconds?: number;
  /** This job's claim priority, when it differs from its kind's (ADR 085). */
  priority?: JobPriority;
}

export interface JobContext {
  id: string;
  /** 1 on the first try. */
  attempt: number;
  /** Aborted when the worker shuts down; long handlers should stop and let the job run again. */
  signal: AbortSignal;
}

/**
 * Claim priorities (ADR 085): due jobs of an urgent kind are claimed before older normal ones. Urgent is for work
 * a person is waiting on within seconds (the staff bell after an order); everything else is normal.
 */
export const JOB_PRIORITIES = { urgent: 10, normal: 0 } as const;
export type JobPriority = keyof typeof JOB_PRIORITIES;

export interface JobKindOptions {
  /** Retries after the first try before the job is dead-lettered. */
  retryLimit?: number;
  /** First retry delay; later ones grow exponentially with jitter. */
  retryDelaySeconds?: number;
  /** Longest a single try may run before it counts as failed. */
  timeoutSeconds?: number;
  /**
   * Periodic kinds: every worker process offers one job of this kind (payload `{}`) per `everySeconds` window,
   * keyed by the window, so exactly one runs cluster-wide per tick however many workers there are.
   */
  everySeconds?: number;
  /**
   * Completed jobs are purged after the queue's retention (their dedupe keys free again). A kind whose key must
   * stay taken for good — a later enqueue with the same key could really happen — keeps its rows forever.
   */
  keepCompletedForever?: boolean;
  /** Copied into each job at enqueue; default normal. */
  priority?: JobPriority;
}

export type JobHandler<P extends JobPayload = JobPayload> = (payload: P, job: JobContext) => Promise<void>;

export interface JobQueue {
  enqueue<P extends JobPayload>(kind: string, payload: P, options?: EnqueueOptions): Promise<void>;
  /**
   * The same job row as an INSERT … SELECT for a caller's single statement (checkout, ADR 075): one job per row of
   * `from` (a CTE of that statement, so the job exists only if that CTE wrote something). Runs when due like any other.
   */
  enqueueSql<P extends JobPayload>(kind: string, payload: P, options: Pick<EnqueueOptions, "dedupeKey">, from: SQL): SQL;
  /** Registers the handler for a kind; a process with workers off still registers (kinds are known everywhere). */
  register<P extends JobPayload>(kind: string, handler: JobHandler<P>, options?: JobKindOptions): void;
}
