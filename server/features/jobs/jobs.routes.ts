import { idParams } from "@shared/contracts/common";
import { failedJob, failedJobPage, failedJobsQuery } from "@shared/contracts/jobs";
import { routeTable } from "../../lib/route-table";
import { requestMeta } from "../audit/request-meta";
import type { JobsAdmin } from "./jobs.admin";

/** Dead-lettered jobs for admins: list and retry (the service checks again). */
export const jobsRoutes = routeTable<JobsAdmin>(
  {
    mount: "/api/v1",
    tag: { name: "Jobs", description: "Background jobs that ran out of retries (admins only)." },
    schemas: { FailedJob: failedJob, FailedJobList: failedJobPage },
    commonErrors: true,
  },
  (route) => [
    route({
      method: "get",
      path: "/jobs/failed",
      operationId: "listFailedJobs",
      summary: "List dead-lettered jobs, most recently failed first",
      description: "Jobs that failed on every try, with their last error. Admins only.",
      access: "admin",
      request: { query: failedJobsQuery },
      responses: { 200: { description: "A page of failed jobs.", schema: failedJobPage } },
      errors: [400, "unauthenticated", "forbidden"],
      handler: ({ user, query }, admin) => admin.listFailed(user, query),
    }),
    route({
      method: "post",
      path: "/jobs/:id/retry",
      operationId: "retryFailedJob",
      summary: "Queue a failed job again",
      description:
        "The job runs again at once with a fresh retry budget; the retry is audited (`job.retried`). 404 when no failed job has this id (already retried, or never failed).",
      access: "admin",
      request: { params: idParams },
      responses: { 204: { description: "Queued again." } },
      errors: [400, "unauthenticated", "forbidden", "csrf_failed", "not_found"],
      handler: ({ user, params, req }, admin) => admin.retry(user, params.id, requestMeta(req)),
    }),
  ],
);
