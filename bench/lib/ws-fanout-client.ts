// One client process of bench:ws-fanout (forked by bench/ws-fanout.ts over IPC): opens its share of the WebSockets
// (a ticket each, POST /api/v1/realtime/ticket), subscribes every one to `metrics`, and records, per broadcast, each
// socket's delivery lag = receive time − the snapshot's `at` (the server's publish time; same machine, same clock).
// Spreading the sockets over several processes keeps one client event loop from being what is measured.
import { WebSocket } from "ws";
import type { ServerMessage } from "@shared/realtime";

export type ToClient = { type: "start"; base: string; token: string; count: number; concurrency: number } | { type: "collect"; ats: string[] };
export type FromClient =
  | { type: "connected"; clients: number; ms: number }
  | { type: "receipts"; lagsByAt: Record<string, number[]>; closedEarly: number; cpuMs: number }
  | { type: "failed"; message: string };

const send = (message: FromClient) => process.send!(message);
const lagsByAt = new Map<string, number[]>();
const sockets: WebSocket[] = [];
let closedEarly = 0;

async function ticketUrl(base: string, token: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/realtime/ticket`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`POST /api/v1/realtime/ticket answered ${res.status}: ${await res.text()}`);
  const { ticket } = (await res.json()) as { ticket: string };
  return `${base.replace(/^http/, "ws")}/ws?ticket=${encodeURIComponent(ticket)}`;
}

/** Opens one socket, subscribes it to `metrics`, resolves once subscribed. */
function openSocket(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 60_000 });
    let subscribed = false;
    ws.on("message", (data) => {
      const receivedAt = Date.now();
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === "metrics") {
        const at = message.data.at;
        let lags = lagsByAt.get(at);
        if (!lags) lagsByAt.set(at, (lags = []));
        lags.push(receivedAt - Date.parse(at));
      } else if (message.type === "welcome") {
        ws.send(JSON.stringify({ type: "subscribe", channel: "metrics" }));
      } else if (message.type === "subscribed") {
        subscribed = true;
        sockets.push(ws);
        resolve();
      } else if (message.type === "error") {
        reject(new Error(`server error message: ${message.code} ${message.message}`));
      }
    });
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    ws.once("error", (err) => (subscribed ? undefined : reject(err)));
    ws.once("close", () => {
      if (subscribed) closedEarly += 1;
    });
  });
}

async function start(base: string, token: string, count: number, concurrency: number): Promise<void> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await openSocket(await ticketUrl(base, token));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  send({ type: "connected", clients: sockets.length, ms: performance.now() - started });
}

process.on("message", (message: ToClient) => {
  if (message.type === "start") {
    start(message.base, message.token, message.count, message.concurrency).catch((err: Error) => send({ type: "failed", message: err.message }));
  } else if (message.type === "collect") {
    const cpu = process.cpuUsage();
    send({
      type: "receipts",
      lagsByAt: Object.fromEntries(message.ats.map((at) => [at, lagsByAt.get(at) ?? []])),
      closedEarly,
      cpuMs: (cpu.user + cpu.system) / 1_000,
    });
  }
});
// The parent going away (its IPC channel closes) ends this process: no orphaned sockets.
process.on("disconnect", () => {
  for (const ws of sockets) ws.terminate();
  process.exit(0);
});
