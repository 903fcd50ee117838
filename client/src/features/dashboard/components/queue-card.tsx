import { Link } from "wouter";
import type { Snapshot } from "@shared/contracts/metrics";
import { formatCount, formatRate } from "../format";

/** "12 s", "4 min", "2 h": how long the oldest due job has waited. */
function formatWait(seconds: number): string {
  if (seconds < 60) return `${formatCount(Math.round(seconds))} s`;
  if (seconds < 3_600) return `${formatCount(Math.round(seconds / 60))} min`;
  return `${formatCount(Math.round(seconds / 3_600))} h`;
}

/**
 * The job queue at a glance (all workers, from the database): what waits, what runs, how fast jobs finish, how
 * long the oldest has waited, and the failures an admin must look at. A wait over a minute or any failure is
 * highlighted, in words as well as colour.
 */
export function QueueCard({ jobs, canSeeFailures }: { jobs: Snapshot["jobs"]; canSeeFailures: boolean }) {
  const lagging = jobs.oldestWaitingSeconds >= 60;
  const figures = [
    { id: "queued", label: "Waiting", value: formatCount(jobs.queued) },
    { id: "running", label: "Running", value: formatCount(jobs.running) },
    { id: "rate", label: "Completed", value: formatRate(jobs.completedPerSecond) },
    { id: "oldest", label: "Oldest waiting", value: jobs.oldestWaitingSeconds > 0 ? formatWait(jobs.oldestWaitingSeconds) : "none", alert: lagging },
    { id: "failed", label: "Failed", value: formatCount(jobs.failed), alert: jobs.failed > 0 },
  ];
  return (
    <section aria-labelledby="queue-card-title" data-testid="queue-card" className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="queue-card-title" className="text-base font-semibold text-stone-900">
          Background jobs
        </h2>
        <p className="text-xs text-stone-600">E-mails, webhooks, reconciliation and housekeeping, across every worker</p>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {figures.map((figure) => (
          <div key={figure.id} data-testid={`queue-${figure.id}`}>
            <dt className="text-sm font-medium text-stone-600">{figure.label}</dt>
            <dd data-testid="queue-value" className={`mt-1 text-xl font-bold tabular-nums ${figure.alert ? "text-red-800" : "text-stone-900"}`}>
              {figure.value}
              {figure.alert && <span className="sr-only"> (needs attention)</span>}
            </dd>
          </div>
        ))}
      </dl>
      {jobs.failed > 0 && canSeeFailures && (
        <p className="mt-3 text-sm">
          <Link href="/admin/jobs" className="font-medium text-brand-800 underline-offset-2 hover:underline">
            Review failed jobs
          </Link>
        </p>
      )}
    </section>
  );
}
