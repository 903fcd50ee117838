// npm run bench:ws-fanout — the WebSocket fan-out benchmark.
//
// Starts the REAL server as production runs it (node dist/server/index.js, NODE_ENV=production) on
// PostgreSQL (database fp_wsbench: created, migrated and seeded with the demo catalog and users if
// missing; PostgreSQL rather than embedded PGlite because PGlite lives inside the server process and
// would add ~400 MB to the RSS being measured). Signs in as the demo staff user through
// POST /api/v1/auth/token, opens BENCH_CLIENTS WebSockets with a ticket each (POST /api/v1/realtime/ticket; the
// ticket fetch is part of the connect time), subscribes each to the
// `metrics` channel (the server broadcasts one snapshot a second), and measures for BENCH_BROADCASTS
// broadcasts the delivery lag of every client: receive time − the snapshot's `at` (same machine, same
// clock; includes building the snapshot, serialising it once, writing it to every socket and this
// process reading and parsing it). Reports lag p50/p99/max, how many clients got each broadcast, and
// the server's RSS (VmRSS/VmHWM from /proc) idle and with every client connected.
// Targets at 2,000 clients: lag p99 ≤ 200 ms, RSS ≤ 250 MB. The exit code is 0 whether targets pass
// or miss (non-zero only when the bench itself fails). Results go to bench/results/ws-fanout-<time>.json.
//
// Environment: BENCH_CLIENTS (2000), BENCH_BROADCASTS (10, after 2 warm-up broadcasts), BENCH_PORT
// (6001), DATABASE_URL (postgres://postgres@127.0.0.1:5432/fp_wsbench), BENCH_SKIP_BUILD=1 (use the
// existing dist/server), BENCH_CONNECT_CONCURRENCY (200 upgrades in flight).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, relative } from "node:path";
import { WebSocket } from "ws";
import type { Snapshot } from "@shared/contracts/metrics";
import type { ServerMessage } from "@shared/realtime";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/seed-data";
import { BENCH_APP_ENV, buildServerBundle, cleanChildEnv } from "./lib/app-server";
import { prepareBenchDatabase } from "./lib/bench-database";
import { installChildGuards, spawnChild, type Child } from "./lib/children";
import { APP_ENTRY, intFromEnv, percentile, RESULTS_DIR, ROOT, round, sleep } from "./lib/config";
import { memoryOf, portIsFree, waitForOk } from "./lib/probes";

const TARGETS = { maxLagP99Ms: 200, maxRssMb: 250, atClients: 2_000 };
const WARMUP_BROADCASTS = 2;

const config = {
  clients: intFromEnv("BENCH_CLIENTS", 2_000),
  broadcasts: intFromEnv("BENCH_BROADCASTS", 10),
  port: intFromEnv("BENCH_PORT", 6001),
  connectConcurrency: intFromEnv("BENCH_CONNECT_CONCURRENCY", 200),
  databaseUrl: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/fp_wsbench",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
};

const log = (message: string) => console.log(message);

/** The child sees only what the bench sets: none of this shell's server variables leak in. */
function childEnv(): NodeJS.ProcessEnv {
  return {
    ...cleanChildEnv(),
    ...BENCH_APP_ENV,
    PORT: String(config.port),
    DATABASE_URL: config.databaseUrl,
    SESSION_SECRET: "ws-fanout-bench-session-secret-0123456789",
  };
}

async function staffAccessToken(base: string): Promise<string> {
  const staff = DEMO_USERS.find((u) => u.role === "staff");
  if (!staff) throw new Error("no demo staff user in server/seed/seed-data.ts");
  const res = await fetch(`${base}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: staff.email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`POST /api/v1/auth/token for ${staff.email} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

interface Receipt {
  at: string;
  lagMs: number;
}

interface BenchClient {
  ws: WebSocket;
  receipts: Receipt[];
  closedEarly: boolean;
}

/** Opens one socket, subscribes it to `metrics`, resolves once subscribed. */
function openClient(url: string, onSnapshot: (snapshot: Snapshot) => void): Promise<BenchClient> {
  return new Promise((resolvePromise, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 30_000 });
    const client: BenchClient = { ws, receipts: [], closedEarly: false };
    let subscribed = false;
    ws.on("message", (data) => {
      const receivedAt = Date.now();
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === "metrics") {
        client.receipts.push({ at: message.data.at, lagMs: receivedAt - Date.parse(message.data.at) });
        onSnapshot(message.data);
      } else if (message.type === "welcome") {
        ws.send(JSON.stringify({ type: "subscribe", channel: "metrics" }));
      } else if (message.type === "subscribed") {
        subscribed = true;
        resolvePromise(client);
      } else if (message.type === "error") {
        reject(new Error(`server error message: ${message.code} ${message.message}`));
      }
    });
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    ws.once("error", (err) => (subscribed ? undefined : reject(err)));
    ws.once("close", () => {
      if (subscribed) client.closedEarly = true;
    });
  });
}

async function openClients(
  url: () => Promise<string>,
  count: number,
  onSnapshot: (snapshot: Snapshot) => void,
): Promise<{ clients: BenchClient[]; ms: number }> {
  const started = performance.now();
  const clients: BenchClient[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      clients.push(await openClient(await url(), onSnapshot));
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.connectConcurrency, count) }, worker));
  return { clients, ms: performance.now() - started };
}

async function main() {
  installChildGuards();
  log(`ws-fanout: ${config.clients} clients, ${config.broadcasts} measured broadcasts (+${WARMUP_BROADCASTS} warm-up), port ${config.port}`);
  log(`open-file limit of this process (ulimit -n): ${spawnSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).stdout.trim()}`);
  if (!(await portIsFree(config.port))) throw new Error(`port ${config.port} is taken; set BENCH_PORT`);
  buildServerBundle(config.skipBuild, log);
  const database = await prepareBenchDatabase(config.databaseUrl, log);
  log(`database ${new URL(config.databaseUrl).pathname.slice(1)}: ${database.totalProducts} products${database.seeded ? " (seeded now)" : ""}`);

  const base = `http://127.0.0.1:${config.port}`;
  const spawnedAt = performance.now();
  const child: Child = spawnChild("app", process.execPath, [APP_ENTRY], childEnv(), ROOT);
  let clients: BenchClient[] = [];
  try {
    const bootToReadyMs = await waitForOk(`${base}/api/health/readiness`, spawnedAt, {
      everyMs: 50,
      timeoutMs: 30_000,
      exited: () => child.process.exitCode !== null,
    }).catch((err: Error) => {
      throw new Error(`${err.message}\n--- server output ---\n${child.output()}`);
    });
    await sleep(1_000);
    const idle = memoryOf(child.pid);
    log(`server ready in ${Math.round(bootToReadyMs)} ms; idle RSS ${round(idle.rssMb)} MB`);

    const token = await staffAccessToken(base);
    // A ticket opens one socket (ADR 048): every client fetches its own.
    const wsUrl = async () => {
      const res = await fetch(`${base}/api/v1/realtime/ticket`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`POST /api/v1/realtime/ticket answered ${res.status}: ${await res.text()}`);
      const { ticket } = (await res.json()) as { ticket: string };
      return `ws://127.0.0.1:${config.port}/ws?ticket=${encodeURIComponent(ticket)}`;
    };
    const seenAts = new Map<string, Snapshot>();
    const connected = await openClients(wsUrl, config.clients, (s) => {
      if (!seenAts.has(s.at)) seenAts.set(s.at, s);
    });
    clients = connected.clients;
    log(`${clients.length} clients connected and subscribed in ${Math.round(connected.ms)} ms`);

    // Measure only broadcasts that started after every client was subscribed.
    const measureFrom = new Date().toISOString();
    const wanted = WARMUP_BROADCASTS + config.broadcasts;
    const deadline = Date.now() + (wanted + 10) * 1_000;
    let connectedRss = memoryOf(child.pid);
    while (Date.now() < deadline) {
      const ats = [...seenAts.keys()].filter((at) => at > measureFrom);
      if (ats.length >= wanted + 1) break; // one more, so the last measured one has reached everyone
      await sleep(200);
      connectedRss = memoryOf(child.pid);
    }
    const measuredAts = [...seenAts.keys()]
      .filter((at) => at > measureFrom)
      .sort()
      .slice(WARMUP_BROADCASTS, wanted);
    if (measuredAts.length < config.broadcasts) throw new Error(`only ${measuredAts.length} broadcasts arrived in time`);
    const measured = new Set(measuredAts);

    const lags: number[] = [];
    const perBroadcast = measuredAts.map((at) => {
      const broadcastLags = clients.flatMap((c) => c.receipts.filter((r) => r.at === at).map((r) => r.lagMs)).sort((a, b) => a - b);
      return {
        at,
        received: broadcastLags.length,
        p50Ms: percentile(broadcastLags, 50),
        p99Ms: percentile(broadcastLags, 99),
        maxMs: broadcastLags.at(-1) ?? NaN,
      };
    });
    for (const c of clients) for (const r of c.receipts) if (measured.has(r.at)) lags.push(r.lagMs);
    lags.sort((a, b) => a - b);
    const serverView = measuredAts.map((at) => seenAts.get(at)!);

    const results = {
      bench: "ws-fanout",
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((n) => round(n, 2)), node: process.version },
      database: { driver: "pg", name: new URL(config.databaseUrl).pathname.slice(1) },
      config: { clients: config.clients, broadcasts: config.broadcasts, warmupBroadcasts: WARMUP_BROADCASTS },
      connect: { clients: clients.length, ms: Math.round(connected.ms) },
      lag: {
        deliveries: lags.length,
        expectedDeliveries: clients.length * measuredAts.length,
        p50Ms: percentile(lags, 50),
        p99Ms: percentile(lags, 99),
        maxMs: lags.at(-1) ?? NaN,
      },
      perBroadcast,
      server: {
        pid: child.pid,
        bootToReadyMs: Math.round(bootToReadyMs),
        idleRssMb: round(idle.rssMb),
        connectedRssMb: round(connectedRss.rssMb),
        peakRssMb: round(connectedRss.peakRssMb),
        snapshotWsConnections: serverView.at(-1)?.ws.connections,
        snapshotCpuPercent: serverView.map((s) => s.process.cpuPercent),
        snapshotEventLoopLagMs: serverView.map((s) => s.process.eventLoopLagMs),
      },
      clientsClosedEarly: clients.filter((c) => c.closedEarly).length,
    };
    const lagPass = results.lag.p99Ms <= TARGETS.maxLagP99Ms && results.lag.deliveries === results.lag.expectedDeliveries;
    const rssPass = results.server.peakRssMb <= TARGETS.maxRssMb;
    const verdicts = {
      lagP99: `${lagPass ? "PASS" : "MISS"} (${results.lag.p99Ms} ms, target ≤ ${TARGETS.maxLagP99Ms} ms, ${results.lag.deliveries}/${results.lag.expectedDeliveries} delivered)`,
      rss: `${rssPass ? "PASS" : "MISS"} (peak ${results.server.peakRssMb} MB, target ≤ ${TARGETS.maxRssMb} MB)`,
      note:
        config.clients === TARGETS.atClients
          ? "at the target's client count"
          : `targets are set for ${TARGETS.atClients} clients; this run used ${config.clients}`,
    };

    log("");
    log(`clients connected            ${clients.length} (server counted ${results.server.snapshotWsConnections})`);
    log(`delivery lag p50 / p99 / max ${results.lag.p50Ms} / ${results.lag.p99Ms} / ${results.lag.maxMs} ms over ${measuredAts.length} broadcasts`);
    log(`per broadcast p99 (ms)       ${perBroadcast.map((b) => b.p99Ms).join(", ")}`);
    log(`server RSS idle / connected / peak  ${results.server.idleRssMb} / ${results.server.connectedRssMb} / ${results.server.peakRssMb} MB`);
    log(`server CPU % per snapshot    ${results.server.snapshotCpuPercent.join(", ")}`);
    log(`lag p99 target               ${verdicts.lagP99}`);
    log(`RSS target                   ${verdicts.rss}`);
    log(`                             ${verdicts.note}`);

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `ws-fanout-${results.date.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify({ ...results, verdicts }, null, 2)}\n`);
    log(`results: ${relative(ROOT, file)}`);
  } finally {
    for (const c of clients) c.ws.terminate();
    await child.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
