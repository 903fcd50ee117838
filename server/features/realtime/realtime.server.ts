import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { errorStatus, type ErrorCode } from "@shared/errors";
import { clientMessage, WS_CLOSE, WS_MAX_MESSAGE_BYTES, WS_PATH, type Channel, type WsErrorCode } from "@shared/realtime";
import type { AppContext } from "../../context";
import { errorBodyFor } from "../../lib/app-error";
import { withTimeout } from "../../lib/timeout";
import type { SessionAuth } from "../auth/session";
import { upgradeClientAddress, type AdminNetworkPolicy } from "../auth/admin-network";
import type { AuditService } from "../audit/audit.service";
import type { UserRecord } from "../users/users.service";
import { toUserJson } from "../users/users.service";
import type { MetricsService } from "../metrics/metrics.service";
import { mayJoin } from "./channels";
import { originAllowed } from "./origin";
import { createHub, wireHubToEvents, type BackpressureOptions, type HubClient } from "./realtime.hub";
import { createPresence, type PresenceOptions } from "./presence";
import { TokenBucket } from "./token-bucket";
import { runSafely } from "../../lib/background";
import type { WsTickets } from "./ws-tickets";

/**
 * The WebSocket server of /ws (messages in shared/realtime.ts), on the app's own HTTP server (`noServer`):
 * the upgrade is checked BEFORE the handshake (path 404, foreign Origin 403, no identity 401, shutting down
 * 503); identity is a single-use `?ticket=` (POST /api/v1/realtime/ticket, ADR 048) or the session cookie, never a
 * bearer token in the URL; then every message is size-checked, rate-limited and validated with the shared zod union.
 *
 * Identity is taken at the upgrade and the account is re-read on every subscribe (a deleted account is
 * closed with 1008, a changed role applies to the new subscription and to what is delivered from then on).
 * Known limitation: channels joined earlier are not re-checked until the next subscribe or reconnect, and a
 * session that is signed out or expires elsewhere keeps its open socket until it reconnects (the SPA closes
 * its socket on sign-out).
 * Presence (`presence.enter`/`leave`, admins only) is not a channel: entering is the subscription (presence.ts, ADR 071).
 */
export interface RealtimeOptions {
  /** Ping period; a socket that has not answered the previous ping is terminated (default 30 s). */
  heartbeatMs?: number;
  /** Messages above this get an `error` (default 16 KiB). */
  maxMessageBytes?: number;
  /** Frames above this are refused by `ws` itself with 1009 (default 64 KiB). */
  hardMaxPayloadBytes?: number;
  /** Invalid messages (too big, not JSON, not a known message) tolerated before closing with 1008 (default 3). */
  maxOffences?: number;
  /** Per-connection message rate (token bucket; default 20/s, burst 40); false turns it off. Abusers are closed with 1008. */
  rateLimit?: { perSecond: number; burst: number } | false;
  backpressure?: Partial<BackpressureOptions>;
  /** How long close() waits for clients to acknowledge before terminating them (default 2 s). */
  closeTimeoutMs?: number;
  /** Presence heartbeat and per-socket cap (ADR 071). */
  presence?: PresenceOptions;
  /** Upgrades another listener owns (Vite's HMR socket in `npm run dev`): left untouched. */
  ignoreUpgrade?: (req: IncomingMessage) => boolean;
}

export interface RealtimeServer {
  /** Closes every client with `code` (1001 on shutdown), waits for them (bounded), then stops. */
  close(code?: number, reason?: string): Promise<void>;
  clientCount(): number;
}

export interface RealtimeDeps {
  sessionAuth: Pick<SessionAuth, "userForUpgrade">;
  auth: { userById(id: string): Promise<UserRecord | undefined> };
  metrics: Pick<MetricsService, "onSnapshot" | "trackWebSocketConnections" | "prom">;
  /** ADMIN_ALLOWED_CIDRS (ADR 041): staff-only channels are joined only from allowed client addresses. */
  adminNetwork?: Pick<AdminNetworkPolicy, "allows">;
  audit?: Pick<AuditService, "record">;
  wsTickets: Pick<WsTickets, "redeem">;
}

interface Connection {
  ws: WebSocket;
  client: HubClient;
  /** The client address by the TRUST_PROXY rule (what req.ip is for HTTP). */
  address: string;
  bucket?: TokenBucket;
  offences: number;
  alive: boolean;
}

const STATUS_TEXT: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Answers an upgrade with a plain HTTP error (the contract's error body) and closes the socket: no handshake. */
function refuseUpgrade(socket: Duplex, code: ErrorCode, message: string) {
  if (socket.destroyed) return;
  const status = errorStatus[code];
  const body = JSON.stringify(errorBodyFor({ code, message }));
  socket.once("finish", () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function attachRealtime(
  server: Server,
  ctx: Pick<AppContext, "env" | "events" | "logger">,
  deps: RealtimeDeps,
  options: RealtimeOptions = {},
): RealtimeServer {
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const maxMessageBytes = options.maxMessageBytes ?? WS_MAX_MESSAGE_BYTES;
  const maxOffences = options.maxOffences ?? 3;
  const rateLimit = options.rateLimit === undefined ? { perSecond: 20, burst: 40 } : options.rateLimit;
  const allowedOrigins = new Set(ctx.env.ALLOWED_ORIGINS);
  const prom = deps.metrics.prom;
  const log = ctx.logger;

  const wss = new WebSocketServer({ noServer: true, maxPayload: options.hardMaxPayloadBytes ?? 64 * 1024, perMessageDeflate: false, clientTracking: false });
  const hub = createHub({
    backpressure: options.backpressure,
    instruments: {
      sent: (n) => prom.webSocketMessagesSent.inc(n),
      dropped: () => prom.webSocketMessagesDropped.inc(),
      terminated: (reason) => prom.webSocketClosedByServer.inc({ reason }),
    },
  });
  const connections = new Map<WebSocket, Connection>();
  // WS_MAX_CONNECTIONS_PER_USER (issue 11 §8): counted in this process only. Behind a balancer a user may hold
  // that many per replica; a cluster-wide count would need Redis on every upgrade and close for little gain.
  const maxPerUser = ctx.env.WS_MAX_CONNECTIONS_PER_USER;
  const perUser = new Map<string, number>();
  const openFor = (userId: string) => perUser.get(userId) ?? 0;
  const stopEvents = wireHubToEvents(hub, ctx.events, deps.metrics);
  const presence = createPresence(hub, ctx.events, log, options.presence);
  const untrack = deps.metrics.trackWebSocketConnections(() => hub.size());
  let closing = false;

  const refuse = (socket: Duplex, code: ErrorCode, message: string, reason: string) => {
    prom.webSocketRejected.inc({ reason });
    refuseUpgrade(socket, code, message);
  };

  const closeWith = (connection: Connection, code: number, reason: string, label: string) => {
    prom.webSocketClosedByServer.inc({ reason: label });
    connection.ws.close(code, reason);
  };

  const sendError = (connection: Connection, code: WsErrorCode, message: string) => hub.send(connection.client, { type: "error", code, message });

  /** An invalid message: an `error` reply, and after maxOffences of them the connection is closed with 1008. */
  const offence = (connection: Connection, code: WsErrorCode, message: string) => {
    connection.offences++;
    sendError(connection, code, message);
    if (connection.offences >= maxOffences) closeWith(connection, WS_CLOSE.policyViolation, "Too many invalid messages", "invalid_messages");
  };

  /** Re-reads the account before each subscribe or presence: a deleted user is shut out, a role change applies from here on. */
  const currentUser = async (connection: Connection): Promise<UserRecord | undefined> => {
    const user = await deps.auth.userById(connection.client.user.id);
    if (connection.ws.readyState !== connection.ws.OPEN) return undefined;
    if (!user) {
      closeWith(connection, WS_CLOSE.policyViolation, "This account no longer exists", "account_gone");
      return undefined;
    }
    connection.client.user = { id: user.id, role: user.role };
    return user;
  };

  /** ADMIN_ALLOWED_CIDRS (ADR 041) for staff channels and presence: refused (and audited) from other addresses. */
  const outsideAdminNetwork = async (connection: Connection, user: UserRecord, summary: Record<string, string>): Promise<boolean> => {
    if (!deps.adminNetwork || deps.adminNetwork.allows(connection.address)) return false;
    await deps.audit?.record({ actor: { id: user.id, email: user.email }, action: "security.admin_network_denied", summary }, { ip: connection.address });
    sendError(connection, "forbidden", "Staff channels are not available from this network address.");
    return true;
  };

  const subscribe = async (connection: Connection, channel: Channel) => {
    const user = await currentUser(connection);
    if (!user) return;
    if (!mayJoin(channel, user.role)) {
      sendError(connection, "forbidden", `Your account may not subscribe to the ${channel} channel.`);
      return;
    }
    if ((channel === "metrics" || channel === "notifications") && (await outsideAdminNetwork(connection, user, { channel }))) return;
    hub.join(connection.client, channel);
    hub.send(connection.client, { type: "subscribed", channel });
  };

  /** Admins only: they are the ones who edit the catalog (issue 16 §3). */
  const enterPresence = async (connection: Connection, resource: string) => {
    const user = await currentUser(connection);
    if (!user) return;
    if (user.role !== "admin") {
      sendError(connection, "forbidden", "Only admins can see who is editing.");
      return;
    }
    if (await outsideAdminNetwork(connection, user, { presence: resource })) return;
    if (!presence.enter(connection.client, resource, { userId: user.id, name: user.name }))
      sendError(connection, "validation_failed", "Leave another resource first: a socket is present on a few at most.");
  };

  const failed = (connection: Connection, err: unknown, message: string) => {
    log.error({ err, userId: connection.client.user.id }, message);
    closeWith(connection, 1011, "Internal error", "error");
  };

  const onMessage = (connection: Connection, data: RawData, isBinary: boolean) => {
    if (connection.ws.readyState !== connection.ws.OPEN) return; // already being closed: ignore the rest
    if (connection.bucket && !connection.bucket.take(Date.now())) {
      closeWith(connection, WS_CLOSE.policyViolation, "Too many messages", "rate_limited");
      return;
    }
    const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    if (bytes > maxMessageBytes) return offence(connection, "payload_too_large", `Messages are limited to ${maxMessageBytes} bytes.`);
    if (isBinary) return offence(connection, "invalid_json", "Send JSON in text frames.");
    let parsed: unknown;
    try {
      const text = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      parsed = JSON.parse(text.toString("utf8"));
    } catch {
      return offence(connection, "invalid_json", "Messages must be JSON objects.");
    }
    const result = clientMessage.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      return offence(connection, "validation_failed", `Unknown or malformed message${issue ? ` (${issue.path.join(".") || "type"}: ${issue.message})` : ""}.`);
    }
    const message = result.data;
    switch (message.type) {
      case "ping":
        hub.send(connection.client, { type: "pong" });
        return;
      case "unsubscribe":
        hub.leave(connection.client, message.channel);
        hub.send(connection.client, { type: "unsubscribed", channel: message.channel });
        return;
      case "subscribe":
        subscribe(connection, message.channel).catch((err: unknown) => failed(connection, err, "websocket subscribe failed"));
        return;
      case "presence.enter":
        enterPresence(connection, message.resource).catch((err: unknown) => failed(connection, err, "websocket presence failed"));
        return;
      case "presence.leave":
        presence.leave(connection.client, message.resource);
        return;
    }
  };

  const onConnection = (ws: WebSocket, user: UserRecord, address: string) => {
    // Concurrent upgrades may all have passed the check before the handshake: the count decides here.
    if (maxPerUser > 0 && openFor(user.id) >= maxPerUser) {
      prom.webSocketClosedByServer.inc({ reason: "per_user_cap" });
      ws.close(WS_CLOSE.policyViolation, "Too many connections for this account");
      return;
    }
    perUser.set(user.id, openFor(user.id) + 1);
    const client = hub.add(ws, { id: user.id, role: user.role });
    const connection: Connection = {
      ws,
      client,
      address,
      bucket: rateLimit ? new TokenBucket(rateLimit.perSecond, rateLimit.burst, Date.now()) : undefined,
      offences: 0,
      alive: true,
    };
    connections.set(ws, connection);
    ws.on("message", (data, isBinary) => onMessage(connection, data, isBinary));
    ws.on("pong", () => {
      connection.alive = true;
    });
    ws.on("error", (err) => log.debug({ err: err.message, userId: user.id }, "websocket error"));
    ws.once("close", () => {
      const left = openFor(user.id) - 1;
      if (left > 0) perUser.set(user.id, left);
      else perUser.delete(user.id);
      connections.delete(ws);
      presence.leaveAll(client);
      hub.remove(client);
    });
    hub.send(client, { type: "welcome", user: toUserJson(user) });
  };

  /** A `?ticket=` when the URL has one (it is spent here, valid or not for this upgrade), else the session cookie. */
  const identify = async (req: IncomingMessage): Promise<UserRecord | undefined> => {
    let ticket: string | null;
    try {
      ticket = new URL(req.url ?? "/", "http://upgrade.invalid").searchParams.get("ticket");
    } catch {
      return undefined;
    }
    if (ticket === null) return deps.sessionAuth.userForUpgrade(req);
    const userId = await deps.wsTickets.redeem(ticket);
    return userId ? deps.auth.userById(userId) : undefined;
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (options.ignoreUpgrade?.(req)) return;
    socket.on("error", () => socket.destroy()); // a client that vanishes mid-upgrade must not crash the process
    const path = (req.url ?? "/").split("?")[0];
    if (path !== WS_PATH) return refuse(socket, "not_found", "No WebSocket endpoint here; use /ws.", "path");
    if (closing) return refuse(socket, "not_ready", "The server is shutting down; reconnect shortly.", "shutdown");
    if (!originAllowed(req.headers.origin, req.headers.host, allowedOrigins))
      return refuse(socket, "forbidden", "This origin may not open a WebSocket.", "origin");
    identify(req).then(
      (user) => {
        if (socket.destroyed) return;
        if (closing) return refuse(socket, "not_ready", "The server is shutting down; reconnect shortly.", "shutdown");
        if (!user)
          return refuse(
            socket,
            "unauthenticated",
            "Sign in (session cookie) or open /ws?ticket= with a ticket from POST /api/v1/realtime/ticket.",
            "unauthenticated",
          );
        if (maxPerUser > 0 && openFor(user.id) >= maxPerUser)
          return refuse(socket, "rate_limited", `At most ${maxPerUser} open WebSockets per account; close one first.`, "per_user_cap");
        const address = upgradeClientAddress(req, ctx.env.TRUST_PROXY);
        wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, user, address));
      },
      (err: unknown) => {
        log.error({ err }, "websocket upgrade could not identify the user");
        refuse(socket, "internal", "Something went wrong.", "error");
      },
    );
  };
  server.on("upgrade", onUpgrade);

  const heartbeat = setInterval(() => runSafely("websocket-heartbeat", log, beat), heartbeatMs);
  heartbeat.unref();
  function beat() {
    for (const connection of connections.values()) {
      // A closing socket is on its way out (ws destroys it after its close timeout); ping() would throw.
      if (connection.ws.readyState !== connection.ws.OPEN) continue;
      if (!connection.alive) {
        prom.webSocketClosedByServer.inc({ reason: "heartbeat" });
        connection.ws.terminate();
        continue;
      }
      connection.alive = false;
      connection.ws.ping();
    }
    hub.sweep();
  }

  return {
    clientCount: () => hub.size(),

    async close(code = WS_CLOSE.goingAway, reason = "Server shutting down") {
      if (closing) return;
      closing = true;
      clearInterval(heartbeat);
      stopEvents();
      presence.close();
      const open = [...connections.values()];
      const closed = open.map((c) => new Promise<void>((resolve) => (c.ws.readyState === c.ws.CLOSED ? resolve() : c.ws.once("close", () => resolve()))));
      for (const connection of open) closeWith(connection, code, reason, "shutdown");
      // Clients that do not answer the close handshake in time are terminated below.
      await withTimeout(Promise.all(closed), options.closeTimeoutMs ?? 2_000, "websocket close handshake").catch(() => undefined);
      for (const connection of connections.values()) connection.ws.terminate();
      untrack();
      wss.close(); // the upgrade listener stays and answers 503 until the HTTP server closes
    },
  };
}
