import type { Snapshot } from "@shared/contracts/metrics";
import { formatCents, formatCount, formatMs, formatRate, formatShare } from "../format";

interface Kpi {
  id: string;
  label: string;
  value: string;
  detail: string;
}

function kpisOf(now: Snapshot): Kpi[] {
  const { http, ws, business } = now;
  // Cluster-wide figures (ADR 049): every replica's requests and sockets, merged.
  const replicas = now.replicas?.length ?? 1;
  const where = replicas === 1 ? "this server" : `${replicas} servers`;
  return [
    { id: "requests", label: "Requests", value: formatRate(http.requestsPerSecond), detail: `API requests in the last second, on ${where}` },
    { id: "p95", label: "p95 latency", value: formatMs(http.p95Ms), detail: `p50 ${formatMs(http.p50Ms)} · p99 ${formatMs(http.p99Ms)}` },
    { id: "errors", label: "Error rate", value: formatShare(http.errorRate), detail: "Responses with a 5xx status" },
    { id: "websockets", label: "WebSocket connections", value: formatCount(ws.connections), detail: `Open on ${where}` },
    { id: "orders", label: "Orders today", value: formatCount(business.ordersToday), detail: "Paid, shipped or delivered, since 00:00 UTC" },
    { id: "revenue", label: "Revenue today", value: formatCents(business.revenueTodayCents), detail: "Total of today's orders" },
    { id: "active-users", label: "Active users", value: formatCount(business.activeUsers), detail: "Signed in, seen in the last 5 minutes" },
    { id: "conversion", label: "Conversion", value: formatShare(business.conversionRate), detail: "Customers who ordered ÷ customers active today" },
  ];
}

/** The eight headline figures of the latest snapshot. Not a live region: they change every second. */
export function KpiCards({ now }: { now: Snapshot }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      {kpisOf(now).map((kpi) => (
        <div key={kpi.id} data-testid={`kpi-${kpi.id}`} className="flex flex-col rounded-2xl border border-stone-200 bg-white p-4 shadow-sm">
          <dt className="text-sm font-medium text-stone-600">{kpi.label}</dt>
          <dd data-testid="kpi-value" className="mt-1 text-2xl font-bold tabular-nums tracking-tight text-stone-900 sm:text-3xl">
            {kpi.value}
          </dd>
          <dd className="mt-1 text-xs text-stone-600">{kpi.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
