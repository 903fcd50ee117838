import type { Role } from "@shared/contracts/auth";
import type { OrderStatus } from "@shared/contracts/orders";
import { channels, type Channel, type ServerMessage } from "@shared/realtime";
import type { EventBus } from "../../lib/events";
import type { MetricsService } from "../metrics/metrics.service";
import { isStaff } from "@shared/contracts/auth";

/** What the hub needs of a `ws` WebSocket (a fake in unit tests). */
export interface HubSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Buffer, options: { binary: boolean }): void;
  terminate(): void;
}

export interface HubClient {
  socket: HubSocket;
  user: { id: string; role: Role };
  channels: Set<Channel>;
  /** Consecutive broadcasts skipped because the send buffer was over the cap. */
  skipped: number;
  /** Since when (epoch ms) the send buffer has been over the cap, if it is. */
  overCapSince?: number;
}

export interface BackpressureOptions {
  /** A client whose send buffer holds more than this is skipped instead of buffering more (default 1 MiB). */
  maxBufferedBytes: number;
  /** …and terminated after this many consecutive skips (default 50)… */
  maxConsecutiveSkips: number;
  /** …or once it has stayed over the cap this long (default 10 s). */
  maxOverCapMs: number;
}

export const DEFAULT_BACKPRESSURE: BackpressureOptions = { maxBufferedBytes: 1024 * 1024, maxConsecutiveSkips: 50, maxOverCapMs: 10_000 };

export interface HubInstruments {
  sent(count: number): void;
  dropped(): void;
  terminated(reason: string): void;
}

const OPEN = 1;

/**
 * Who is subscribed to what on this replica, and delivery: a broadcast is serialised ONCE into one buffer
 * and that same buffer is written to every eligible socket. A slow reader is skipped rather than buffered
 * without bound, and dropped when it stays slow.
 */
export function createHub(options: { backpressure?: Partial<BackpressureOptions>; now?: () => number; instruments?: HubInstruments } = {}) {
  const limits = { ...DEFAULT_BACKPRESSURE, ...options.backpressure };
  const now = options.now ?? Date.now;
  const instruments = options.instruments;
  const clients = new Set<HubClient>();
  const members = new Map<Channel, Set<HubClient>>(channels.map((c) => [c, new Set<HubClient>()]));

  const terminate = (client: HubClient, reason: string) => {
    instruments?.terminated(reason);
    client.socket.terminate();
  };

  /** Writes one frame unless the client is over its buffer cap; true when written. */
  const deliver = (client: HubClient, frame: Buffer): boolean => {
    if (client.socket.readyState !== OPEN) return false;
    if (client.socket.bufferedAmount > limits.maxBufferedBytes) {
      const t = now();
      client.overCapSince ??= t;
      client.skipped++;
      instruments?.dropped();
      if (client.skipped >= limits.maxConsecutiveSkips || t - client.overCapSince >= limits.maxOverCapMs) terminate(client, "backpressure");
      return false;
    }
    client.skipped = 0;
    client.overCapSince = undefined;
    client.socket.send(frame, { binary: false });
    return true;
  };

  return {
    add(socket: HubSocket, user: HubClient["user"]): HubClient {
      const client: HubClient = { socket, user, channels: new Set(), skipped: 0 };
      clients.add(client);
      return client;
    },

    remove(client: HubClient): void {
      clients.delete(client);
      for (const channel of client.channels) members.get(channel)!.delete(client);
      client.channels.clear();
    },

    join(client: HubClient, channel: Channel): void {
      client.channels.add(channel);
      members.get(channel)!.add(client);
    },

    leave(client: HubClient, channel: Channel): void {
      client.channels.delete(channel);
      members.get(channel)!.delete(client);
    },

    /** A message for one client (replies, welcome, errors). */
    send(client: HubClient, message: ServerMessage): void {
      if (deliver(client, Buffer.from(JSON.stringify(message)))) instruments?.sent(1);
    },

    /** Sends `message` to the channel's members that pass `eligible`; serialised once, on the first recipient. Returns the recipients. */
    broadcast(channel: Channel, message: ServerMessage, eligible?: (client: HubClient) => boolean): number {
      let frame: Buffer | undefined;
      let delivered = 0;
      for (const client of members.get(channel)!) {
        if (eligible && !eligible(client)) continue;
        frame ??= Buffer.from(JSON.stringify(message));
        if (deliver(client, frame)) delivered++;
      }
      if (delivered) instruments?.sent(delivered);
      return delivered;
    },

    /** Terminates clients that stayed over the buffer cap too long even while nothing was broadcast. */
    sweep(): void {
      const t = now();
      for (const client of clients) {
        if (client.socket.bufferedAmount <= limits.maxBufferedBytes) continue;
        client.overCapSince ??= t;
        if (t - client.overCapSince >= limits.maxOverCapMs) terminate(client, "backpressure");
      }
    },

    clients: () => clients.values(),
    size: () => clients.size,
    subscribers: (channel: Channel) => members.get(channel)!.size,
  };
}
export type Hub = ReturnType<typeof createHub>;

/**
 * Domain events → channel messages. The event bus already fans out through Redis, so an event raised on
 * any replica reaches this replica's sockets. Snapshots are built here from every replica's windows (ADR 049).
 * Returns the way to stop listening.
 */
export function wireHubToEvents(hub: Hub, events: EventBus, metrics: Pick<MetricsService, "onSnapshot">): () => void {
  const staffOnly = (client: HubClient) => isStaff(client.user.role);
  const stops = [
    events.subscribe("order.status_changed", (event) => {
      hub.broadcast(
        "orders",
        { type: "order.status", data: { orderId: event.orderId, number: event.number, status: event.status as OrderStatus, at: event.at } },
        (client) => isStaff(client.user.role) || client.user.id === event.userId,
      );
    }),
    events.subscribe("order.created", (event) => {
      hub.broadcast("orders", { type: "order.created", data: event.order }, staffOnly);
    }),
    events.subscribe("staff.notifications", (event) => {
      // Per recipient: each notification is the recipient's own (read state, preferences).
      for (const { recipientId, notification } of event.items) {
        hub.broadcast("notifications", { type: "notification", data: notification }, (client) => client.user.id === recipientId && isStaff(client.user.role));
      }
    }),
    events.subscribe("order.message", (event) => {
      hub.broadcast("orders", { type: "order.message", data: event.message }, (client) => isStaff(client.user.role) || client.user.id === event.ownerId);
    }),
    events.subscribe("order.messages_read", (event) => {
      hub.broadcast("orders", { type: "order.messages_read", data: event.read }, (client) => isStaff(client.user.role) || client.user.id === event.ownerId);
    }),
    events.subscribe("catalog.changed", (event) => {
      hub.broadcast("catalog", { type: "catalog.changed", data: { entity: event.entity, id: event.id } });
    }),
    // Events raised while the fan-out was down never reached this replica: every client refetches.
    events.onResync(() => {
      for (const client of [...hub.clients()]) hub.send(client, { type: "resync" });
    }),
    metrics.onSnapshot((snapshot) => {
      if (hub.subscribers("metrics") > 0) hub.broadcast("metrics", { type: "metrics", data: snapshot }, staffOnly);
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
