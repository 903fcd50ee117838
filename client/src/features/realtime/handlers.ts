import type { QueryClient } from "@tanstack/react-query";
import type { User } from "@shared/contracts/auth";
import type { Channel, ServerMessage, ServerMessageOf } from "@shared/realtime";
import type { ToastInput } from "@client/components/ui/toast";

/*
 * The realtime layer only carries messages; what they mean belongs to the feature whose data they touch. Each
 * feature exports one RealtimeHandler (features/<f>/realtime.ts) that updates its own queries through its own
 * key factory; app/realtime-handlers.ts lists them, and the bridge dispatches every message to that list.
 */

/** What a handler may use: the query cache (server data has no second store), who is signed in, and toasts. */
export interface RealtimeContext {
  queryClient: QueryClient;
  user: User;
  toast: (toast: ToastInput) => void;
}

type MessageHandlers = { [T in ServerMessage["type"]]?: (message: ServerMessageOf<T>, context: RealtimeContext) => void };

/** One feature's part in the realtime layer. */
export interface RealtimeHandler {
  /** Channels kept subscribed for as long as someone is signed in (pages may subscribe to more while mounted). */
  channels?: readonly Channel[];
  /** What to do with each message type the feature cares about. */
  messages?: MessageHandlers;
  /** The connection came back after a drop: anything on `channels` (those still wanted) may have been missed. */
  onReconnect?: (channels: readonly Channel[], context: RealtimeContext) => void;
  /** The connection dropped and is being retried. */
  onConnectionLost?: (context: RealtimeContext) => void;
}

/** Hands a message to every handler that has something to do with its type. */
export function dispatchMessage(handlers: readonly RealtimeHandler[], message: ServerMessage, context: RealtimeContext): void {
  for (const handler of handlers) {
    // The mapped type pairs each type with its own message; indexing by a union loses that pairing, hence the cast.
    const handle = handler.messages?.[message.type] as ((message: ServerMessage, context: RealtimeContext) => void) | undefined;
    handle?.(message, context);
  }
}
