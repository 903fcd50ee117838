// One catalog read under load, the app against the physical-limit baseline (bench/lib/raw-server.ts), measured
// the honest way (issue 15 §6): the app as production runs it (NODE_ENV=production, LOG_LEVEL=info, rate limit on
// with a ceiling it never reaches), every request with `Accept-Encoding: gzip, br` (the baseline compresses too),
// scenarios interleaved round by round (the starting scenario rotates), every round's ratio printed, and the
// medians of at least 3 rounds reported. The load average is printed next to every figure. Every round checks that
// each server sent the raw server's bytes (the same JSON), so the ratio compares like with like.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { productImagePath } from "../../server/features/catalog/product-image";
import { buildServerBundle, cleanChildEnv } from "./app-server";
import { DEFAULT_BENCH_DATABASE_URL, prepareBenchDatabase } from "./bench-database";
import { installChildGuards, spawnChild } from "./children";
import { APP_ENTRY, intFromEnv, RESULTS_DIR, ROOT, sleep } from "./config";
import { runLoad, type LoadSummary } from "./load";
import { fmtLoad } from "./load-average";
import { cpuMsOf, httpGet, memoryOf, portIsFree, waitForOk } from "./probes";

export const PAGE_SIZE = 24;
const RAW_SERVER_BUNDLE = join(RESULTS_DIR, ".build/raw-server.mjs");
const HEADERS = { "accept-encoding": "gzip, br" };

export const compareConfig = {
  databaseUrl: process.env.DATABASE_URL || DEFAULT_BENCH_DATABASE_URL,
  durationS: intFromEnv("BENCH_DURATION", 10),
  warmupS: intFromEnv("BENCH_WARMUP", 3),
  connections: intFromEnv("BENCH_CONNECTIONS", 32),
  rounds: Math.max(3, intFromEnv("BENCH_ROUNDS", 3)),
  portBase: intFromEnv("BENCH_PORT_BASE", 5701),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  /** An older build of the app (dist/server/index.js copied aside) measured in the same run: before/after tables. */
  beforeEntry: process.env.BENCH_BEFORE_ENTRY || undefined,
};

interface Scenario {
  name: string;
  entry: string;
  env: Record<string, string>;
}

interface Run {
  name: string;
  round: number;
  bootMs: number;
  idleRssMb: number;
  afterRssMb: number;
  measured: LoadSummary;
  cpuUsPerRequest: number;
  load1: number;
}

/** Each scenario's latest uncompressed sample body: a fair ratio needs the app and the baseline to send the same bytes. */
const samples = new Map<string, string>();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function runOne(s: Scenario, port: number, path: string, round: number): Promise<Run> {
  if (!(await portIsFree(port))) throw new Error(`${s.name}: port ${port} is taken`);
  const base = `http://127.0.0.1:${port}`;
  const spawnedAt = performance.now();
  const child = spawnChild(s.name, process.execPath, [s.entry], { ...cleanChildEnv(), ...s.env, PORT: String(port) }, ROOT);
  try {
    const bootMs = await waitForOk(`${base}/api/health/readiness`, spawnedAt, {
      everyMs: 10,
      timeoutMs: 120_000,
      exited: () => child.process.exitCode !== null,
    });
    await sleep(500);
    const idle = memoryOf(child.pid);
    const sample = await httpGet(`${base}${path}`);
    if (sample.status !== 200) throw new Error(`${s.name}: GET ${path} answered ${sample.status}: ${sample.body.slice(0, 300)}`);
    await runLoad(`${base}${path}`, compareConfig.connections, compareConfig.warmupS, HEADERS);
    const cpuBefore = cpuMsOf(child.pid);
    const measured = await runLoad(`${base}${path}`, compareConfig.connections, compareConfig.durationS, HEADERS);
    const cpuUsPerRequest = measured.requests ? ((cpuMsOf(child.pid) - cpuBefore) * 1000) / measured.requests : 0;
    samples.set(s.name, sample.body);
    const run = { name: s.name, round, bootMs, idleRssMb: idle.rssMb, afterRssMb: memoryOf(child.pid).rssMb, measured, cpuUsPerRequest, load1: loadavg()[0]! };
    console.log(
      `  ${s.name.padEnd(20)} ${measured.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${measured.p50Ms} ms  p99 ${measured.p99Ms} ms  non-2xx ${measured.non2xx}  ` +
        `${cpuUsPerRequest.toFixed(0)} µs CPU/req  ${measured.bytesPerResponse} B/resp  boot ${bootMs.toFixed(0)} ms  RSS ${idle.rssMb.toFixed(0)}→${run.afterRssMb.toFixed(0)} MB  load ${fmtLoad()}`,
    );
    return run;
  } catch (err) {
    console.error(`--- last output of ${s.name} ---\n${child.output()}\n---`);
    throw err;
  } finally {
    await child.stop();
  }
}

/** Runs the comparison for one path; `pathOf` may look the path up in the prepared database (a product slug). */
export async function compareCatalogRead(bench: string, pathOf: (databaseUrl: string) => Promise<string>): Promise<void> {
  installChildGuards();
  const c = compareConfig;
  console.log(
    `${bench}: ${c.connections} connections, ${c.durationS} s after ${c.warmupS} s warm-up, ${c.rounds} interleaved rounds, Accept-Encoding: gzip, br`,
  );
  console.log(`machine: ${cpus().length} cores, node ${process.version}, load average ${fmtLoad()}`);
  const database = await prepareBenchDatabase(c.databaseUrl, (m) => console.log(`  ${m}`));
  console.log(`database: ${database.totalProducts} products (${database.visibleProducts} visible)`);
  const path = await pathOf(c.databaseUrl);
  console.log(`path: ${path}`);
  buildServerBundle(c.skipBuild, console.log);
  await build({
    entryPoints: [join(ROOT, "bench/lib/raw-server.ts")],
    outfile: RAW_SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
  });

  const common = { HOST: "127.0.0.1", DATABASE_URL: c.databaseUrl, DATABASE_POOL_SIZE: "10" };
  const app = {
    ...common,
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    RATE_LIMIT_PER_MINUTE: "100000000",
    AUTH_RATE_LIMIT_PER_MINUTE: "5",
    SEED_DEMO: "false",
    SESSION_SECRET: "bench-only-session-secret-0123456789abcdef",
  };
  const scenarios: Scenario[] = [
    {
      name: "raw",
      entry: RAW_SERVER_BUNDLE,
      env: { ...common, BASELINE_PAGE_SIZE: String(PAGE_SIZE), BASELINE_IMAGE_PREFIX: productImagePath("").replace(/\.svg$/, "") },
    },
    { name: "app uncached", entry: APP_ENTRY, env: { ...app, CACHE_TTL_SECONDS: "0" } },
    { name: "app cached", entry: APP_ENTRY, env: { ...app, CACHE_TTL_SECONDS: "60" } },
  ];
  if (c.beforeEntry) {
    scenarios.push({ name: "before uncached", entry: c.beforeEntry, env: { ...app, CACHE_TTL_SECONDS: "0" } });
    scenarios.push({ name: "before cached", entry: c.beforeEntry, env: { ...app, CACHE_TTL_SECONDS: "60" } });
  }

  const runs: Run[] = [];
  for (let round = 1; round <= c.rounds; round++) {
    console.log(`\nround ${round}/${c.rounds} (load ${fmtLoad()})`);
    // Rotate the starting scenario so no server always runs first (or right after the heaviest one).
    const order = scenarios.map((_, i) => scenarios[(i + round - 1) % scenarios.length]!);
    const mine: Run[] = [];
    for (const s of order) mine.push(await runOne(s, c.portBase + scenarios.indexOf(s), path, round));
    runs.push(...mine);
    const raw = mine.find((r) => r.name === "raw")!;
    const rawBody = samples.get("raw")!;
    const differing = mine.filter((r) => r !== raw && samples.get(r.name) !== rawBody);
    console.log(
      differing.length === 0
        ? `  round ${round} bodies: every server sent the raw server's ${Buffer.byteLength(rawBody)} bytes`
        : `  round ${round} bodies DIFFER from the raw server's (${Buffer.byteLength(rawBody)} B): ${differing
            .map((r) => `${r.name} ${Buffer.byteLength(samples.get(r.name)!)} B`)
            .join(", ")} — the ratio is not like for like`,
    );
    console.log(
      `  round ${round} ratios vs raw: ${mine
        .filter((r) => r !== raw)
        .map((r) => `${r.name} ${(r.measured.reqPerSec / raw.measured.reqPerSec).toFixed(2)}×`)
        .join(", ")}`,
    );
  }

  console.log(`\nmedians of ${c.rounds} rounds (load average now ${fmtLoad()})`);
  console.log(
    "scenario              req/s   p50 ms   p99 ms  µs CPU/req  ratio (median of per-round ratios)  ratios per round      boot ms  idle RSS MB  load1 during",
  );
  const summary = scenarios.map((s) => {
    const mine = runs.filter((r) => r.name === s.name);
    const ratios = mine.map((r) => r.measured.reqPerSec / runs.find((x) => x.name === "raw" && x.round === r.round)!.measured.reqPerSec);
    const row = {
      name: s.name,
      reqPerSec: median(mine.map((r) => r.measured.reqPerSec)),
      p50Ms: median(mine.map((r) => r.measured.p50Ms)),
      p99Ms: median(mine.map((r) => r.measured.p99Ms)),
      cpuUsPerRequest: median(mine.map((r) => r.cpuUsPerRequest)),
      ratio: median(ratios),
      ratios,
      bootMs: median(mine.map((r) => r.bootMs)),
      idleRssMb: median(mine.map((r) => r.idleRssMb)),
      load1: mine.map((r) => r.load1),
    };
    console.log(
      `${row.name.padEnd(20)} ${row.reqPerSec.toFixed(0).padStart(6)} ${String(row.p50Ms).padStart(8)} ${String(row.p99Ms).padStart(8)} ${row.cpuUsPerRequest.toFixed(0).padStart(11)}  ${row.ratio.toFixed(2).padStart(6)}×${" ".repeat(29)}${ratios
        .map((r) => r.toFixed(2))
        .join(" ")
        .padEnd(20)} ${row.bootMs.toFixed(0).padStart(8)} ${row.idleRssMb.toFixed(0).padStart(12)}  ${row.load1.map((l) => l.toFixed(1)).join(" ")}`,
    );
    return row;
  });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${bench}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ bench, path, config: { ...c, databaseUrl: undefined }, database: { ...database, url: undefined }, runs, summary }, null, 2)}\n`,
  );
  console.log(`\nresults: ${relative(ROOT, file)}`);
}
