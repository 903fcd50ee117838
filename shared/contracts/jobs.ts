import { z } from "zod";
import { isoDateTime, listOf, pageQuery, uuid } from "./common";

/** GET /api/v1/jobs/failed: dead-lettered jobs, most recently failed first (admins). */
export const failedJobsQuery = z.object({ ...pageQuery }).strict();
export type FailedJobsQuery = z.input<typeof failedJobsQuery>;
export type FailedJobsFilters = z.output<typeof failedJobsQuery>;

export const failedJob = z.object({
  id: uuid,
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  dedupeKey: z.string().nullable(),
  /** Tries made before it was given up. */
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: isoDateTime,
  failedAt: isoDateTime,
});
export type FailedJob = z.infer<typeof failedJob>;

export const failedJobPage = listOf(failedJob);
