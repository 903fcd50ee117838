// npm run bench:checkout — the checkout benchmark: throughput, latency and zero oversell, in two modes.
//
//   npm run bench:checkout                                 closed loop: 64 concurrent buyers, each placing its next
//                                                          order when the last one answered (orders/s at a fixed
//                                                          concurrency). Targets: ≥ 500 orders/s, p99 ≤ 150 ms.
//   npm run bench:checkout -- --rate 300 --duration 20     open loop: orders arrive at a constant rate whatever the
//                                                          server does; latency from each order's SCHEDULED send time
//                                                          (no coordinated omission). Target at 300/s: p99 ≤ 100 ms.
//
// Signed-in buyers (bearer tokens from POST /api/v1/auth/token, fetched before the clock starts) place orders —
// each with its own Idempotency-Key, 1–3 lines of 1–3 units, the success test card — against the REAL server (the
// production bundle, `node dist/server/index.js`, NODE_ENV=production) on PostgreSQL, in a database of its own
// (fp_checkout_bench, dropped, migrated and seeded on every run). Prints latency percentiles, orders/s, errors, the
// CPU time per order of the server, its PostgreSQL backends and the load generator (on a shared machine those say
// more than throughput does), the load average, then proves zero oversell: for every product, stock now + units in
// orders that kept their stock = initial stock, never below zero. Targets are reported as PASS/MISS; the exit code
// is non-zero only when the bench itself fails or an invariant (oversell, 5xx) breaks. Results: bench/results/.
//
// Options (flags win over the environment): --rate N (orders/s; switches to the open loop; BENCH_RATE),
// --duration S (BENCH_DURATION, 15), --warmup S (BENCH_WARMUP, 3), --buyers N (BENCH_BUYERS, 64). Environment
// only: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/fp_checkout_bench; dropped and recreated),
// BENCH_PRODUCTS (200), BENCH_PORT (5901), BENCH_POOL_SIZE (the server's DATABASE_POOL_SIZE, default 10 like
// production), BENCH_SKIP_BUILD=1 (use dist/server/index.js as it is; otherwise it is rebuilt when older than the
// sources), BENCH_REDIS_URL (run the server with Redis), BENCH_CPU_PROF=1 (a V8 CPU profile of the server in
// bench/results/.prof), BENCH_COLD_STATS=1 (skip the VACUUM ANALYZE after the warm-up: see analyzeAfterWarmUp),
// BENCH_DRAIN_S (how long to wait for the job backlog after the run, 60; 0 skips: see drainJobs).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { BENCH_APP_ENV, buildServerBundle, cleanChildEnv } from "./lib/app-server";
import { recreateDatabase } from "./lib/bench-database";
import { spawnChild, type Child } from "./lib/children";
import { analyzeAfterWarmUp, benchBackendPids, BUYER_PASSWORD, INITIAL_STOCK, jobsOutstanding, seedCheckout, verifyCheckout } from "./lib/checkout-fixture";
import { createCheckoutClient, type OpenLoopTally, type Tally } from "./lib/checkout-load";
import { APP_ENTRY, intFromEnv, percentile, RESULTS_DIR, ROOT, round, sleep } from "./lib/config";
import { fmtLoad } from "./lib/load-average";
import { cpuMsOf, waitForOk } from "./lib/probes";

const TARGETS = { closed: { minOrdersPerSecond: 500, maxP99Ms: 150 }, open: { atRate: 300, maxP99Ms: 100 } };

const { values: flags } = parseArgs({
  options: { rate: { type: "string" }, duration: { type: "string" }, warmup: { type: "string" }, buyers: { type: "string" } },
});
/** A positive integer flag, else the environment variable, else the default. */
function setting(flag: string | undefined, envName: string, fallback: number): number {
  if (flag === undefined) return intFromEnv(envName, fallback);
  const value = Number(flag);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${envName.slice(6).toLowerCase()} must be a positive integer, got ${flag}`);
  return value;
}

const ratePerS = flags.rate !== undefined || process.env.BENCH_RATE ? setting(flags.rate, "BENCH_RATE", 300) : undefined;
const config = {
  mode: ratePerS ? ("open" as const) : ("closed" as const),
  ratePerS,
  databaseUrl: process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/fp_checkout_bench",
  durationS: setting(flags.duration, "BENCH_DURATION", 15),
  warmupS: setting(flags.warmup, "BENCH_WARMUP", 3),
  buyers: setting(flags.buyers, "BENCH_BUYERS", 64),
  products: intFromEnv("BENCH_PRODUCTS", 200),
  port: intFromEnv("BENCH_PORT", 5901),
  poolSize: intFromEnv("BENCH_POOL_SIZE", 10),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  redisUrl: process.env.BENCH_REDIS_URL || undefined,
  coldStats: process.env.BENCH_COLD_STATS === "1",
  drainS: process.env.BENCH_DRAIN_S === "0" ? 0 : intFromEnv("BENCH_DRAIN_S", 60),
};

const log = (message: string) => console.log(`[checkout-bench] ${message}`);

/** Rebuilds the server bundle when it is older than any server, shared or build source. */
function ensureBuilt(): void {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ["server", "shared", "scripts"]) walk(join(ROOT, dir));
  const fresh = existsSync(APP_ENTRY) && statSync(APP_ENTRY).mtimeMs >= newest;
  buildServerBundle(config.skipBuild || fresh, log);
}

function startServer(): Child {
  const env: NodeJS.ProcessEnv = {
    ...cleanChildEnv(),
    ...BENCH_APP_ENV,
    PORT: String(config.port),
    DATABASE_URL: config.databaseUrl,
    DATABASE_POOL_SIZE: String(config.poolSize),
    SESSION_SECRET: randomBytes(32).toString("hex"),
    ...(config.redisUrl ? { REDIS_URL: config.redisUrl } : {}),
  };
  // BENCH_CPU_PROF=1 writes a V8 CPU profile of the server to bench/results/.prof on shutdown.
  const nodeArgs = process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", "--cpu-prof-dir", join(RESULTS_DIR, ".prof")] : [];
  // spawnChild never leaves the server behind, whatever happens to the bench.
  return spawnChild("app", process.execPath, [...nodeArgs, APP_ENTRY], env, ROOT);
}

/** CPU time used so far, in ms, of a process that may have ended meanwhile (then 0). */
function cpuMsOrZero(pid: number): number {
  try {
    return cpuMsOf(pid);
  } catch {
    return 0;
  }
}

const mark = (pass: boolean) => (pass ? "PASS" : "MISS");

/**
 * Each order also leaves work for the job worker (order.notify, then its mail), which falls behind under load: the
 * window's CPU per order leaves that backlog out. This lets the server drain it and measures what it costs,
 * so "all-in" CPU per order = the window's + the drain's, both divided by the window's orders (the backlog at the
 * window's start, from the warm-up, is counted too: an over-estimate by at most the warm-up's share).
 * BENCH_DRAIN_S bounds the wait (60 s; 0 skips the drain).
 */
async function drainJobs(serverPid: number, backendCpu: () => number) {
  const from = { at: performance.now(), server: cpuMsOrZero(serverPid), postgres: backendCpu() };
  const backlog = await jobsOutstanding(config.databaseUrl);
  let left = backlog;
  while (left > 0 && performance.now() - from.at < config.drainS * 1_000) {
    await sleep(250);
    left = await jobsOutstanding(config.databaseUrl);
  }
  return {
    backlog,
    left,
    seconds: round((performance.now() - from.at) / 1_000),
    cpuMs: { server: cpuMsOrZero(serverPid) - from.server, postgres: backendCpu() - from.postgres },
  };
}

async function main() {
  const started = performance.now();
  ensureBuilt();
  log(`database ${config.databaseUrl} (recreated)`);
  await recreateDatabase(config.databaseUrl);
  const seeded = await seedCheckout(config.databaseUrl, config.products, config.buyers);
  log(`seeded ${seeded.productIds.length} products × ${INITIAL_STOCK} units, ${seeded.emails.length} buyers`);

  const spawnedAt = performance.now();
  const server = startServer();
  const client = createCheckoutClient(config.port);
  try {
    const readyMs = await waitForOk(`http://127.0.0.1:${config.port}/api/health/readiness`, spawnedAt, {
      everyMs: 100,
      timeoutMs: 20_000,
      exited: () => server.process.exitCode !== null,
    }).catch((err: Error) => {
      throw new Error(`${err.message}\n${server.output()}`);
    });
    log(`server ready in ${Math.round(readyMs)} ms (pid ${server.pid}, pool ${config.poolSize}${config.redisUrl ? ", redis" : ""})`);

    // Sign every buyer in before the clock starts (argon2 verification is not what this bench measures).
    const tokens = await Promise.all(
      seeded.emails.map(async (email) => {
        const res = await client.call("POST", "/api/v1/auth/token", {}, JSON.stringify({ email, password: BUYER_PASSWORD }));
        if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.body}`);
        return (JSON.parse(res.body) as { accessToken: string }).accessToken;
      }),
    );
    const ids = seeded.productIds;
    const runLoad = (seconds: number, tag: string): Promise<Tally | OpenLoopTally> =>
      config.ratePerS ? client.openLoop(tokens, ids, config.ratePerS, seconds, tag) : client.closedLoop(tokens, ids, performance.now() + seconds * 1_000, tag);
    log(`${tokens.length} buyers signed in; warming up ${config.warmupS} s (load ${fmtLoad()})`);
    const warm = await runLoad(config.warmupS, "warm");
    if (config.coldStats) log("statistics left as the seed made them (BENCH_COLD_STATS=1: the order tables look empty to the planner)");
    else log(`vacuum analyze after the warm-up (autovacuum on this server: ${await analyzeAfterWarmUp(config.databaseUrl)})`);

    log(
      config.ratePerS
        ? `measuring ${config.durationS} s open loop at ${config.ratePerS} orders/s (buyers take turns)`
        : `measuring ${config.durationS} s with ${tokens.length} concurrent buyers`,
    );
    // The pool's backends all exist after the warm-up; their CPU time is what PostgreSQL spends on this bench.
    const backends = await benchBackendPids(config.databaseUrl);
    const backendCpu = () => backends.reduce((sum, pid) => sum + cpuMsOrZero(pid), 0);
    const cpuBefore = { server: cpuMsOrZero(server.pid), postgres: backendCpu(), bench: process.cpuUsage() };
    const measuredFrom = performance.now();
    const tally = await runLoad(config.durationS, "run");
    const open = "spanS" in tally ? tally : undefined;
    const elapsedS = open ? open.spanS : (performance.now() - measuredFrom) / 1_000;
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const cpuMs = {
      server: cpuMsOrZero(server.pid) - cpuBefore.server,
      postgres: backendCpu() - cpuBefore.postgres,
      loadGenerator: (benchCpu.user + benchCpu.system) / 1_000,
    };
    const loadDuringRun = fmtLoad();
    const drain = await drainJobs(server.pid, backendCpu);

    await server.stop(10_000);
    const verdict = await verifyCheckout(config.databaseUrl);

    const sorted = [...tally.latenciesMs].sort((a, b) => a - b);
    const created = tally.statuses.get(201) ?? 0;
    const ordersPerSecond = created / elapsedS;
    const latency = {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? NaN),
    };
    const serverErrors = [...tally.statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
    const errors = [...tally.statuses].filter(([s]) => s !== 201).reduce((sum, [, n]) => sum + n, 0) + tally.transportErrors + (open?.unanswered ?? 0);
    const warmCreated = warm.statuses.get(201) ?? 0;
    const oversellFree = verdict.negativeStock === 0 && verdict.mismatchedProducts === 0 && verdict.unitsTaken === verdict.unitsHeld;
    // Orders whose answer never came (client timeout, drain ended) may or may not have been placed: between the bounds.
    const unknown = [warm, tally].reduce((sum: number, t: Tally | OpenLoopTally) => sum + t.transportErrors + ("unanswered" in t ? t.unanswered : 0), 0);
    const paid = verdict.ordersByStatus.paid ?? 0;
    const within = (n: number) => n >= created + warmCreated && n <= created + warmCreated + unknown;
    const everyAnswerIsAnOrder = within(paid) && within(verdict.chargesSucceeded);
    const perOrder = (ms: number) => round(ms / Math.max(1, created), 2);
    const targets = open
      ? {
          p99Ms: {
            target: `≤ ${TARGETS.open.maxP99Ms} at ${TARGETS.open.atRate}/s`,
            pass: latency.p99 <= TARGETS.open.maxP99Ms && config.ratePerS! >= TARGETS.open.atRate,
          },
          achievedRate: { target: `≥ 99 % of ${config.ratePerS}/s`, pass: ordersPerSecond >= 0.99 * config.ratePerS! },
          zeroOversell: { pass: oversellFree },
        }
      : {
          ordersPerSecond: { target: `≥ ${TARGETS.closed.minOrdersPerSecond}`, pass: ordersPerSecond >= TARGETS.closed.minOrdersPerSecond },
          p99Ms: { target: `≤ ${TARGETS.closed.maxP99Ms}`, pass: latency.p99 <= TARGETS.closed.maxP99Ms },
          zeroOversell: { pass: oversellFree },
        };

    const result = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((l) => round(l, 2)), loadDuringRun, node: process.version },
      config: { ...config, databaseUrl: config.databaseUrl.replace(/\/\/[^@]*@/, "//…@") },
      orders: {
        created,
        ordersPerSecond: round(ordersPerSecond),
        statuses: Object.fromEntries(tally.statuses),
        transportErrors: tally.transportErrors,
        errors,
      },
      openLoop: open && {
        offeredRate: config.ratePerS,
        scheduled: open.scheduled,
        lateSends: open.lateSends,
        unanswered: open.unanswered,
        spanS: round(open.spanS, 2),
      },
      latencyMs: latency,
      // CPU spent per order during the measured window: what the throughput would be on idle cores.
      cpuMsPerOrder: { server: perOrder(cpuMs.server), postgres: perOrder(cpuMs.postgres), loadGenerator: perOrder(cpuMs.loadGenerator) },
      jobDrain: drain,
      allInCpuMsPerOrder: { server: perOrder(cpuMs.server + drain.cpuMs.server), postgres: perOrder(cpuMs.postgres + drain.cpuMs.postgres) },
      verdict,
      targets,
      totalSeconds: round((performance.now() - started) / 1_000),
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `checkout-${config.mode}-${result.at.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);

    const statuses = JSON.stringify(Object.fromEntries(tally.statuses));
    console.log("");
    if (open) {
      console.log(
        `  checkout, OPEN loop: ${config.ratePerS} orders/s offered for ${config.durationS} s over ${tokens.length} buyers, PostgreSQL, pool ${config.poolSize}   load ${loadDuringRun}`,
      );
      console.log(
        `  achieved   ${round(ordersPerSecond)} orders/s (${created} of ${open.scheduled} scheduled, answered within ${round(open.spanS, 2)} s; sends late > 10 ms: ${open.lateSends})   ${mark(targets.achievedRate!.pass)} ${targets.achievedRate!.target}`,
      );
      console.log(
        `  latency    from scheduled send: p50 ${latency.p50} ms · p90 ${latency.p90} ms · p99 ${latency.p99} ms · max ${latency.max} ms   ${mark(targets.p99Ms.pass)} p99 ${targets.p99Ms.target}   load ${fmtLoad()}`,
      );
      console.log(`  errors     ${errors} (statuses ${statuses}, transport errors ${tally.transportErrors}, unanswered after the drain ${open.unanswered})`);
    } else {
      console.log(
        `  checkout, CLOSED loop: ${tokens.length} concurrent buyers, ${round(elapsedS)} s, PostgreSQL, pool ${config.poolSize}   load ${loadDuringRun}`,
      );
      console.log(
        `  orders/s   ${round(ordersPerSecond)}   (${created} orders)   ${mark(targets.ordersPerSecond!.pass)} ${targets.ordersPerSecond!.target}   load ${fmtLoad()}`,
      );
      console.log(
        `  latency    p50 ${latency.p50} ms · p90 ${latency.p90} ms · p99 ${latency.p99} ms · max ${latency.max} ms   ${mark(targets.p99Ms.pass)} p99 ${targets.p99Ms.target}`,
      );
      console.log(`  errors     ${errors} (statuses ${statuses}, transport errors ${tally.transportErrors})`);
    }
    console.log(
      `  cpu/order  server ${result.cpuMsPerOrder.server} ms · postgres ${result.cpuMsPerOrder.postgres} ms · load generator ${result.cpuMsPerOrder.loadGenerator} ms (${result.machine.cpus} cores shared by all three)`,
    );
    console.log(
      `  all-in     server ${result.allInCpuMsPerOrder.server} ms · postgres ${result.allInCpuMsPerOrder.postgres} ms per order with the job backlog drained (${drain.backlog} jobs in ${drain.seconds} s${drain.left ? `, ${drain.left} LEFT after ${config.drainS} s` : ""})`,
    );
    console.log(
      `  oversell   units taken ${verdict.unitsTaken} = units in live orders ${verdict.unitsHeld}; negative stock ${verdict.negativeStock}; mismatched products ${verdict.mismatchedProducts}   ${oversellFree ? "PASS zero oversell" : "FAIL"}`,
    );
    console.log(
      `  orders     ${JSON.stringify(verdict.ordersByStatus)} · succeeded charges ${verdict.chargesSucceeded} (${everyAnswerIsAnOrder ? `one per 201${unknown ? `, plus ≤ ${unknown} unanswered` : ""}` : "MISMATCH with the 201s"})`,
    );
    console.log(`  machine    ${result.machine.cpus} CPUs, load average ${fmtLoad()} · total ${result.totalSeconds} s · ${file.slice(ROOT.length + 1)}`);
    console.log("");
    if (!oversellFree || serverErrors > 0 || !everyAnswerIsAnOrder) process.exitCode = 1;
  } finally {
    await server.stop(10_000);
    client.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
