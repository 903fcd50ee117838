import { createConnection } from "node:net";
import type { AddressInfo } from "node:net";
import { WebSocketServer, createWebSocketStream } from "ws";

/**
 * The WebSocket-to-TCP bridge Neon runs in front of its databases, in ~20 lines: each WebSocket connection
 * names its target in `?address=host:port` and becomes a raw byte pipe to it. Lets the Neon serverless
 * driver talk to the local PostgreSQL in tests. Loopback targets only.
 */
export async function startNeonProxy(): Promise<{ port: number; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  wss.on("connection", (socket, req) => {
    const address = new URL(req.url ?? "/", "http://proxy").searchParams.get("address") ?? "";
    const [host, port] = address.split(":");
    if (host !== "127.0.0.1" && host !== "localhost") return socket.close(1008, "loopback targets only");
    const tcp = createConnection({ host, port: Number(port) });
    const stream = createWebSocketStream(socket);
    stream.pipe(tcp).pipe(stream);
    const end = () => {
      tcp.destroy();
      stream.destroy();
    };
    tcp.on("error", end);
    stream.on("error", end);
  });
  await new Promise<void>((resolve) => wss.once("listening", resolve));
  return {
    port: (wss.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
