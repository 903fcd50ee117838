import { createConnection, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, type HttpServer } from "./http-server";

/** Issue 14: slowloris guards of the one HTTP server (header timeout, per-IP connection cap). */
const PORT = 5383;
let http: HttpServer | undefined;

async function listen(options: Partial<Parameters<typeof createHttpServer>[0]> = {}) {
  http = createHttpServer({ headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, maxConnectionsPerIp: 0, ...options });
  http.server.on("request", (_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => http!.server.listen(PORT, "127.0.0.1", () => resolve()));
}

afterEach(async () => {
  http?.server.closeAllConnections();
  await new Promise((r) => http?.server.close(r));
  http = undefined;
});

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: "127.0.0.1", port: PORT }, () => resolve(socket));
    socket.once("error", reject);
  });
}
const ended = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let text = "";
    socket.on("data", (d) => (text += d.toString()));
    socket.on("error", () => undefined);
    socket.once("close", () => resolve(text));
  });

describe("HTTP server guards", () => {
  it("when a client sends its headers too slowly, then the server answers 408 and closes within the headers timeout", async () => {
    await listen();
    const socket = await open();
    const started = Date.now();
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n"); // …and never the blank line
    const trickle = setInterval(() => socket.writable && socket.write("X-Slow: 1\r\n"), 200);
    const text = await ended(socket);
    clearInterval(trickle);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("when one address opens more connections than the cap, then the extra ones are refused and the others still work", async () => {
    await listen({ maxConnectionsPerIp: 3 });
    const kept = await Promise.all([open(), open(), open()]);
    const extra = await open();
    expect(await ended(extra)).toBe("");
    expect(http!.refusedConnections()).toBe(1);
    const reply = ended(kept[0]!);
    kept[0]!.end("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(await reply).toMatch(/^HTTP\/1\.1 200[\s\S]*ok$/);
    // A closed connection frees its slot.
    const again = await open();
    const answer = ended(again);
    again.end("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    for (const socket of kept) socket.destroy();
  });
});
