import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface HttpServerOptions {
  /** A client must send a request's headers within this (slowloris). */
  headersTimeoutMs: number;
  /** …and the whole request within this. */
  requestTimeoutMs: number;
  /** Open connections per remote address; 0 = no cap. */
  maxConnectionsPerIp: number;
  /** Idle keep-alive sockets are kept this long: longer than typical load balancer idle timeouts (60 s). */
  keepAliveTimeoutMs?: number;
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

  let draining = false;
  const inFlight = new Set<ServerResponse>();
  // Registered before the app's listener, so the header is set before any handler can send headers.
  server.on("request", (_req: IncomingMessage, res: ServerResponse) => {
    if (draining) res.setHeader("Connection", "close");
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    res.once("finish", () => {
      // A response whose headers went out before the drain leaves a keep-alive socket behind: close it now.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    server,
    refusedConnections: () => refused,
    drain() {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      server.closeIdleConnections();
      return closed;
    },
  };
}
