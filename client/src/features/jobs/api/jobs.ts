import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ListOf } from "@shared/contracts/common";
import type { FailedJob } from "@shared/contracts/jobs";
import { auditKeys } from "@client/features/audit/api/audit";
import { api, cursorPaging } from "@client/lib/api";

export type FailedJobPage = ListOf<FailedJob>;
export const FAILED_JOBS_PAGE_SIZE = 25;

/** The jobs feature's one query-key factory. */
export const jobKeys = {
  all: ["jobs"] as const,
  failed: () => [...jobKeys.all, "failed"] as const,
};

export const failedJobPagesOptions = () =>
  infiniteQueryOptions({
    queryKey: jobKeys.failed(),
    queryFn: ({ pageParam, signal }) => api.get<FailedJobPage>("/api/v1/jobs/failed", { limit: FAILED_JOBS_PAGE_SIZE, cursor: pageParam }, signal),
    ...cursorPaging,
    // Jobs fail in the background: show the current list on every visit.
    staleTime: 0,
  });
export const useFailedJobPages = () => useInfiniteQuery(failedJobPagesOptions());

/** Queues a dead job again (204); it leaves the failed list, and the retry is audited. */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/v1/jobs/${encodeURIComponent(id)}/retry`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: jobKeys.failed() });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
