import type { ReplicaFigures } from "@shared/contracts/metrics";
import { formatCount, formatMb, formatMs, formatRate, formatShare } from "../format";

/** 3 h 12 min, 4 min, 35 s: how long a replica has been up. */
function formatUptime(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * One row per server (replica) heard from in the last 3 seconds: its share of the traffic and its health. The
 * headline figures above are the merge of these rows (ADR 049). Not a live region: it changes every second.
 */
export function ReplicasTable({ replicas }: { replicas: ReplicaFigures[] }) {
  return (
    <section aria-labelledby="replicas-title" className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm">
      <h2 id="replicas-title" className="text-base font-semibold text-stone-900">
        Servers
      </h2>
      <p className="mt-0.5 text-sm text-stone-600">
        {replicas.length === 1 ? "One server is running." : `${replicas.length} servers share the traffic; the figures above add them up.`}
      </p>
      {/* Scrolls sideways on a phone: focusable, so the keyboard can scroll it too (WCAG 2.1.1), like the shared Table. */}
      <div role="region" aria-labelledby="replicas-title" tabIndex={0} className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm tabular-nums" data-testid="replicas-table">
          <thead className="text-xs text-stone-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                Server
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Up
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Requests
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Errors
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                p99
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                WebSockets
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Memory
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                CPU
              </th>
              <th scope="col" className="py-2 font-medium">
                Event-loop lag
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 text-stone-900">
            {replicas.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="py-2 pr-4 font-mono text-xs font-normal">
                  {r.id}
                  {r.self ? <span className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 font-sans text-stone-700">this page's server</span> : null}
                </th>
                <td className="py-2 pr-4">{formatUptime(r.uptimeSeconds)}</td>
                <td className="py-2 pr-4">{formatRate(r.requestsPerSecond)}</td>
                <td className="py-2 pr-4">{formatShare(r.errorRate)}</td>
                <td className="py-2 pr-4">{formatMs(r.p99Ms)}</td>
                <td className="py-2 pr-4">{formatCount(r.wsConnections)}</td>
                <td className="py-2 pr-4">{formatMb(r.rssBytes / 1024 / 1024)}</td>
                <td className="py-2 pr-4">{`${Math.round(r.cpuPercent)}%`}</td>
                <td className="py-2">{formatMs(r.eventLoopLagMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
