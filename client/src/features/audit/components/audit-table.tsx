import { Link } from "wouter";
import type { AuditEntry } from "@shared/contracts/audit";
import { Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { formatDate, formatTime } from "@client/lib/dates";
import { filtersHref } from "@client/lib/url-filters";
import { actionLabel, isFailureAction } from "../action-labels";
import { auditFilters } from "../search-params";
import { auditSentence } from "../sentence";
import { summaryLines } from "../summary";

const shortId = (id: string) => id.slice(0, 8);

function Summary({ summary }: { summary: Record<string, unknown> }) {
  const lines = summaryLines(summary);
  if (lines.length === 0) return <span className="text-stone-500">—</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {lines.map((line) => (
        <li key={line.label} className="break-words">
          <span className="text-stone-500">{line.label}:</span>{" "}
          {line.before !== undefined ? (
            <>
              <span className="text-stone-700 line-through decoration-stone-400">{line.before}</span>
              <span aria-hidden="true" className="mx-1 text-stone-500">
                →
              </span>
              <span className="sr-only"> changed to </span>
              <span className="font-semibold text-stone-900">{line.value}</span>
            </>
          ) : (
            <span className="text-stone-800">{line.value}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function AuditTable({ entries, busy }: { entries: AuditEntry[]; busy?: boolean }) {
  return (
    <Table caption="Audit log entries, newest first" busy={busy}>
      <THead>
        <tr>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Details</Th>
          <Th>IP</Th>
          <Th>Request</Th>
        </tr>
      </THead>
      <TBody>
        {entries.map((entry) => {
          const actor = entry.actor?.email ?? entry.actor?.id ?? null;
          return (
            <Tr key={entry.id} data-testid="audit-row">
              <Td className="whitespace-nowrap text-stone-600">
                <time dateTime={entry.createdAt}>
                  <span className="block text-stone-800">{formatDate(entry.createdAt)}</span>
                  <span className="block text-xs">{formatTime(entry.createdAt)}</span>
                </time>
              </Td>
              <Td className="whitespace-nowrap">
                {actor ? (
                  <Link href={filtersHref(auditFilters, { actor })} title="Show only this actor's entries" className="text-brand-800 hover:underline">
                    {actor}
                  </Link>
                ) : (
                  <span className="text-stone-500">System</span>
                )}
              </Td>
              <Td className="whitespace-nowrap">
                <span
                  className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${isFailureAction(entry.action) ? "bg-red-50 text-red-800" : "bg-brand-50 text-brand-900"}`}
                >
                  {actionLabel(entry.action)}
                </span>
                <span className="mt-1 block font-mono text-xs text-stone-500">{entry.action}</span>
              </Td>
              <Td className="whitespace-nowrap text-xs">
                {entry.targetType ? (
                  <>
                    <span className="text-stone-700">{entry.targetType}</span>
                    {entry.targetId && (
                      <span className="ml-1 font-mono text-stone-500" title={entry.targetId}>
                        {shortId(entry.targetId)}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-stone-500">—</span>
                )}
              </Td>
              <Td className="min-w-48">
                <p className="mb-1 text-sm text-stone-900" data-testid="audit-sentence">
                  {auditSentence(entry)}
                </p>
                <Summary summary={entry.summary} />
              </Td>
              <Td className="whitespace-nowrap font-mono text-xs text-stone-600">{entry.ip ?? "—"}</Td>
              <Td className="font-mono text-xs text-stone-600">
                {entry.requestId ? (
                  <span title={entry.requestId} className="whitespace-nowrap">
                    {entry.requestId.length > 8 ? `${entry.requestId.slice(0, 8)}…` : entry.requestId}
                    {entry.requestId.length > 8 && <span className="sr-only"> (full id: {entry.requestId})</span>}
                  </span>
                ) : (
                  "—"
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
