import { WebSocket, type ClientOptions } from "ws";
import type { ServerMessage } from "@shared/realtime";

/**
 * A real `ws` client for integration tests of /ws: keeps every server message, waits for one that matches,
 * and tells how the connection ended.
 */
export interface TestSocket {
  ws: WebSocket;
  messages: ServerMessage[];
  /** The first message (from the start) of `type` that matches, waiting up to timeoutMs for it. */
  waitFor<T extends ServerMessage["type"]>(
    type: T,
    match?: (m: Extract<ServerMessage, { type: T }>) => boolean,
    timeoutMs?: number,
  ): Promise<Extract<ServerMessage, { type: T }>>;
  /** Messages of `type` received so far. */
  received<T extends ServerMessage["type"]>(type: T): Array<Extract<ServerMessage, { type: T }>>;
  send(message: unknown): void;
  /** Resolves with the close code once the connection ends (1006 when terminated without a close frame). */
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A bearer access token: exchanged for a ticket (POST /api/v1/realtime/ticket) just before the upgrade. */
  token?: string;
  /** A ticket as is (`?ticket=`). */
  ticket?: string;
  cookie?: string;
  origin?: string;
  /** Extra upgrade request headers (X-Forwarded-For through a trusted proxy). */
  headers?: Record<string, string>;
  /** ws answers pings by itself unless this is false (to simulate a dead peer). */
  autoPong?: boolean;
  path?: string;
}

export function wsUrl(port: number, options: Pick<ConnectOptions, "ticket" | "path"> = {}): string {
  const url = new URL(`ws://127.0.0.1:${port}${options.path ?? "/ws"}`);
  if (options.ticket !== undefined) url.searchParams.set("ticket", options.ticket);
  return url.toString();
}

/** A WebSocket ticket for a bearer token, as an API client gets one. */
export async function ticketFor(port: number, accessToken: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/realtime/ticket`, { method: "POST", headers: { authorization: `Bearer ${accessToken}` } });
  if (res.status !== 200) throw new Error(`POST /api/v1/realtime/ticket answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { ticket: string }).ticket;
}

function clientOptions(options: ConnectOptions): ClientOptions {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  return { headers, autoPong: options.autoPong ?? true, handshakeTimeout: 5_000 };
}

/** Opens a socket; rejects with the HTTP status when the upgrade is refused. Resolves after the `welcome`. */
export async function connect(port: number, options: ConnectOptions = {}): Promise<TestSocket> {
  const ticket = options.token !== undefined ? await ticketFor(port, options.token) : options.ticket;
  return open(port, { ...options, ticket });
}

function open(port: number, options: ConnectOptions): Promise<TestSocket> {
  const ws = new WebSocket(wsUrl(port, options), clientOptions(options));
  const messages: ServerMessage[] = [];
  const waiters = new Set<() => void>();
  ws.on("message", (data) => {
    messages.push(JSON.parse(data.toString()) as ServerMessage);
    for (const wake of waiters) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));

  const socket: TestSocket = {
    ws,
    messages,
    received: (type) => messages.filter((m) => m.type === type) as never,
    waitFor(type, match = () => true, timeoutMs = 3_000) {
      const find = () => messages.find((m) => m.type === type && match(m as never)) as never;
      return new Promise((resolve, reject) => {
        const found = find();
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${type}" message within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.type))}`));
        }, timeoutMs);
        const check = () => {
          const hit = find();
          if (!hit) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit);
        };
        waiters.add(check);
      });
    },
    send: (message) => ws.send(typeof message === "string" ? message : JSON.stringify(message)),
    closed,
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await closed;
    },
  };

  return new Promise((resolve, reject) => {
    ws.once("unexpected-response", (_req, res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        reject(Object.assign(new Error(`upgrade refused with ${res.statusCode}`), { status: res.statusCode, body: Buffer.concat(chunks).toString() })),
      );
    });
    ws.once("error", reject);
    socket.waitFor("welcome").then(() => resolve(socket), reject);
  });
}

/** The HTTP status and body an upgrade is refused with (fails the test if it is accepted). */
export async function refusedUpgrade(port: number, options: ConnectOptions = {}): Promise<{ status: number; body: string }> {
  try {
    const socket = await connect(port, options);
    await socket.close();
  } catch (err) {
    const e = err as { status?: number; body?: string };
    if (e.status !== undefined) return { status: e.status, body: e.body ?? "" };
    throw err;
  }
  throw new Error("the upgrade was accepted");
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
