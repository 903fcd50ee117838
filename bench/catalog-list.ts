// npm run bench:catalog-list — the catalog-list benchmark: the app against a bare baseline doing the same query.
//
// GET /api/v1/products?limit=24 under autocannon (32 connections) on PostgreSQL with the seeded demo
// catalog, against
//   - the REAL app, built and started exactly as in production (node dist/server/index.js), and
//   - a BASELINE: bench/lib/raw-server.ts, bare node:http + pg running the very statement the app
//     sends (captured from the app's own repository), same JSON, same pool size,
// alternately, BENCH_ROUNDS times each, keeping each one's best run. Also boot-to-ready, idle RSS, the
// server's own CPU per request (steadier than req/s on a busy machine), database statements per
// request (pg_stat_database), and a check that both servers answer the same JSON.
// Targets are reported as PASS/MISS; the exit code is 0 either way (non-zero only when the bench
// itself fails). Results go to bench/results/catalog-list-<timestamp>.json.
//
// Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/fp_bench, created and
// seeded if missing or empty), BENCH_DURATION (s, 10), BENCH_WARMUP (s, 3), BENCH_CONNECTIONS (32),
// BENCH_ROUNDS (2), BENCH_PORT_BASE (5701), BENCH_SKIP_BUILD=1 (use the existing dist/server),
// BENCH_REDIS_URL (default redis://127.0.0.1:6379; "" turns it off) adds an "app cached + redis" scenario when it answers PING.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { build } from "esbuild";
import { productImagePath } from "../server/features/catalog/product-image";
import { BENCH_APP_ENV, buildServerBundle, cleanChildEnv } from "./lib/app-server";
import { DEFAULT_BENCH_DATABASE_URL, databaseTransactions, prepareBenchDatabase, type BenchDatabase } from "./lib/bench-database";
import { captureProductListQuery, type CapturedQuery } from "./lib/captured-sql";
import { installChildGuards, spawnChild, type Child } from "./lib/children";
import { APP_ENTRY, intFromEnv, RESULTS_DIR, ROOT, sleep } from "./lib/config";
import { runLoad, type LoadSummary } from "./lib/load";
import { cpuMsOf, httpGet, memoryOf, portIsFree, redisAnswers, waitForOk } from "./lib/probes";

const RAW_SERVER_BUNDLE = join(RESULTS_DIR, ".build/raw-server.mjs");

const PAGE_SIZE = 24;
const QUERY = { limit: String(PAGE_SIZE) };
const LIST_PATH = `/api/v1/products?limit=${PAGE_SIZE}`;
const READINESS_PATH = "/api/health/readiness";

const TARGETS = { minRatio: 0.7, maxP99Ms: 25, maxIdleRssMb: 100, maxBootMs: 1_000, minCachedRatio: 1.5 };

const config = {
  databaseUrl: process.env.DATABASE_URL || DEFAULT_BENCH_DATABASE_URL,
  durationS: intFromEnv("BENCH_DURATION", 10),
  warmupS: intFromEnv("BENCH_WARMUP", 3),
  connections: intFromEnv("BENCH_CONNECTIONS", 32),
  rounds: intFromEnv("BENCH_ROUNDS", 2),
  portBase: intFromEnv("BENCH_PORT_BASE", 5701),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  redisUrl: (process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379") || undefined,
  poolSize: 10, // DATABASE_POOL_SIZE's default: the app and the baseline get the same
};

// ---------------------------------------------------------------- scenarios

interface ServerCommand {
  command: string;
  args: string[];
}

interface ScenarioRun {
  name: string;
  round: number;
  port: number;
  pid: number;
  bootToReadyMs: number;
  idleRssMb: number;
  afterLoadRssMb: number;
  peakRssMb: number;
  sample: { status: number; bytes: number; contentType: string | undefined };
  warmup: LoadSummary;
  measured: LoadSummary;
  /** The server's own CPU (user + system) per measured request: steadier than req/s on a shared machine. */
  cpuUsPerRequest: number;
  /** Server CPU during the measured run divided by its duration (1.0 = one core saturated). */
  serverCoresBusy: number;
  /** Database transactions (autocommit statements) per request over warm-up + measured run. */
  dbStatementsPerRequest: number;
  /** Catalog cache hits ÷ lookups over the whole run, from the app's /metrics (undefined when it has no cache). */
  cacheHitRatio?: number;
}

interface Scenario {
  name: string;
  server: ServerCommand;
  env: Record<string, string>;
}

const log = (message: string) => console.log(message);

/** First response bodies per scenario, compared afterwards (the baseline must answer what the app answers). */
const sampleBodies = new Map<string, string>();

/**
 * Starts one server, times spawn → first 200 from readiness (polled every 10 ms), reads its idle
 * RSS, takes a sample response, warms up, measures, and stops it (always, even on failure).
 */
async function runScenario(name: string, server: ServerCommand, env: Record<string, string>, round: number): Promise<ScenarioRun> {
  const port = Number(env.PORT);
  if (!(await portIsFree(port))) throw new Error(`${name}: port ${port} is taken`);
  const base = `http://127.0.0.1:${port}`;
  const spawnedAt = performance.now();
  const child: Child = spawnChild(name, server.command, server.args, { ...cleanChildEnv(), ...env }, ROOT);
  let run: Omit<ScenarioRun, "dbStatementsPerRequest">;
  let transactionsBefore: number;
  try {
    const bootToReadyMs = await waitForOk(`${base}${READINESS_PATH}`, spawnedAt, {
      everyMs: 10,
      timeoutMs: 30_000,
      exited: () => child.process.exitCode !== null,
    });
    await sleep(500); // let boot-time work settle before calling the process idle
    const idle = memoryOf(child.pid);
    transactionsBefore = await databaseTransactions(config.databaseUrl);
    const sample = await httpGet(`${base}${LIST_PATH}`);
    if (sample.status !== 200) throw new Error(`${name}: GET ${LIST_PATH} answered ${sample.status}: ${sample.body.slice(0, 300)}`);
    if (!sampleBodies.has(name)) sampleBodies.set(name, sample.body);
    log(
      `  ${name} (round ${round}, pid ${child.pid}, port ${port}): ready in ${bootToReadyMs.toFixed(0)} ms, idle RSS ${idle.rssMb.toFixed(1)} MB; warm-up ${config.warmupS} s…`,
    );
    const warmup = await runLoad(`${base}${LIST_PATH}`, config.connections, config.warmupS);
    const cpuBefore = cpuMsOf(child.pid);
    const loadStarted = performance.now();
    const measured = await runLoad(`${base}${LIST_PATH}`, config.connections, config.durationS);
    const cpuMs = cpuMsOf(child.pid) - cpuBefore;
    const serverCoresBusy = cpuMs / (performance.now() - loadStarted);
    const cpuUsPerRequest = measured.requests > 0 ? (cpuMs * 1000) / measured.requests : 0;
    const after = memoryOf(child.pid);
    const cacheHitRatio = await cacheHitRatioOf(base);
    log(
      `    measured ${config.durationS} s: ${measured.reqPerSec.toFixed(0)} req/s, p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms, errors ${measured.errors}, non-2xx ${measured.non2xx}; ` +
        `server CPU ${cpuUsPerRequest.toFixed(0)} µs/request (${serverCoresBusy.toFixed(2)} cores busy)`,
    );
    run = {
      name,
      round,
      port,
      pid: child.pid,
      bootToReadyMs,
      idleRssMb: idle.rssMb,
      afterLoadRssMb: after.rssMb,
      peakRssMb: after.peakRssMb,
      sample: { status: sample.status, bytes: Buffer.byteLength(sample.body), contentType: sample.headers["content-type"] as string | undefined },
      warmup,
      measured,
      cpuUsPerRequest,
      serverCoresBusy,
      cacheHitRatio,
    };
  } catch (err) {
    console.error(`--- last output of ${name} ---\n${child.output()}\n---`);
    throw err;
  } finally {
    await child.stop();
  }
  // The server's backends have exited (pool closed), so their counts are published: read the delta now.
  await sleep(200);
  const requests = 1 + run.warmup.requests + run.measured.requests;
  const dbStatementsPerRequest = ((await databaseTransactions(config.databaseUrl)) - transactionsBefore - 1) / requests;
  return { ...run, dbStatementsPerRequest };
}

/** Reads the catalog cache counters the app exports on /metrics (the report includes the hit ratio). */
async function cacheHitRatioOf(base: string): Promise<number | undefined> {
  const res = await httpGet(`${base}/metrics`);
  if (res.status !== 200) return undefined;
  const counter = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(res.body)?.[1] ?? Number.NaN);
  const hits = counter("fp_catalog_cache_hits_total");
  const misses = counter("fp_catalog_cache_misses_total");
  return Number.isFinite(hits) && Number.isFinite(misses) && hits + misses > 0 ? hits / (hits + misses) : undefined;
}

// ---------------------------------------------------------------- build

async function buildRawServer(): Promise<void> {
  // Bundled to plain JS and run by node like the app: no TypeScript loader in the baseline either.
  await build({
    entryPoints: [join(ROOT, "bench/lib/raw-server.ts")],
    outfile: RAW_SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

// ---------------------------------------------------------------- report

interface Best {
  name: string;
  best: ScenarioRun;
  runs: ScenarioRun[];
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const pad = (s: string, n: number) => s.padStart(n);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map(
      (r, ri) =>
        r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : pad(c, widths[i]!))).join("  ") +
        (ri === 0 ? `\n${widths.map((w) => "-".repeat(w)).join("  ")}` : ""),
    )
    .join("\n");
}

function gitHead(): string | undefined {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "server", "shared", "scripts"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head} (+ uncommitted changes in server/shared/scripts)` : head;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  installChildGuards();
  const startedAt = new Date();
  const loadBefore = loadavg();
  log(
    `bench:catalog-list — GET ${LIST_PATH}, ${config.connections} connections, ${config.durationS} s measured after ${config.warmupS} s warm-up, ${config.rounds} alternating rounds`,
  );
  log(`machine: ${cpus().length} cores, node ${process.version}; load average before: ${loadBefore.map((l) => l.toFixed(2)).join(" ")}`);
  log("note: the app logs at LOG_LEVEL=warn here; at info every request writes a JSON access-log line and the bench would partly measure the logger.");

  log(`\nDatabase ${config.databaseUrl.replace(/:[^:@/]*@/, ":***@")}`);
  const database: BenchDatabase = await prepareBenchDatabase(config.databaseUrl, log);
  log(`  ${database.totalProducts} products (${database.visibleProducts} visible to shoppers)${database.seeded ? ", seeded now" : ""}`);
  if (database.totalProducts < 2_000) log(`  WARNING: the targets assume the 2,000-product demo catalog; this database has ${database.totalProducts}.`);

  const query: CapturedQuery = await captureProductListQuery(QUERY);
  log(`\nThe app's statement for ${LIST_PATH} (captured from catalog.service → catalog.repo), params ${JSON.stringify(query.params)}:`);
  log(`  ${query.text.replace(/\s+/g, " ")}`);

  log("");
  buildServerBundle(config.skipBuild, log);
  await buildRawServer();
  log(`Built the baseline: ${relative(ROOT, RAW_SERVER_BUNDLE)}`);

  const common = { HOST: "127.0.0.1", DATABASE_URL: config.databaseUrl, DATABASE_POOL_SIZE: String(config.poolSize) };
  const appEnv = { ...common, ...BENCH_APP_ENV, SESSION_SECRET: "bench-only-session-secret-0123456789abcdef" };
  const node = (entry: string): ServerCommand => ({ command: process.execPath, args: [entry] });
  const scenarios: Scenario[] = [
    {
      name: "baseline",
      server: node(RAW_SERVER_BUNDLE),
      env: {
        ...common,
        PORT: String(config.portBase),
        BASELINE_QUERY: JSON.stringify(query),
        BASELINE_PAGE_SIZE: String(PAGE_SIZE),
        BASELINE_SORT: "newest",
        BASELINE_IMAGE_PREFIX: productImagePath("").replace(/\.svg$/, ""),
      },
    },
    // The fair comparison: the app doing the same work as the baseline, so its cache is off.
    { name: "app", server: node(APP_ENTRY), env: { ...appEnv, CACHE_TTL_SECONDS: "0", PORT: String(config.portBase + 1) } },
    // The same request with the catalog cache warm (in process, then shared through Redis).
    { name: "app cached", server: node(APP_ENTRY), env: { ...appEnv, CACHE_TTL_SECONDS: "60", PORT: String(config.portBase + 2) } },
  ];
  if (config.redisUrl) {
    if (await redisAnswers(config.redisUrl)) {
      scenarios.push({
        name: "app cached + redis",
        server: node(APP_ENTRY),
        env: { ...appEnv, CACHE_TTL_SECONDS: "60", REDIS_URL: config.redisUrl, PORT: String(config.portBase + 3) },
      });
    } else {
      log(`BENCH_REDIS_URL ${config.redisUrl} does not answer PING: the "app cached + redis" scenario is skipped.`);
    }
  }

  const runs: ScenarioRun[] = [];
  for (let round = 1; round <= config.rounds; round++) {
    log(`\nRound ${round}/${config.rounds}`);
    for (const scenario of scenarios) runs.push(await runScenario(scenario.name, scenario.server, scenario.env, round));
  }
  const loadAfter = loadavg();

  // ---- same answer?
  const baselineBody = sampleBodies.get("baseline");
  const sameBody = Object.fromEntries(
    [...sampleBodies]
      .filter(([name]) => name !== "baseline")
      .map(([name, body]) => [name, baselineBody !== undefined && isDeepStrictEqual(JSON.parse(body), JSON.parse(baselineBody))]),
  );

  // ---- best of each (highest req/s)
  const bests: Best[] = scenarios.map((s) => {
    const mine = runs.filter((r) => r.name === s.name);
    const best = mine.reduce((a, b) => (b.measured.reqPerSec > a.measured.reqPerSec ? b : a));
    return { name: s.name, best, runs: mine };
  });
  const baseline = bests.find((b) => b.name === "baseline")!;
  const app = bests.find((b) => b.name === "app")!;
  const ratio = app.best.measured.reqPerSec / baseline.best.measured.reqPerSec;

  log(`\nSummary (best of ${config.rounds} runs per server by req/s; boot and idle RSS: worst of its runs)`);
  log(
    table([
      [
        "server",
        "req/s",
        "p50 ms",
        "p99 ms",
        "max ms",
        "errors",
        "non-2xx",
        "body bytes",
        "CPU µs/req",
        "cores busy",
        "SQL/req",
        "cache hits",
        "boot ms",
        "idle RSS MB",
        "req/s of each run",
        "vs baseline",
      ],
      ...bests.map((b) => [
        b.name,
        fmt(b.best.measured.reqPerSec),
        fmt(b.best.measured.p50Ms),
        fmt(b.best.measured.p99Ms),
        fmt(b.best.measured.maxMs),
        String(b.best.measured.errors + b.best.measured.timeouts),
        String(b.best.measured.non2xx),
        String(b.best.sample.bytes),
        fmt(b.best.cpuUsPerRequest),
        fmt(b.best.serverCoresBusy, 2),
        fmt(b.best.dbStatementsPerRequest, 2),
        b.best.cacheHitRatio === undefined ? "—" : `${(b.best.cacheHitRatio * 100).toFixed(2)} %`,
        fmt(Math.max(...b.runs.map((r) => r.bootToReadyMs))),
        fmt(Math.max(...b.runs.map((r) => r.idleRssMb)), 1),
        b.runs.map((r) => fmt(r.measured.reqPerSec)).join(" / "),
        b.name === "baseline" ? "1.00×" : `${(b.best.measured.reqPerSec / baseline.best.measured.reqPerSec).toFixed(2)}×`,
      ]),
    ]),
  );
  for (const [name, same] of Object.entries(sameBody)) {
    log(`${name} and baseline answer ${same ? "the same JSON (deep-equal)" : "DIFFERENT JSON — the comparison is not like for like"}`);
  }

  const appBoot = Math.max(...app.runs.map((r) => r.bootToReadyMs));
  const appIdleRss = Math.max(...app.runs.map((r) => r.idleRssMb));
  const targets = [
    { target: `req/s ≥ ${TARGETS.minRatio}× baseline`, value: `${ratio.toFixed(2)}×`, pass: ratio >= TARGETS.minRatio },
    { target: `p99 ≤ ${TARGETS.maxP99Ms} ms`, value: `${fmt(app.best.measured.p99Ms)} ms`, pass: app.best.measured.p99Ms <= TARGETS.maxP99Ms },
    { target: `idle RSS ≤ ${TARGETS.maxIdleRssMb} MB`, value: `${fmt(appIdleRss, 1)} MB`, pass: appIdleRss <= TARGETS.maxIdleRssMb },
    { target: `boot to ready ≤ ${TARGETS.maxBootMs} ms (PostgreSQL, built)`, value: `${fmt(appBoot)} ms`, pass: appBoot <= TARGETS.maxBootMs },
  ];
  for (const cached of bests.filter((b) => b.name.startsWith("app cached"))) {
    const cachedRatio = cached.best.measured.reqPerSec / baseline.best.measured.reqPerSec;
    targets.push({
      target: `${cached.name}: req/s ≥ ${TARGETS.minCachedRatio}× baseline`,
      value: `${cachedRatio.toFixed(2)}×`,
      pass: cachedRatio >= TARGETS.minCachedRatio,
    });
  }
  log("\nTargets for the app");
  log(table([["target", "reached", "result"], ...targets.map((t) => [t.target, t.value, t.pass ? "PASS" : "MISS"])]));
  log(
    `\nload average before: ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after: ${loadAfter.map((l) => l.toFixed(2)).join(" ")} (${cpus().length} cores; other work on the machine lowers both servers' figures, and autocannon itself shares the cores)`,
  );

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `catalog-list-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        bench: "catalog-list",
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        git: gitHead(),
        machine: { cores: cpus().length, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
        config: { ...config, databaseUrl: config.databaseUrl.replace(/:[^:@/]*@/, ":***@"), path: LIST_PATH, appLogLevel: "warn" },
        database: { ...database, url: undefined },
        query,
        sameBody,
        runs,
        best: Object.fromEntries(bests.map((b) => [b.name, { round: b.best.round, ...b.best.measured }])),
        ratio,
        targets,
      },
      null,
      2,
    )}\n`,
  );
  log(`\nResults: ${relative(ROOT, file)}`);
}

main().catch((err: unknown) => {
  console.error(`bench:catalog-list failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
