import type { ConnectionStatus } from "@client/lib/ws";
import { useConnection } from "@client/features/realtime/use-realtime";

const appearance: Record<ConnectionStatus, { label: string; box: string; dot: string }> = {
  live: { label: "Live", box: "border-emerald-300 bg-emerald-50 text-emerald-900", dot: "bg-emerald-600 animate-pulse motion-reduce:animate-none" },
  connecting: { label: "Connecting…", box: "border-sky-300 bg-sky-50 text-sky-900", dot: "border-2 border-sky-700 bg-transparent" },
  reconnecting: { label: "Reconnecting…", box: "border-amber-300 bg-amber-50 text-amber-900", dot: "border-2 border-amber-700 bg-transparent" },
  offline: { label: "Offline", box: "border-red-300 bg-red-50 text-red-900", dot: "bg-red-700 rounded-none rotate-45" },
  idle: { label: "Not connected", box: "border-stone-300 bg-stone-50 text-stone-800", dot: "bg-stone-500" },
};

/**
 * The live connection's state in words (colour and dot shape only repeat it). A polite live region: a screen reader
 * hears "Reconnecting…" or "Live" when it changes, and nothing while figures tick.
 */
export function ConnectionIndicator() {
  const { status } = useConnection();
  const look = appearance[status];
  return (
    <p
      role="status"
      data-testid="connection-status"
      data-status={status}
      className={`inline-flex h-10 items-center gap-2 rounded-full border px-3 text-sm font-semibold ${look.box}`}
    >
      <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${look.dot}`} />
      <span>
        <span className="sr-only">Connection: </span>
        {look.label}
      </span>
    </p>
  );
}
