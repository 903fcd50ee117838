import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

export interface HttpServerOptions {
  /** A client must send a request's headers within this (slowloris). */
  headersTimeoutMs: number;
  /** …and the whole request within this. */
  requestTimeoutMs: number;
  /** Open connections per remote address; 0 = no cap. */
  maxConnectionsPerIp: number;
  /** Idle keep-alive sockets are kept this long: longer than typical load balancer idle timeouts (60 s). */
  keepAliveTimeoutMs?: number;
  /** While draining, an idle keep-alive socket is closed after staying idle this long (default 100 ms). */
  drainIdleLingerMs?: number;
}

export interface HttpServer {
  server: Server;
  /**
   * Stops accepting, answers every in-flight and later request on an open socket with `Connection: close`,
   * closes idle keep-alive sockets, and resolves once every connection has ended (see the drain ADR).
   */
  drain(): Promise<void>;
  /** Connections refused by the per-IP cap so far. */
  refusedConnections(): number;
}

/**
 * The one HTTP server of the process (the app, the SPA and the WebSocket upgrade listen on it), with the
 * protections a public listener needs: header and request timeouts checked every second, and a cap on open
 * connections per address, so a slow client cannot hold file handles by the thousand.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const headersTimeout = Math.min(options.headersTimeoutMs, options.requestTimeoutMs);
  const server = createServer({
    headersTimeout,
    requestTimeout: options.requestTimeoutMs,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 65_000,
    // Node checks both timeouts on this period (30 s by default): a slowloris socket would live that long.
    connectionsCheckingInterval: Math.min(1_000, headersTimeout),
  });

  let refused = 0;
  const perIp = new Map<string, number>();
  if (options.maxConnectionsPerIp > 0) {
    server.on("connection", (socket: Socket) => {
      const ip = socket.remoteAddress ?? "unknown";
      const open = (perIp.get(ip) ?? 0) + 1;
      if (open > options.maxConnectionsPerIp) {
        refused++;
        socket.destroy();
        return;
      }
      perIp.set(ip, open);
      socket.once("close", () => {
        const left = (perIp.get(ip) ?? 1) - 1;
        if (left > 0) perIp.set(ip, left);
        else perIp.delete(ip);
      });
    });
  }

  // Per socket: requests in progress. Idle (0) sockets are the ones a drain may close.
  const sockets = new Map<Socket, number>();
  const upgraded = new WeakSet<Socket>();
  server.on("connection", (socket: Socket) => {
    if (socket.destroyed) return;
    sockets.set(socket, 0);
    socket.once("close", () => sockets.delete(socket));
  });
  // WebSocket sockets belong to the realtime server from here on (it closes them with 1001 on shutdown).
  server.prependListener("upgrade", (_req: IncomingMessage, socket: Socket) => {
    upgraded.add(socket);
    sockets.delete(socket);
    if (server.listenerCount("upgrade") === 1) socket.destroy(); // nobody else answers upgrades
  });

  let draining = false;
  const lingerMs = options.drainIdleLingerMs ?? 100;
  /**
   * Closing an idle keep-alive socket races with a request the client may be sending on it right now (it
   * would see a reset). So a draining server closes a socket only after it has stayed idle for a moment;
   * a request that arrives meanwhile is answered, with `Connection: close`.
   */
  const closeWhenIdle = (socket: Socket) => {
    setTimeout(() => {
      if (sockets.get(socket) === 0 && !upgraded.has(socket)) socket.end();
    }, lingerMs).unref();
  };

  const inFlight = new Set<ServerResponse>();
  // Registered before the app's listener, so the header is set before any handler can send headers.
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    sockets.set(socket, (sockets.get(socket) ?? 0) + 1);
    if (draining) res.setHeader("Connection", "close");
    inFlight.add(res);
    res.once("close", () => {
      inFlight.delete(res);
      if (!sockets.has(socket)) return;
      const left = Math.max(0, (sockets.get(socket) ?? 1) - 1);
      sockets.set(socket, left);
      // A response whose headers went out before the drain leaves a keep-alive socket behind.
      if (draining && left === 0) closeWhenIdle(socket);
    });
  });

  return {
    server,
    refusedConnections: () => refused,
    drain() {
      draining = true;
      // net.Server's close, not http.Server's: the latter also destroys idle keep-alive sockets at once,
      // which is exactly the race closeWhenIdle avoids. Resolves once every connection has ended.
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      for (const [socket, active] of sockets) if (active === 0) closeWhenIdle(socket);
      return closed;
    },
  };
}
