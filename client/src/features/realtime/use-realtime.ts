import { useEffect, useRef, useSyncExternalStore } from "react";
import type { Channel, ServerMessage } from "@shared/realtime";
import { realtime, type ConnectionSnapshot } from "@client/lib/ws";

/** The tab's connection state (idle, connecting, live, reconnecting, offline), re-rendering on change. */
export function useConnection(): ConnectionSnapshot {
  return useSyncExternalStore(realtime.subscribeState, realtime.getSnapshot, realtime.getSnapshot);
}

/** Keeps `channel` subscribed while the calling component is mounted (reference counted; resubscribed after reconnects). */
export function useRealtimeChannel(channel: Channel, enabled = true): void {
  useEffect(() => (enabled ? realtime.subscribe(channel) : undefined), [channel, enabled]);
}

/**
 * Calls `handler` with every valid server message while mounted. Handlers should only write to the TanStack
 * Query cache (through a feature's key factory): server data has no second store.
 */
export function useRealtimeMessages(handler: (message: ServerMessage) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => realtime.onMessage((message) => latest.current(message)), []);
}

/** Runs `onReconnect` each time the connection comes back after a drop (events may have been missed meanwhile). */
export function useOnReconnect(onReconnect: () => void): void {
  const { opens } = useConnection();
  const latest = useRef(onReconnect);
  useEffect(() => {
    latest.current = onReconnect;
  });
  const seen = useRef(opens);
  useEffect(() => {
    if (opens > seen.current && opens > 1) latest.current();
    seen.current = opens;
  }, [opens]);
}
