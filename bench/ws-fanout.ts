// npm run bench:ws-fanout — the WebSocket fan-out benchmark, clients spread over several processes.
//
// Starts the REAL server as production runs it (node dist/server/index.js, NODE_ENV=production) on PostgreSQL
// (database fp_wsbench: created, migrated and seeded with the demo catalog and users if missing; PostgreSQL rather
// than embedded PGlite because PGlite lives inside the server process and would add ~400 MB to the RSS being
// measured), with its open-file limit raised to fit every socket (`ulimit -n`, up to the hard limit). Signs in as
// the demo staff user (POST /api/v1/auth/token), then forks BENCH_PROCESSES client processes
// (bench/lib/ws-fanout-client.ts) that share BENCH_CLIENTS WebSockets between them — one ticket each
// (POST /api/v1/realtime/ticket), all subscribed to the `metrics` channel, which the server broadcasts once a second
// — so no single client event loop is what gets measured. For BENCH_BROADCASTS broadcasts (after 2 warm-up ones)
// every socket's delivery lag is recorded: receive time − the snapshot's `at` (the server's publish time; same
// machine, same clock; includes building the snapshot, serialising it once, writing it to every socket and a
// client process reading and parsing it). Reports lag p50/p99/max over all processes, deliveries, the server's RSS
// (VmRSS/VmHWM from /proc) idle and with every client connected, and the load average beside every figure.
// Targets at 10,000 clients: lag p99 ≤ 100 ms, RSS ≤ 250 MB. The exit code is 0 whether targets pass or miss
// (non-zero only when the bench itself fails). Results go to bench/results/ws-fanout-<time>.json.
//
// Environment: BENCH_CLIENTS (10000), BENCH_PROCESSES (4), BENCH_BROADCASTS (10), BENCH_PORT (6001), DATABASE_URL
// (postgres://postgres@127.0.0.1:5432/fp_wsbench), BENCH_SKIP_BUILD=1 (use the existing dist/server),
// BENCH_CONNECT_CONCURRENCY (upgrades in flight per client process, 50), BENCH_NODE_FLAGS (Node flags for the server,
// e.g. "--max-semi-space-size=4" or "--heapsnapshot-signal=SIGUSR2" to look at what each socket holds).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { WebSocket } from "ws";
import type { Snapshot } from "@shared/contracts/metrics";
import type { ServerMessage } from "@shared/realtime";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/seed-data";
import { BENCH_APP_ENV, buildServerBundle, cleanChildEnv } from "./lib/app-server";
import { prepareBenchDatabase } from "./lib/bench-database";
import { installChildGuards, spawnChild, type Child } from "./lib/children";
import { APP_ENTRY, intFromEnv, nodeFlagsFromEnv, percentile, RESULTS_DIR, ROOT, round, sleep } from "./lib/config";
import { fmtLoad } from "./lib/load-average";
import { memoryOf, portIsFree, waitForOk } from "./lib/probes";
import type { FromClient, ToClient } from "./lib/ws-fanout-client";

const TARGETS = { maxLagP99Ms: 100, maxRssMb: 250, atClients: 10_000 };
const WARMUP_BROADCASTS = 2;
const CLIENT_BUNDLE = join(RESULTS_DIR, ".build/ws-fanout-client.mjs");

const config = {
  clients: intFromEnv("BENCH_CLIENTS", 10_000),
  processes: intFromEnv("BENCH_PROCESSES", 4),
  broadcasts: intFromEnv("BENCH_BROADCASTS", 10),
  port: intFromEnv("BENCH_PORT", 6001),
  connectConcurrency: intFromEnv("BENCH_CONNECT_CONCURRENCY", 50),
  databaseUrl: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/fp_wsbench",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  nodeFlags: nodeFlagsFromEnv(),
};

const log = (message: string) => console.log(message);
const shell = (command: string) => spawnSync("sh", ["-c", command], { encoding: "utf8" }).stdout.trim();

/** The open-file limit every process gets: enough for its sockets plus headroom, within the hard limit. */
function fileLimit(sockets: number): number {
  const hard = shell("ulimit -Hn");
  const wanted = sockets + 1_024;
  const limit = hard === "unlimited" ? wanted : Math.min(wanted, Number(hard));
  if (limit < wanted)
    throw new Error(`${sockets} sockets need ulimit -n ≥ ${wanted}, but the hard limit is ${hard}: raise it (e.g. LimitNOFILE or /etc/security/limits.conf)`);
  return limit;
}

/** A Node child whose open-file limit is raised first (sh's ulimit, then exec: the pid is Node's). */
function spawnWithFileLimit(name: string, limit: number, args: string[], env: NodeJS.ProcessEnv, ipc = false): Child {
  return spawnChild(name, "sh", ["-c", `ulimit -n ${limit} && exec "$0" "$@"`, process.execPath, ...args], env, ROOT, { ipc });
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

/** The next message of a kind from a client process (or its failure / exit). */
function nextMessage<K extends FromClient["type"]>(child: Child, type: K, timeoutMs: number): Promise<Extract<FromClient, { type: K }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`${child.name}: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: FromClient) => {
      if (message.type === type) done(undefined, message as Extract<FromClient, { type: K }>);
      else if (message.type === "failed") done(new Error(`${child.name}: ${message.message}`));
    };
    const onExit = () => done(new Error(`${child.name} exited\n${child.output()}`));
    const done = (err?: Error, message?: Extract<FromClient, { type: K }>) => {
      clearTimeout(timer);
      child.process.off("message", onMessage);
      child.process.off("exit", onExit);
      if (err) reject(err);
      else resolve(message!);
    };
    child.process.on("message", onMessage);
    child.process.once("exit", onExit);
  });
}

/** One socket of the bench itself, subscribed to `metrics`: which broadcasts went out, and the server's own view. */
function observe(wsUrl: string, onSnapshot: (s: Snapshot) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
    ws.on("message", (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === "welcome") ws.send(JSON.stringify({ type: "subscribe", channel: "metrics" }));
      else if (message.type === "subscribed") resolve(ws);
      else if (message.type === "metrics") onSnapshot(message.data);
    });
    ws.once("error", reject);
  });
}

async function main() {
  installChildGuards();
  const perProcess = Math.ceil(config.clients / config.processes);
  log(
    `ws-fanout: ${config.clients} clients over ${config.processes} client processes (${perProcess} each), ${config.broadcasts} measured broadcasts (+${WARMUP_BROADCASTS} warm-up), port ${config.port}`,
  );
  log(`machine: ${cpus().length} cores, node ${process.version}, load average ${fmtLoad()}`);
  const serverFiles = fileLimit(config.clients + 1);
  const clientFiles = fileLimit(perProcess);
  log(
    `open-file limits (ulimit -n): this shell ${shell("ulimit -Sn")} (hard ${shell("ulimit -Hn")}); server raised to ${serverFiles}, each client process to ${clientFiles}`,
  );
  if (!(await portIsFree(config.port))) throw new Error(`port ${config.port} is taken; set BENCH_PORT`);
  buildServerBundle(config.skipBuild, log);
  await build({
    entryPoints: [join(ROOT, "bench/lib/ws-fanout-client.ts")],
    outfile: CLIENT_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
  });
  const database = await prepareBenchDatabase(config.databaseUrl, log);
  log(`database ${new URL(config.databaseUrl).pathname.slice(1)}: ${database.totalProducts} products${database.seeded ? " (seeded now)" : ""}`);

  const base = `http://127.0.0.1:${config.port}`;
  const env = {
    ...cleanChildEnv(),
    ...BENCH_APP_ENV,
    PORT: String(config.port),
    DATABASE_URL: config.databaseUrl,
    SESSION_SECRET: "ws-fanout-bench-session-secret-0123456789",
    // Every socket comes from 127.0.0.1 and one staff account: the per-address and per-account caps are for the internet.
    MAX_CONNECTIONS_PER_IP: "0",
    WS_MAX_CONNECTIONS_PER_USER: "0",
  };
  const spawnedAt = performance.now();
  const server = spawnWithFileLimit("app", serverFiles, [...config.nodeFlags, APP_ENTRY], env);
  const clientProcesses: Child[] = [];
  let observer: WebSocket | undefined;
  try {
    const bootToReadyMs = await waitForOk(`${base}/api/health/readiness`, spawnedAt, {
      everyMs: 50,
      timeoutMs: 30_000,
      exited: () => server.process.exitCode !== null,
    }).catch((err: Error) => {
      throw new Error(`${err.message}\n--- server output ---\n${server.output()}`);
    });
    await sleep(1_000);
    const idle = memoryOf(server.pid);
    log(`server ready in ${Math.round(bootToReadyMs)} ms; idle RSS ${round(idle.rssMb)} MB  load ${fmtLoad()}`);

    const token = await staffAccessToken(base);
    const ticket = await fetch(`${base}/api/v1/realtime/ticket`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    const snapshots = new Map<string, Snapshot>();
    observer = await observe(`ws://127.0.0.1:${config.port}/ws?ticket=${encodeURIComponent(((await ticket.json()) as { ticket: string }).ticket)}`, (s) =>
      snapshots.set(s.at, s),
    );

    const connectStarted = performance.now();
    for (let i = 0; i < config.processes; i++) {
      clientProcesses.push(spawnWithFileLimit(`clients-${i + 1}`, clientFiles, [CLIENT_BUNDLE], cleanChildEnv(), true));
    }
    const connected = await Promise.all(
      clientProcesses.map((child, i) => {
        const count = Math.max(0, Math.min(perProcess, config.clients - i * perProcess));
        const start: ToClient = { type: "start", base, token, count, concurrency: config.connectConcurrency };
        child.process.send(start);
        return nextMessage(child, "connected", 300_000);
      }),
    );
    const clients = connected.reduce((sum, c) => sum + c.clients, 0);
    const connectMs = performance.now() - connectStarted;
    log(
      `${clients} clients connected and subscribed in ${Math.round(connectMs)} ms (per process: ${connected.map((c) => c.clients).join(", ")})  load ${fmtLoad()}`,
    );

    // Measure only broadcasts that started after every client was subscribed.
    const measureFrom = new Date().toISOString();
    const wanted = WARMUP_BROADCASTS + config.broadcasts;
    const deadline = Date.now() + (wanted + 15) * 1_000;
    let connectedRss = memoryOf(server.pid);
    const after = () => [...snapshots.keys()].filter((at) => at > measureFrom).sort();
    while (Date.now() < deadline && after().length < wanted + 1) {
      await sleep(200);
      connectedRss = memoryOf(server.pid);
    }
    const measuredAts = after().slice(WARMUP_BROADCASTS, wanted);
    if (measuredAts.length < config.broadcasts) throw new Error(`only ${measuredAts.length} broadcasts arrived in time`);
    await sleep(2_000); // the last measured broadcast reaches the slowest client process
    const collect: ToClient = { type: "collect", ats: measuredAts };
    const receipts = await Promise.all(
      clientProcesses.map((child) => {
        child.process.send(collect);
        return nextMessage(child, "receipts", 60_000);
      }),
    );

    const perBroadcast = measuredAts.map((at) => {
      const lags = receipts.flatMap((r) => r.lagsByAt[at] ?? []).sort((a, b) => a - b);
      return { at, received: lags.length, p50Ms: percentile(lags, 50), p99Ms: percentile(lags, 99), maxMs: lags.at(-1) ?? NaN };
    });
    const lags = receipts.flatMap((r) => measuredAts.flatMap((at) => r.lagsByAt[at] ?? [])).sort((a, b) => a - b);
    const perProcessP99 = receipts.map((r) =>
      percentile(
        measuredAts.flatMap((at) => r.lagsByAt[at] ?? []).sort((a, b) => a - b),
        99,
      ),
    );
    const serverView = measuredAts.map((at) => snapshots.get(at)!);

    const results = {
      bench: "ws-fanout",
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: fmtLoad(), node: process.version },
      database: { driver: "pg", name: new URL(config.databaseUrl).pathname.slice(1) },
      config: { clients: config.clients, processes: config.processes, broadcasts: config.broadcasts, warmupBroadcasts: WARMUP_BROADCASTS },
      connect: { clients, ms: Math.round(connectMs) },
      lag: {
        deliveries: lags.length,
        expectedDeliveries: clients * measuredAts.length,
        p50Ms: percentile(lags, 50),
        p99Ms: percentile(lags, 99),
        maxMs: lags.at(-1) ?? NaN,
        perProcessP99,
      },
      perBroadcast,
      server: {
        pid: server.pid,
        bootToReadyMs: Math.round(bootToReadyMs),
        idleRssMb: round(idle.rssMb),
        connectedRssMb: round(connectedRss.rssMb),
        peakRssMb: round(connectedRss.peakRssMb),
        snapshotWsConnections: serverView.at(-1)?.ws.connections,
        snapshotCpuPercent: serverView.map((s) => s.process.cpuPercent),
        snapshotEventLoopLagMs: serverView.map((s) => s.process.eventLoopLagMs),
      },
      clientProcesses: receipts.map((r) => ({ closedEarly: r.closedEarly, cpuMs: Math.round(r.cpuMs) })),
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
    log(
      `clients connected            ${clients} over ${config.processes} processes (server counted ${results.server.snapshotWsConnections}, incl. the bench's observer)`,
    );
    log(
      `delivery lag p50 / p99 / max ${results.lag.p50Ms} / ${results.lag.p99Ms} / ${results.lag.maxMs} ms over ${measuredAts.length} broadcasts   load ${fmtLoad()}`,
    );
    log(`per broadcast p99 (ms)       ${perBroadcast.map((b) => b.p99Ms).join(", ")}`);
    log(`per client process p99 (ms)  ${perProcessP99.join(", ")}`);
    log(
      `server RSS idle / connected / peak  ${results.server.idleRssMb} / ${results.server.connectedRssMb} / ${results.server.peakRssMb} MB   load ${fmtLoad()}`,
    );
    log(`server CPU % per snapshot    ${results.server.snapshotCpuPercent.join(", ")}`);
    log(`lag p99 target               ${verdicts.lagP99}`);
    log(`RSS target                   ${verdicts.rss}`);
    log(`                             ${verdicts.note}; load average ${fmtLoad()} on ${cpus().length} cores (shared box: indicative)`);

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `ws-fanout-${results.date.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify({ ...results, verdicts }, null, 2)}\n`);
    log(`results: ${relative(ROOT, file)}`);
  } finally {
    observer?.terminate();
    await Promise.all(clientProcesses.map((c) => c.stop(2_000)));
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
