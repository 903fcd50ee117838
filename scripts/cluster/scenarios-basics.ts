import { WebSocket } from "ws";
import type { ServerMessage } from "@shared/realtime";
import { round } from "../../bench/lib/config";
import { checkout, cookieLogin, json, send } from "./http";
import { RIG_RATE_LIMIT_PER_MINUTE } from "./processes";
import { demoLogin, type Rig, type ScenarioResult } from "./rig";

/** (1) A cookie session made through nginx (so on some replica) is honoured by every replica. */
export async function sessionEverywhere(rig: Rig): Promise<ScenarioResult> {
  const { email, password } = demoLogin("staff");
  const cookie = await cookieLogin(rig.proxy, email, password);
  const lines: string[] = [];
  let accepted = 0;
  for (const replica of rig.replicas) {
    const me = await send(`${replica.base}/api/v1/auth/me`, { headers: { cookie } });
    const user = me.status === 200 ? json<{ user: { email: string } }>(me).user.email : me.body.slice(0, 80);
    if (me.status === 200 && user === email) accepted++;
    lines.push(`replica ${replica.index + 1} (:${replica.port}) GET /auth/me with the cookie → ${me.status} ${user}`);
  }
  lines.unshift(`session accepted by ${accepted}/${rig.replicas.length} replicas`);
  return { title: "(1) a session from one replica works on all", pass: accepted === rig.replicas.length, lines };
}

interface StaffSocket {
  label: string;
  ws: WebSocket;
  /** performance.now() at which each order.created arrived, by order id (events may beat the HTTP answer). */
  created: Map<string, number>;
}

function openStaffSocket(label: string, url: string, cookie: string): Promise<StaffSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { cookie }, perMessageDeflate: false, handshakeTimeout: 10_000 });
    const socket: StaffSocket = { label, ws, created: new Map() };
    const timer = setTimeout(() => reject(new Error(`${label}: not subscribed within 10 s`)), 10_000);
    ws.on("message", (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === "welcome") ws.send(JSON.stringify({ type: "subscribe", channel: "orders" }));
      else if (message.type === "subscribed") {
        clearTimeout(timer);
        resolve(socket);
      } else if (message.type === "order.created") socket.created.set(message.data.id, performance.now());
    });
    ws.once("unexpected-response", (_req, res) => reject(new Error(`${label}: upgrade refused with ${res.statusCode}`)));
    ws.once("error", (err) => reject(new Error(`${label}: ${err.message}`)));
  });
}

/** (2) A staff socket on each replica (and one through nginx); one order placed through nginx reaches them all. */
export async function eventsEverywhere(rig: Rig): Promise<ScenarioResult> {
  const { email, password } = demoLogin("staff");
  const cookie = await cookieLogin(rig.proxy, email, password);
  const targets = [
    ...rig.replicas.map((r) => ({ label: `replica ${r.index + 1} (:${r.port})`, url: `ws://127.0.0.1:${r.port}/ws` })),
    { label: "through nginx", url: `${rig.proxy.replace("http:", "ws:")}/ws` },
  ];
  const sockets = await Promise.all(targets.map((t) => openStaffSocket(t.label, t.url, cookie)));
  try {
    const placedAt = performance.now();
    const order = await checkout(rig.proxy, rig.customerToken, [{ productId: rig.plentiful[0]!.id, quantity: 1 }]);
    if (order.status !== 201 && order.status !== 200) throw new Error(`checkout answered ${order.status}: ${order.body}`);
    const orderId = json<{ id: string }>(order).id;
    const deadline = performance.now() + 5_000;
    while (performance.now() < deadline && sockets.some((s) => !s.created.has(orderId))) await new Promise((r) => setTimeout(r, 20));
    const received = sockets.filter((s) => s.created.has(orderId)).length;
    const lines = [
      `order.created reached ${received}/${sockets.length} staff sockets (order placed through nginx, answered by ${order.headers["x-upstream"] ?? "?"})`,
      ...sockets.map(
        (s) =>
          `${s.label}: ${s.created.has(orderId) ? `${round(s.created.get(orderId)! - placedAt)} ms after the checkout was sent` : "NOT received within 5 s"}`,
      ),
    ];
    return { title: "(2) WebSocket events reach clients on all replicas", pass: received === sockets.length, lines };
  } finally {
    for (const s of sockets) s.ws.close(1000);
  }
}

/**
 * (3) From one client address, LIMIT + 30 requests through nginx, each with a different spoofed X-Forwarded-For.
 * nginx replaces the header with the real peer, and the replicas count in Redis together: exactly LIMIT pass.
 * Were the header trusted, all would pass; were the counters per replica, up to 3 × LIMIT would.
 */
export async function sharedRateLimit(rig: Rig): Promise<ScenarioResult> {
  const limit = RIG_RATE_LIMIT_PER_MINUTE;
  const total = limit + 30;
  const from = "127.0.2.1"; // an address no other scenario uses, so its minute starts empty
  // Counters are shared only while Redis answers within its budget; on a starved machine a replica's breaker may be
  // open (counting in memory, by design). The scenario starts when every replica reports Redis healthy.
  const redisStates = await redisHealthEverywhere(rig);
  const statuses = new Map<number, number>();
  const upstreams = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const n = next++;
      const spoofed = `10.${n % 250}.${(n * 7) % 250}.${(n * 13) % 250}`;
      const answer = await send(`${rig.proxy}/api/v1/sectors`, { localAddress: from, headers: { "x-forwarded-for": spoofed } });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const upstream = String(answer.headers["x-upstream"] ?? "?");
      upstreams.set(upstream, (upstreams.get(upstream) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  const passed = statuses.get(200) ?? 0;
  const limited = statuses.get(429) ?? 0;
  const lines = [
    `${total} requests from ${from}, each with a different spoofed X-Forwarded-For: ${passed} × 200, ${limited} × 429 (limit ${limit}/min per client IP)`,
    `spread over the replicas by nginx: ${[...upstreams].map(([u, n]) => `${u} ${n}`).join(", ")}`,
    `Redis as the replicas reported it before the scenario: ${redisStates}`,
  ];
  return { title: "(3) the rate limit is shared and cannot be bypassed with X-Forwarded-For", pass: passed === limit && limited === total - limit, lines };
}

/** Waits (up to 10 s) until every replica's readiness reports Redis healthy; returns what they reported last. */
async function redisHealthEverywhere(rig: Rig): Promise<string> {
  const deadline = performance.now() + 10_000;
  let states: string[] = [];
  do {
    states = await Promise.all(
      rig.replicas.map(async (r) => {
        const answer = await send(`${r.base}/api/health/readiness`).catch(() => undefined);
        return answer ? (json<{ checks?: { redis?: string } }>(answer).checks?.redis ?? String(answer.status)) : "no answer";
      }),
    );
    if (states.every((s) => s === "healthy")) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  } while (performance.now() < deadline);
  return states.join(", ");
}
