import { useMemo, useState } from "react";
import type { MetricsSummary } from "@shared/contracts/metrics";
import { ConsolePageHeader } from "@client/app/console-shell";
import { Button } from "@client/components/ui/button";
import { QueryErrorState } from "@client/components/ui/query-error-state";
import { Skeleton } from "@client/components/ui/skeleton";
import { useMe } from "@client/features/auth/api/auth";
import { useMetricsSummary } from "../api/dashboard";
import { formatClock } from "../format";
import { toChartRows } from "../series";
import { useLiveDashboard } from "../use-live-dashboard";
import { ConnectionIndicator } from "./connection-indicator";
import { KpiCards } from "./kpi-cards";
import { QueueCard } from "./queue-card";
import { LatestOrdersFeed } from "./latest-orders-feed";
import { MetricCharts } from "./metric-charts";
import { ReplicasTable } from "./replicas-table";

function DashboardSkeleton() {
  return (
    <div aria-busy="true" className="space-y-4">
      <p role="status" className="sr-only">
        Loading the dashboard
      </p>
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-28 w-full rounded-2xl" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-72 w-full rounded-2xl" />
        ))}
      </div>
    </div>
  );
}

/**
 * The staff live dashboard: seeded from GET /metrics/summary, then advanced every second by the socket's
 * `metrics` snapshots (through the query cache). Pause freezes what is shown; snapshots keep arriving into the
 * cache meanwhile (bounded to 15 minutes), so Resume jumps straight to the present.
 */
export function Dashboard() {
  useLiveDashboard();
  const summary = useMetricsSummary();
  // The failed-jobs page is admin-only: staff see the count, admins also the link.
  const isAdmin = useMe().data?.role === "admin";
  const [frozen, setFrozen] = useState<MetricsSummary | null>(null);
  const shown = frozen ?? summary.data;
  const rows = useMemo(() => (shown ? toChartRows(shown.series) : []), [shown]);

  const togglePause = () => setFrozen((current) => (current ? null : (summary.data ?? null)));

  return (
    <>
      <title>Live dashboard · FruitfulPlanet</title>
      <ConsolePageHeader
        title="Live dashboard"
        description="Traffic, latency, server health, sales and background jobs, updating every second."
        actions={
          <div className="flex flex-wrap items-center gap-2 sm:gap-3">
            <ConnectionIndicator />
            <Button variant="secondary" aria-pressed={frozen !== null} onClick={togglePause} disabled={!summary.data}>
              {frozen ? "Resume updates" : "Pause updates"}
            </Button>
          </div>
        }
      />
      {summary.isPending ? (
        <DashboardSkeleton />
      ) : summary.isError && !summary.data ? (
        <QueryErrorState
          error={summary.error}
          title="We couldn't load the dashboard's figures"
          onRetry={() => void summary.refetch()}
          retrying={summary.isRefetching}
        />
      ) : shown ? (
        <div className="space-y-6">
          <p className="text-sm text-stone-600" data-testid="dashboard-updated">
            {frozen ? (
              <>
                <strong className="font-semibold text-amber-900">Paused</strong> at <time dateTime={frozen.now.at}>{formatClock(frozen.now.at)}</time>. New
                figures are still collected and show when you resume.
              </>
            ) : (
              <>
                Figures as of <time dateTime={shown.now.at}>{formatClock(shown.now.at)}</time>.
              </>
            )}
          </p>
          <KpiCards now={shown.now} />
          <QueueCard jobs={shown.now.jobs} canSeeFailures={isAdmin} />
          <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
            <MetricCharts rows={rows} />
            {/* Beside the charts on wide screens; right under the figures on smaller ones (it matters more than a chart). */}
            <div className="order-first xl:order-none">
              <LatestOrdersFeed />
            </div>
          </div>
          {/* Below the charts: they only redraw while on screen, so nothing may push them down. */}
          {shown.now.replicas?.length ? <ReplicasTable replicas={shown.now.replicas} /> : null}
        </div>
      ) : null}
    </>
  );
}
