import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";
import type { ListOf } from "@shared/contracts/common";
import type { MetricsSummary, Snapshot } from "@shared/contracts/metrics";
import type { Order } from "@shared/contracts/orders";
import { api } from "@client/lib/api";
import { appendPoint, SERIES_WINDOW_MS } from "../series";

/** How many orders the live feed keeps (newest first). */
export const FEED_SIZE = 20;

/**
 * The dashboard's one query-key factory. The WebSocket advances these entries (metrics snapshots, new orders)
 * with setQueryData: the cache is the only store of what the dashboard shows.
 */
export const dashboardKeys = {
  all: ["dashboard"] as const,
  summary: () => [...dashboardKeys.all, "metrics-summary"] as const,
  latestOrders: () => [...dashboardKeys.all, "latest-orders"] as const,
};

export const metricsSummaryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.summary(),
    queryFn: async ({ signal }): Promise<MetricsSummary> => {
      const summary = await api.get<MetricsSummary>("/api/v1/metrics/summary", undefined, signal);
      // The series is at 5 s; `now` is the latest second: start the chart from both.
      return { now: summary.now, series: appendPoint(summary.series, summary.now, SERIES_WINDOW_MS) };
    },
    // Kept current by the socket; a fresh load happens on mount and after a reconnect (see useLiveDashboard).
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    gcTime: 0,
  });

export const latestOrdersOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.latestOrders(),
    queryFn: ({ signal }) => api.get<ListOf<Order>>("/api/v1/orders", { limit: FEED_SIZE }, signal),
    select: (page) => page.data,
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    gcTime: 0,
  });

export const useMetricsSummary = () => useQuery(metricsSummaryOptions());
export const useLatestOrders = () => useQuery(latestOrdersOptions());

/** A `metrics` message: the newest snapshot becomes `now` and joins the series (which keeps 15 minutes). */
export function appendSnapshot(queryClient: QueryClient, snapshot: Snapshot): void {
  queryClient.setQueryData<MetricsSummary>(dashboardKeys.summary(), (summary) => {
    // Before the first load (or after it failed) there is no series to extend: the load brings one.
    if (!summary) return summary;
    const series = appendPoint(summary.series, snapshot, SERIES_WINDOW_MS);
    return series === summary.series ? summary : { now: snapshot, series };
  });
}

/** An `order.created` message: the order goes on top of the feed (once), which keeps FEED_SIZE. */
export function prependOrder(queryClient: QueryClient, order: Order): void {
  queryClient.setQueryData<ListOf<Order>>(dashboardKeys.latestOrders(), (page) => {
    if (!page) return page;
    const data = [order, ...page.data.filter((o) => o.id !== order.id)].slice(0, FEED_SIZE);
    return { ...page, data };
  });
}
