import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

/**
 * queued: waiting for run_at (first try or a retry); running: leased by a worker until locked_until;
 * completed: done (kept, so a dedupe key stays taken); dead: out of retries (the dead letters).
 */
export const jobStates = ["queued", "running", "completed", "dead"] as const;
export type JobState = (typeof jobStates)[number];

/** The durable job queue (ADR 022). Rows are written inside the business transaction (outbox). */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    state: text("state", { enum: jobStates }).notNull().default("queued"),
    /** At most one job per (kind, dedupe_key) ever; NULL keys never collide. */
    dedupeKey: text("dedupe_key"),
    /** Tries started so far, including one cut short by a crash. */
    attempts: integer("attempts").notNull().default(0),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    /** Due jobs are claimed highest priority first, then oldest run_at (ADR 085); the kind's, copied at enqueue. */
    priority: smallint("priority").notNull().default(0),
    lockedBy: text("locked_by"),
    /** The lease: past it, a running job counts as abandoned and any worker may take it again. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jobs_kind_dedupe_key_unique").on(t.kind, t.dedupeKey),
    // The claim query's two ways in: due queued jobs and expired leases.
    index("jobs_queued_priority_run_at_idx")
      .on(t.priority.desc().nullsFirst(), t.runAt)
      .where(sql`${t.state} = 'queued'`),
    index("jobs_running_locked_until_idx")
      .on(t.lockedUntil)
      .where(sql`${t.state} = 'running'`),
    index("jobs_state_kind_idx").on(t.state, t.kind),
    // Completed jobs by finish time: the dashboard's jobs/s (the last minute) and the retention purge.
    index("jobs_completed_finished_at_idx")
      .on(t.finishedAt)
      .where(sql`${t.state} = 'completed'`),
    check("jobs_attempts_not_negative", sql`${t.attempts} >= 0`),
  ],
);
