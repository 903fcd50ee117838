// npm run bench:boot — boot-to-ready and idle memory of the built server (issue 15 targets: boot ≤ 500 ms and idle
// RSS ≤ 100 MB on PostgreSQL; on embedded PGlite, idle and after-load RSS reported).
//
// Builds the app as production does (`npm run build`, so dist/client is served like in production), then:
//  1. PostgreSQL: BENCH_ROUNDS boots of `node dist/server/index.js` (NODE_ENV=production, LOG_LEVEL=info, default
//     rate limits) against an already migrated and seeded database. Boot = spawn → first 200 from
//     /api/health/readiness (polled every 5 ms, so it includes starting Node itself); idle RSS = VmRSS
//     BENCH_IDLE_S seconds after ready, with no request in between. Medians and every round are printed.
//  2. PGlite (embedded, a fresh DATA_DIR in bench/results/.boot-pglite): a first boot creates, migrates and seeds
//     the demo catalog (NODE_ENV=development, the mode that embeds the database); a second boot is measured: boot,
//     idle RSS, RSS after BENCH_LOAD_S seconds of catalog reads (list, search, facets, detail) and after idling again.
// BENCH_IMPORTS=1 also prints what each package the bundle imports at the top costs on its own (a fresh Node per
// package: RSS added and load time), to see what the boot pays for.
//
// Environment: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/fp_boot_bench; created, migrated and
// seeded when missing), BENCH_ROUNDS (5), BENCH_IDLE_S (10), BENCH_LOAD_S (20), BENCH_PORT (5801),
// BENCH_SKIP_BUILD=1 (use dist/ as it is), BENCH_SKIP_PGLITE=1, BENCH_BEFORE_ENTRY (an older build copied inside the
// repository, e.g. bench/results/.before/server/index.js, booted interleaved with this one: before/after in one run),
// BENCH_NODE_FLAGS (Node flags for the server, e.g. "--max-semi-space-size=4"). Boot CPU time (ms of CPU the server
// used until ready) is printed beside the wall time: on a loaded box it is the steadier figure.
// The load average is printed beside every figure.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { cleanChildEnv } from "./lib/app-server";
import { DEFAULT_BENCH_DATABASE_URL, prepareBenchDatabase } from "./lib/bench-database";
import { installChildGuards, spawnChild, type Child } from "./lib/children";
import { APP_ENTRY, intFromEnv, nodeFlagsFromEnv, RESULTS_DIR, ROOT, round, sleep } from "./lib/config";
import { fmtLoad } from "./lib/load-average";
import { runLoad } from "./lib/load";
import { cpuMsOf, httpGet, memoryOf, portIsFree, waitForOk } from "./lib/probes";

const TARGETS = { maxBootMs: 500, maxIdleRssMb: 100 };

const config = {
  databaseUrl: process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL.replace(/fp_bench$/, "fp_boot_bench"),
  rounds: intFromEnv("BENCH_ROUNDS", 5),
  idleS: intFromEnv("BENCH_IDLE_S", 10),
  loadS: intFromEnv("BENCH_LOAD_S", 20),
  port: intFromEnv("BENCH_PORT", 5801),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  skipPglite: process.env.BENCH_SKIP_PGLITE === "1",
  imports: process.env.BENCH_IMPORTS === "1",
  /** An older build (dist/server copied inside the repository, e.g. bench/results/.before/server/index.js): interleaved with this one. */
  beforeEntry: process.env.BENCH_BEFORE_ENTRY || undefined,
  /** Node flags for the server, e.g. --max-semi-space-size=4 (ADR 078). */
  nodeFlags: nodeFlagsFromEnv(),
};
const PGLITE_DIR = join(RESULTS_DIR, ".boot-pglite");
const SECRET = "boot-bench-session-secret-0123456789abcdef";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function build(): void {
  if (config.skipBuild) {
    console.log("using dist/ as it is (BENCH_SKIP_BUILD=1)");
    return;
  }
  console.log("building as production does: npm run build");
  const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

interface Boot {
  child: Child;
  bootMs: number;
}

async function boot(name: string, env: Record<string, string>, entry = APP_ENTRY): Promise<Boot> {
  if (!(await portIsFree(config.port))) throw new Error(`port ${config.port} is taken; set BENCH_PORT`);
  const spawnedAt = performance.now();
  const args = [...config.nodeFlags, entry];
  const child = spawnChild(name, process.execPath, args, { ...cleanChildEnv(), HOST: "127.0.0.1", PORT: String(config.port), ...env }, ROOT);
  const bootMs = await waitForOk(`http://127.0.0.1:${config.port}/api/health/readiness`, spawnedAt, {
    everyMs: 5,
    timeoutMs: 120_000,
    exited: () => child.process.exitCode !== null,
  }).catch(async (err: Error) => {
    await child.stop();
    throw new Error(`${name}: ${err.message}\n--- server output ---\n${child.output()}`);
  });
  return { child, bootMs };
}

/** The server's own account of its boot (the "FruitfulPlanet is ready" log line's bootMs: import → listening). */
const loggedBootMs = (child: Child) => Number(/"bootMs":(\d+)/.exec(child.output())?.[1] ?? NaN);

async function postgresRounds() {
  const database = await prepareBenchDatabase(config.databaseUrl, (m) => console.log(`  ${m}`));
  console.log(
    `\nPostgreSQL (${new URL(config.databaseUrl).pathname.slice(1)}, ${database.totalProducts} products): ${config.rounds} boots, idle ${config.idleS} s each`,
  );
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: config.databaseUrl,
    SESSION_SECRET: SECRET,
    LOG_LEVEL: "info",
    SEED_DEMO: "false",
    SHUTDOWN_DELAY_MS: "0",
  };
  const builds = config.beforeEntry
    ? [
        { name: "before", entry: config.beforeEntry },
        { name: "this build", entry: APP_ENTRY },
      ]
    : [{ name: "this build", entry: APP_ENTRY }];
  const rounds: Array<{
    build: string;
    bootMs: number;
    bootCpuMs: number;
    loggedBootMs: number;
    readyRssMb: number;
    idleRssMb: number;
    peakRssMb: number;
    load: string;
  }> = [];
  for (let i = 1; i <= config.rounds; i++) {
    // Interleaved, the starting build alternating: a load spike on the shared box hits both alike.
    for (const b of i % 2 ? builds : [...builds].reverse()) {
      const { child, bootMs } = await boot(`pg boot ${i}`, env, b.entry);
      try {
        // CPU time to ready says more than wall time on a loaded box: it is what the boot itself costs.
        const bootCpuMs = cpuMsOf(child.pid);
        const atReady = memoryOf(child.pid);
        await sleep(config.idleS * 1_000);
        const idle = memoryOf(child.pid);
        const row = {
          build: b.name,
          bootMs: round(bootMs),
          bootCpuMs,
          loggedBootMs: loggedBootMs(child),
          readyRssMb: round(atReady.rssMb),
          idleRssMb: round(idle.rssMb),
          peakRssMb: round(idle.peakRssMb),
          load: fmtLoad(),
        };
        rounds.push(row);
        console.log(
          `  ${b.name.padEnd(10)} boot ${i}: ready in ${row.bootMs} ms, ${row.bootCpuMs} ms CPU (server logged ${row.loggedBootMs} ms)  RSS at ready ${row.readyRssMb} MB, idle ${row.idleRssMb} MB, peak ${row.peakRssMb} MB  load ${row.load}`,
        );
      } finally {
        await child.stop();
      }
    }
  }
  const mark = (pass: boolean) => (pass ? "PASS" : "MISS");
  const summary = builds.map(({ name }) => {
    const mine = rounds.filter((r) => r.build === name);
    const m = {
      build: name,
      bootMs: median(mine.map((r) => r.bootMs)),
      bootCpuMs: median(mine.map((r) => r.bootCpuMs)),
      idleRssMb: median(mine.map((r) => r.idleRssMb)),
    };
    console.log(
      `  median ${name}: boot ${m.bootMs} ms ${mark(m.bootMs <= TARGETS.maxBootMs)} ≤ ${TARGETS.maxBootMs} (${m.bootCpuMs} ms CPU) · idle RSS ${m.idleRssMb} MB ${mark(m.idleRssMb <= TARGETS.maxIdleRssMb)} ≤ ${TARGETS.maxIdleRssMb}  load ${fmtLoad()}`,
    );
    return m;
  });
  return { rounds, summary };
}

async function pgliteRun() {
  rmSync(PGLITE_DIR, { recursive: true, force: true });
  mkdirSync(PGLITE_DIR, { recursive: true });
  const env = {
    NODE_ENV: "development",
    DATA_DIR: PGLITE_DIR,
    LOG_LEVEL: "warn",
    SEED_DEMO: "true",
    SHUTDOWN_DELAY_MS: "0",
    RATE_LIMIT_PER_MINUTE: "100000000",
  };
  console.log(`\nPGlite (embedded, ${relative(ROOT, PGLITE_DIR)}):`);
  const first = await boot("pglite first boot", env);
  await first.child.stop(30_000);
  console.log(`  first boot (create, migrate, seed): ${round(first.bootMs)} ms  load ${fmtLoad()}`);

  const { child, bootMs } = await boot("pglite", env);
  try {
    await sleep(config.idleS * 1_000);
    const idle = memoryOf(child.pid);
    console.log(`  boot ${round(bootMs)} ms · idle RSS after ${config.idleS} s ${round(idle.rssMb)} MB  load ${fmtLoad()}`);
    const base = `http://127.0.0.1:${config.port}`;
    const list = await httpGet(`${base}/api/v1/products?limit=24`);
    const slug = (JSON.parse(list.body) as { data: { slug: string }[] }).data[0]?.slug ?? "missing";
    const paths = ["/api/v1/products?limit=24", "/api/v1/products?limit=24&q=pack", "/api/v1/products?limit=24&facets=true", `/api/v1/products/${slug}`];
    const perPathS = Math.max(1, Math.round(config.loadS / paths.length));
    const loads = [];
    for (const path of paths) {
      const r = await runLoad(`${base}${path}`, 16, perPathS, { "accept-encoding": "gzip, br" });
      loads.push({ path, reqPerSec: round(r.reqPerSec), p99Ms: r.p99Ms, non2xx: r.non2xx });
      console.log(
        `  load ${path.padEnd(40)} ${r.reqPerSec.toFixed(0).padStart(5)} req/s p99 ${r.p99Ms} ms non-2xx ${r.non2xx}  RSS ${round(memoryOf(child.pid).rssMb)} MB  load ${fmtLoad()}`,
      );
    }
    const afterLoad = memoryOf(child.pid);
    await sleep(config.idleS * 1_000);
    const settled = memoryOf(child.pid);
    console.log(
      `  RSS idle ${round(idle.rssMb)} MB → after ${config.loadS} s of reads ${round(afterLoad.rssMb)} MB (peak ${round(afterLoad.peakRssMb)}) → ${config.idleS} s later ${round(settled.rssMb)} MB  load ${fmtLoad()}`,
    );
    return {
      firstBootMs: round(first.bootMs),
      bootMs: round(bootMs),
      idleRssMb: round(idle.rssMb),
      afterLoadRssMb: round(afterLoad.rssMb),
      peakRssMb: round(afterLoad.peakRssMb),
      settledRssMb: round(settled.rssMb),
      loads,
    };
  } finally {
    await child.stop(30_000);
  }
}

/** The packages the bundle imports statically (loaded on every boot), each measured in a fresh Node. */
function importCosts() {
  // The entry's static imports, followed through its shared chunks (./chunks/…); dynamic import() is on demand.
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/^import [^;]*?from "([^"]+)";$/gm)) {
      if (spec!.startsWith(".")) visit(resolve(dirname(file), spec!));
      else if (!spec!.startsWith("node:")) names.add(spec!);
    }
  };
  visit(APP_ENTRY);
  const probe = `const b=process.memoryUsage().rss,t=performance.now();await import(process.argv[1]);const ms=performance.now()-t;globalThis.gc();console.log(JSON.stringify({mb:(process.memoryUsage().rss-b)/1048576,ms}))`;
  console.log(`\npackages dist/server/index.js imports at boot (${names.size}), each alone in a fresh Node (RSS includes ~5 MB of loader warm-up):`);
  const rows = [...names].map((name) => {
    const out = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", probe, name], { cwd: ROOT, encoding: "utf8" });
    const { mb, ms } = JSON.parse(out.stdout || '{"mb":null,"ms":null}') as { mb: number | null; ms: number | null };
    return { name, mb: mb === null ? NaN : round(mb), ms: ms === null ? NaN : Math.round(ms) };
  });
  for (const r of rows.sort((a, b) => b.mb - a.mb)) console.log(`  ${r.name.padEnd(42)} +${String(r.mb).padStart(5)} MB  ${String(r.ms).padStart(4)} ms`);
  console.log(`  load ${fmtLoad()}`);
  return rows;
}

async function main() {
  installChildGuards();
  console.log(`bench:boot — ${cpus().length} cores, node ${process.version}, load average ${fmtLoad()}`);
  build();
  const results = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    config: { ...config, databaseUrl: undefined },
    imports: config.imports ? importCosts() : undefined,
    postgres: await postgresRounds(),
    pglite: config.skipPglite ? undefined : await pgliteRun(),
    loadAverageAtEnd: fmtLoad(),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `boot-${results.at.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults: ${relative(ROOT, file)}  (load ${fmtLoad()}; the box is shared: figures are indicative)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
