import type { Role } from "@shared/contracts/auth";
import type { ListOf } from "@shared/contracts/common";
import type { FailedJob, FailedJobsFilters } from "@shared/contracts/jobs";
import { AppError, notFound } from "../../lib/app-error";
import { decodeKeyset, toPage } from "../../lib/pagination";
import { looksLikeUuid } from "../../lib/uuid";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import type { DeadJobRow, JobsRepo } from "./jobs.repo";

export type JobsViewer = { id: string; email: string; role: Role } | undefined;

const SORT = "jobs:failed-newest";
const DB_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function assertAdmin(viewer: JobsViewer): asserts viewer is NonNullable<JobsViewer> {
  if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
  if (viewer.role !== "admin") throw new AppError("forbidden", "Only admins can see and retry failed jobs.");
}

const toFailedJob = (row: DeadJobRow): FailedJob => ({
  id: row.id,
  kind: row.kind,
  payload: row.payload,
  dedupeKey: row.dedupeKey,
  attempts: row.attempts,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  failedAt: (row.finishedAt ?? row.createdAt).toISOString(),
});

/** Dead letters for admins: the list, and a retry that gives a job a fresh retry budget (audited). */
export function createJobsAdmin(deps: { repo: JobsRepo; audit: AuditService }) {
  const { repo, audit } = deps;
  return {
    async listFailed(viewer: JobsViewer, filters: FailedJobsFilters): Promise<ListOf<FailedJob>> {
      assertAdmin(viewer);
      const after = filters.cursor
        ? (([finishedAt, id]) => ({ finishedAt: finishedAt as string, id: id as string }))(
            decodeKeyset(filters.cursor, SORT, [(v) => typeof v === "string" && DB_TIMESTAMP.test(v), (v) => typeof v === "string" && looksLikeUuid(v)]),
          )
        : undefined;
      const rows = await repo.listDead({ after, limit: filters.limit });
      return toPage(rows, filters.limit, SORT, (r) => [r.finishedAtText, r.id], toFailedJob);
    },

    /** Queues a dead job again; 404 when no dead job has this id (never was, or already retried). */
    async retry(viewer: JobsViewer, id: string, meta: RequestMeta): Promise<void> {
      assertAdmin(viewer);
      await repo.transaction(async (tx) => {
        const requeued = await repo.requeueDead(id, tx);
        if (!requeued) throw notFound("Failed job");
        await audit.record(
          {
            actor: { id: viewer.id, email: viewer.email, role: viewer.role },
            action: "job.retried",
            target: { type: "job", id },
            summary: { kind: requeued.kind },
          },
          meta,
          tx,
        );
      });
    },
  };
}
export type JobsAdmin = ReturnType<typeof createJobsAdmin>;
