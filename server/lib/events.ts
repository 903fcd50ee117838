import { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";
import type { Order } from "@shared/contracts/orders";
import type { ReplicaWindow } from "@shared/contracts/metrics";
import type { OrderMessage, OrderMessagesRead, StaffNotification } from "@shared/contracts/inbox";
import type { PresenceEditor } from "@shared/realtime";
import type { Logger } from "./logger";
import { closeRedis, redisGuard, redisKey, type Redis } from "./redis";

/**
 * Domain events every feature may publish and any may subscribe to (docs/architecture.md).
 * Payloads are plain JSON: with Redis they cross processes.
 */
export interface EventMap {
  "catalog.changed": { entity: "sector" | "brand" | "product"; id: string };
  "order.created": { orderId: string; userId: string | null; order: Order };
  "order.status_changed": { orderId: string; number: string; userId: string | null; status: string; at: string };
  "user.registered": { userId: string };
  /** A user's role, existence or token cut-off changed: replicas drop their cached copy (ADR 076). */
  "user.changed": { userId: string };
  /** New staff notifications, one per recipient (ADR 054): each goes to its recipient's sockets only. */
  "staff.notifications": { items: Array<{ recipientId: string; notification: StaffNotification }> };
  /** A message in an order's conversation; `ownerId` is null for guest orders (ADR 055). */
  "order.message": { ownerId: string | null; message: OrderMessage };
  "order.messages_read": { ownerId: string | null; read: OrderMessagesRead };
  /** Each replica's last second of traffic and process figures, once a second, for the cluster-wide dashboard (ADR 049). */
  "metrics.window": ReplicaWindow;
  /**
   * One replica's editors of some resources (ADR 071): on every change of those resources, and all of them as a
   * heartbeat. An empty list withdraws the replica's entries for that resource.
   */
  "presence.replica": { replica: string; resources: Record<string, PresenceEditor[]> };
  /** An admin changed the runtime feature flags (issue 16 §4): every replica drops its cached copy. */
  "settings.changed": { by: string };
}
export type Topic = keyof EventMap;
/** Where an event was raised: `local` is true on the replica that published it (e.g. to count it once cluster-wide). */
export interface EventMeta {
  local: boolean;
}
export type Handler<T extends Topic> = (payload: EventMap[T], meta: EventMeta) => void | Promise<void>;

export interface EventBus {
  /** Resolves once the event is handed to the transport (local listeners may still be running). */
  publish<T extends Topic>(topic: T, payload: EventMap[T]): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe<T extends Topic>(topic: T, handler: Handler<T>): () => void;
  /**
   * Called when the Redis subscription comes back after a drop: events raised meanwhile were lost (the bus is
   * live fan-out, not a record), so listeners tell their clients to refetch. Returns the unsubscribe function.
   */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
}

const TOPICS: Topic[] = [
  "catalog.changed",
  "order.created",
  "order.status_changed",
  "user.registered",
  "user.changed",
  "metrics.window",
  "settings.changed",
  "staff.notifications",
  "order.message",
  "order.messages_read",
  "presence.replica",
];

/**
 * In-process bus; with a Redis connection, events fan out through Redis pub/sub to every replica
 * (this one included: local delivery comes back through the subscription, so every replica sees
 * each event exactly once and in the same order).
 */
export function createEventBus(logger: Logger, redis?: Redis, prefix = "fp"): EventBus {
  const CHANNEL_PREFIX = redisKey(prefix, "events:");
  const resyncListeners = new Set<() => void>();
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const instance = randomUUID();

  const deliver = (topic: Topic, payload: unknown, meta: EventMeta) => {
    for (const listener of local.listeners(topic)) {
      Promise.resolve()
        .then(() => (listener as (p: unknown, m: EventMeta) => unknown)(payload, meta))
        .catch((err: unknown) => logger.error({ err, topic }, "event handler failed"));
    }
  };

  let subscriber: Redis | undefined;
  if (redis) {
    subscriber = redis.duplicate({ connectionName: "fruitful-planet:events" });
    subscriber.on("error", () => undefined); // the main connection already logs Redis failures
    let subscribedOnce = false;
    subscriber.on("ready", () => {
      // ioredis re-subscribes by itself on reconnect; what was published while we were away is gone.
      if (!subscribedOnce) {
        subscribedOnce = true;
        return;
      }
      logger.info({ listeners: resyncListeners.size }, "event bus reconnected to Redis; asking clients to resync");
      for (const listener of resyncListeners) {
        try {
          listener();
        } catch (err) {
          logger.error({ err }, "resync listener failed");
        }
      }
    });
    void subscriber
      .subscribe(...TOPICS.map((t) => CHANNEL_PREFIX + t))
      .catch((err: Error) => logger.warn({ err: err.message }, "event bus could not subscribe to Redis"));
    subscriber.on("message", (channel: string, message: string) => {
      try {
        const { from, payload } = JSON.parse(message) as { from: string; payload: unknown };
        deliver(channel.slice(CHANNEL_PREFIX.length) as Topic, payload, { local: from === instance });
      } catch (err) {
        logger.warn({ err, channel }, "dropped a malformed event");
      }
    });
  }

  return {
    async publish(topic, payload) {
      if (!redis) {
        deliver(topic, payload, { local: true });
        return;
      }
      try {
        await redisGuard(redis).run("publish", (r) => r.publish(CHANNEL_PREFIX + topic, JSON.stringify({ from: instance, payload })));
      } catch (err) {
        // Redis is down: other replicas miss this event, but this one must not.
        logger.warn({ err: (err as Error).message, topic }, "event published locally only");
        deliver(topic, payload, { local: true });
      }
    },
    subscribe(topic, handler) {
      local.on(topic, handler as (p: unknown, m: EventMeta) => void);
      return () => local.off(topic, handler as (p: unknown, m: EventMeta) => void);
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    async close() {
      local.removeAllListeners();
      resyncListeners.clear();
      if (subscriber) await closeRedis(subscriber);
    },
  };
}
