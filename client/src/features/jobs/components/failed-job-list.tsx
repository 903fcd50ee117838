import { CircleCheck } from "lucide-react";
import type { FailedJob } from "@shared/contracts/jobs";
import { Button } from "@client/components/ui/button";
import { EmptyState } from "@client/components/ui/empty-state";
import { ListScaffold } from "@client/components/ui/list-scaffold";
import { Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { useToast } from "@client/components/ui/toast";
import { formatDate, formatTime } from "@client/lib/dates";
import { useFailedJobPages, useRetryJob } from "../api/jobs";

function RetryButton({ job }: { job: FailedJob }) {
  const retry = useRetryJob();
  const { toast } = useToast();
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={retry.isPending}
      aria-label={`Retry ${job.kind} job ${job.id}`}
      onClick={() =>
        retry.mutate(job.id, {
          onSuccess: () => toast({ title: "Job queued again", description: `${job.kind} runs again now.`, tone: "success" }),
          onError: (error) => toast({ title: "Not retried", description: error.message, tone: "error" }),
        })
      }
    >
      {retry.isPending ? "Retrying…" : "Retry"}
    </Button>
  );
}

/** Background jobs that ran out of retries, most recently failed first, each with its last error and a retry. */
export function FailedJobList() {
  const query = useFailedJobPages();
  const jobs = query.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <ListScaffold
      noun="failed job"
      title="the failed jobs"
      query={query}
      items={jobs}
      pages={query}
      testId="failed-jobs-count"
      moreLabel="older failures available"
      loadMoreLabel="Load older failures"
      loadingMoreLabel="Loading older failures"
      empty={
        <EmptyState icon={CircleCheck} title="No failed jobs" description="Mails, webhook deliveries and housekeeping that fail on every try show up here." />
      }
    >
      {(items) => (
        <Table caption="Failed jobs" busy={query.isFetching}>
          <THead>
            <Tr>
              <Th>Kind</Th>
              <Th>Last error</Th>
              <Th>Tries</Th>
              <Th>Failed</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {items.map((job) => (
              <Tr key={job.id}>
                <Td>
                  <code className="font-mono text-xs font-semibold">{job.kind}</code>
                  {job.dedupeKey && <div className="mt-1 break-all font-mono text-xs text-stone-500">{job.dedupeKey}</div>}
                </Td>
                <Td className="max-w-md break-words text-sm text-red-800">{job.lastError ?? "—"}</Td>
                <Td className="tabular-nums">{job.attempts}</Td>
                <Td className="whitespace-nowrap">
                  {formatDate(job.failedAt)} {formatTime(job.failedAt)}
                </Td>
                <Td>
                  <RetryButton job={job} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </ListScaffold>
  );
}
