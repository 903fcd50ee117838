import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import type { User } from "@shared/contracts/auth";
import type { ServerMessage } from "@shared/realtime";
import { useToast } from "@client/components/ui/toast";
import { realtime } from "@client/lib/ws";
import { dispatchMessage, type RealtimeContext, type RealtimeHandler } from "./handlers";
import { useConnection, useOnReconnect, useRealtimeMessages } from "./use-realtime";

interface RealtimeBridgeProps {
  user: User;
  /** Every feature's handler (app/realtime-handlers.ts): the bridge knows no feature's queries itself. */
  handlers: readonly RealtimeHandler[];
}

/**
 * The realtime layer for a signed-in user: holds the tab's one connection, keeps the channels the handlers ask
 * for, and dispatches every message, reconnect and drop to the handlers. Keyed by user id by its parent, so a
 * different sign-in gets a new connection.
 */
export function RealtimeBridge({ user, handlers }: RealtimeBridgeProps) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { status } = useConnection();
  const context = useMemo<RealtimeContext>(() => ({ queryClient, user, toast }), [queryClient, user, toast]);

  useEffect(() => {
    realtime.start(user.id);
    return () => realtime.stop();
  }, [user.id]);

  const channels = useMemo(() => [...new Set(handlers.flatMap((handler) => handler.channels ?? []))], [handlers]);
  useEffect(() => {
    const releases = channels.map((channel) => realtime.subscribe(channel));
    return () => releases.forEach((release) => release());
  }, [channels]);

  const refetchMissed = () => {
    const wanted = realtime.wantedChannels();
    for (const handler of handlers) handler.onReconnect?.(wanted, context);
  };
  useRealtimeMessages((message: ServerMessage) => {
    // The server's fan-out was interrupted (Redis pub/sub reconnected): events may be lost, as after our own reconnect.
    if (message.type === "resync") refetchMissed();
    else dispatchMessage(handlers, message, context);
  });

  useOnReconnect(refetchMissed);
  // Once per drop, not again whenever the signed-in user's data is refetched meanwhile.
  const latest = useRef({ handlers, context });
  useEffect(() => {
    latest.current = { handlers, context };
  });
  useEffect(() => {
    if (status !== "reconnecting") return;
    for (const handler of latest.current.handlers) handler.onConnectionLost?.(latest.current.context);
  }, [status]);

  return null;
}
