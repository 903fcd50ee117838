import { z } from "zod";
import { user } from "./contracts/auth";
import { orderMessage, orderMessagesRead, staffNotification } from "./contracts/inbox";
import { snapshot } from "./contracts/metrics";
import { order, orderStatus } from "./contracts/orders";

/*
 * WebSocket messages of /ws: one JSON object per text frame, told apart by `type`.
 * The server validates every client message with `clientMessage`; the SPA may parse what it receives with
 * `serverMessage`.
 */

export const WS_PATH = "/ws";
/** Frames larger than this get an `error` (payload_too_large); repeat offenders are closed with 1008. */
export const WS_MAX_MESSAGE_BYTES = 16 * 1024;

/** Close codes the server uses (RFC 6455 §7.4.1). */
export const WS_CLOSE = {
  /** Server shutting down (or restarting): reconnect with backoff. */
  goingAway: 1001,
  /** Policy violation: too many messages, repeated invalid messages, or the account no longer exists. */
  policyViolation: 1008,
  /** A frame beyond the hard limit (the `ws` library closes by itself). */
  tooBig: 1009,
} as const;

export const channels = ["orders", "metrics", "catalog", "notifications"] as const;
export const channel = z.enum(channels);
export type Channel = z.infer<typeof channel>;

/**
 * What an admin can be present on (issue 16 §3, ADR 071): `product:<id>` while its edit form is open. A shape,
 * not a lookup: presence on an id that does not exist harms nobody (only admins see it).
 */
export const presenceResource = z.string().regex(/^product:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Must be product:<id>");
export const presenceEditor = z.object({ userId: z.string(), name: z.string() });
export type PresenceEditor = z.infer<typeof presenceEditor>;

// ---- Client → server ----
export const subscribeMessage = z.object({ type: z.literal("subscribe"), channel }).strict();
export const unsubscribeMessage = z.object({ type: z.literal("unsubscribe"), channel }).strict();
export const pingMessage = z.object({ type: z.literal("ping") }).strict();
/** Admins only: "I am editing this" until leave, another enter's cap, or the socket closes. */
export const presenceEnterMessage = z.object({ type: z.literal("presence.enter"), resource: presenceResource }).strict();
export const presenceLeaveMessage = z.object({ type: z.literal("presence.leave"), resource: presenceResource }).strict();
export const clientMessage = z.discriminatedUnion("type", [subscribeMessage, unsubscribeMessage, pingMessage, presenceEnterMessage, presenceLeaveMessage]);
export type ClientMessage = z.infer<typeof clientMessage>;

// ---- Server → client ----
export const wsErrorCodes = ["invalid_json", "validation_failed", "payload_too_large", "forbidden"] as const;
export const wsErrorCode = z.enum(wsErrorCodes);
export type WsErrorCode = z.infer<typeof wsErrorCode>;

export const orderStatusData = z.object({ orderId: z.string(), number: z.string(), status: orderStatus, at: z.string() });
export type OrderStatusData = z.infer<typeof orderStatusData>;
export const catalogChangedData = z.object({
  entity: z.enum(["sector", "brand", "product"]),
  /** The changed object's id, or "*" after a bulk change (CSV import): refetch everything of that entity. */
  id: z.string(),
});
export type CatalogChangedData = z.infer<typeof catalogChangedData>;

export const welcomeMessage = z.object({ type: z.literal("welcome"), user });
export const subscribedMessage = z.object({ type: z.literal("subscribed"), channel });
export const unsubscribedMessage = z.object({ type: z.literal("unsubscribed"), channel });
export const orderStatusMessage = z.object({ type: z.literal("order.status"), data: orderStatusData });
/** Staff and admins only, on the `orders` channel. */
export const orderCreatedMessage = z.object({ type: z.literal("order.created"), data: order });
/** Staff and admins only, about once a second. */
export const metricsMessage = z.object({ type: z.literal("metrics"), data: snapshot });
export const catalogChangedMessage = z.object({ type: z.literal("catalog.changed"), data: catalogChangedData });
/** Staff and admins only, on the `notifications` channel: one of the recipient's own notifications (ADR 054). */
export const notificationMessage = z.object({ type: z.literal("notification"), data: staffNotification });
/** On `orders`, to the order's owner and staff: a new message in the order's conversation (ADR 055). */
export const orderMessageMessage = z.object({ type: z.literal("order.message"), data: orderMessage });
/** On `orders`, to the order's owner and staff: the other side read the thread (read receipt). */
export const orderMessagesReadMessage = z.object({ type: z.literal("order.messages_read"), data: orderMessagesRead });
/**
 * To every admin socket present on `resource`, on each change and in answer to its own enter: everyone editing it
 * across the cluster (one entry per user, the receiver included), sorted by name.
 */
export const presenceMessage = z.object({ type: z.literal("presence"), resource: presenceResource, editors: z.array(presenceEditor) });
export const pongMessage = z.object({ type: z.literal("pong") });
/**
 * The server's event fan-out (Redis pub/sub) was interrupted and is back: events of that gap were lost.
 * Refetch whatever the subscribed channels cover.
 */
export const resyncMessage = z.object({ type: z.literal("resync") });
export const errorMessage = z.object({ type: z.literal("error"), code: wsErrorCode, message: z.string() });

export const serverMessage = z.discriminatedUnion("type", [
  welcomeMessage,
  subscribedMessage,
  unsubscribedMessage,
  orderStatusMessage,
  orderCreatedMessage,
  metricsMessage,
  catalogChangedMessage,
  notificationMessage,
  orderMessageMessage,
  orderMessagesReadMessage,
  presenceMessage,
  pongMessage,
  resyncMessage,
  errorMessage,
]);
export type ServerMessage = z.infer<typeof serverMessage>;
export type ServerMessageOf<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;
