// npm run bench:search-quality — how well and how fast the storefront search answers (ADR 044).
//
// Runs the app as production does (node dist/server/index.js, no Redis) on PostgreSQL
// with the seeded demo catalog, then:
//   1. quality: the 40 queries of bench/search-quality-set.ts against GET /api/v1/products?q=…&limit=5 (hit = the
//      expected product in the top 5) and GET /api/v1/search/suggest?q=… (hit = among the suggested products),
//      one request at a time with the catalog cache off: these latencies are the database's cost;
//   2. load, 32 connections (autocannon), each scenario after a warm-up, first with the catalog cache off
//      (CACHE_TTL_SECONDS=0: every request pays the database), then on (as deployed, without Redis):
//      - baseline: the list without q (same run, same machine: what search costs on top of it),
//      - list, uncached / cached: the 40 queries over and over,
//      - suggest, type-ahead (uncached): every prefix (≥ 2 characters) of the 40 queries, shuffled, as a search
//        box sends them while the shopper types,
//      - suggest, cached: the 40 queries over and over.
// Targets (issue 12 §6): hit rate ≥ 90 % (list), p99 ≤ 50 ms at 32 connections (both endpoints). PASS/MISS is
// reported; the exit code is 0 either way (non-zero only when the bench itself fails). Results go to
// bench/results/search-quality-<timestamp>.json.
//
// Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/fp_search_quality, created and seeded if
// missing or empty), BENCH_DURATION (s, 10), BENCH_WARMUP (s, 3), BENCH_CONNECTIONS (32), BENCH_PORT (5390),
// BENCH_SKIP_BUILD=1 (use the existing dist/server).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fmtLoad } from "./lib/load-average";
import { join, relative } from "node:path";
import autocannon from "autocannon";
import { createRng } from "../server/seed/demo-catalog";
import { BENCH_APP_ENV, buildServerBundle, cleanChildEnv } from "./lib/app-server";
import { prepareBenchDatabase } from "./lib/bench-database";
import { spawnChild, type Child } from "./lib/children";
import { APP_ENTRY, intFromEnv, percentile, RESULTS_DIR, ROOT, round } from "./lib/config";
import { httpGet, portIsFree, waitForOk } from "./lib/probes";
import { SEARCH_QUALITY_SET, type SearchCase } from "./search-quality-set";

const TARGETS = { minHitRate: 0.9, maxP99Ms: 50 };
/**
 * The same-run baseline: the product list without `q` (what the catalog-list bench measures), so a busy machine
 * shows as a slow baseline rather than as slow search.
 */
const BASELINE = "baseline: list, no q";
const BASELINE_PATH = "/api/v1/products?limit=5";

const config = {
  databaseUrl: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/fp_search_quality",
  durationS: intFromEnv("BENCH_DURATION", 10),
  warmupS: intFromEnv("BENCH_WARMUP", 3),
  connections: intFromEnv("BENCH_CONNECTIONS", 32),
  port: intFromEnv("BENCH_PORT", 5390),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
};

const log = (message: string) => console.log(message);
const listPath = (q: string, limit = 5) => `/api/v1/products?q=${encodeURIComponent(q)}&limit=${limit}`;
const suggestPath = (q: string) => `/api/v1/search/suggest?q=${encodeURIComponent(q)}`;

interface CaseResult extends SearchCase {
  listHit: boolean;
  suggestHit: boolean;
  /** Where the expected product came in the list (1-based), or null beyond the top 5. */
  rank: number | null;
  listMs: number;
  suggestMs: number;
  top: string[];
}

async function timedGet(url: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const answer = await httpGet(url, 10_000);
  const ms = performance.now() - started;
  if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return { ms, body: JSON.parse(answer.body) };
}

async function qualityPass(base: string): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of SEARCH_QUALITY_SET) {
    const list = await timedGet(`${base}${listPath(c.q)}`);
    const suggest = await timedGet(`${base}${suggestPath(c.q)}`);
    const top = (list.body as { data: Array<{ slug: string }> }).data.map((p) => p.slug);
    const suggested = (suggest.body as { products: Array<{ slug: string }> }).products.map((p) => p.slug);
    const index = top.indexOf(c.expect);
    results.push({
      ...c,
      listHit: index >= 0,
      suggestHit: suggested.includes(c.expect),
      rank: index >= 0 ? index + 1 : null,
      listMs: round(list.ms),
      suggestMs: round(suggest.ms),
      top,
    });
  }
  return results;
}

interface LoadResult {
  scenario: string;
  distinctPaths: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
}

/** autocannon over `paths`: each connection walks the list in order, round and round. */
async function load(base: string, scenario: string, paths: string[], durationS: number): Promise<LoadResult> {
  const result = await autocannon({
    url: base,
    connections: config.connections,
    duration: durationS,
    pipelining: 1,
    timeout: 10,
    requests: paths.map((path) => ({ method: "GET" as const, path })),
  });
  return {
    scenario,
    distinctPaths: new Set(paths).size,
    requests: result.requests.total,
    reqPerSec: round(result.requests.mean),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const shuffled = <T>(items: T[], seed: number): T[] => createRng(seed).shuffle(items);
const prefixesOf = (q: string) => Array.from({ length: Math.max(0, q.length - 1) }, (_, i) => q.slice(0, i + 2)).filter((p) => p.trim().length >= 2);

async function main() {
  log(`search quality bench: ${SEARCH_QUALITY_SET.length} queries, ${config.connections} connections, ${config.durationS} s per load scenario`);
  log(`machine: ${cpus().length} cores, load average ${fmtLoad()}`);
  if (!(await portIsFree(config.port))) throw new Error(`port ${config.port} is taken (set BENCH_PORT)`);
  buildServerBundle(config.skipBuild, log);
  const db = await prepareBenchDatabase(config.databaseUrl, log);
  log(`database ${new URL(db.url).pathname.slice(1)}: ${db.visibleProducts} visible products of ${db.totalProducts}`);

  const base = `http://127.0.0.1:${config.port}`;
  const queries = SEARCH_QUALITY_SET.map((c) => c.q);
  const loads: LoadResult[] = [];
  let cases: CaseResult[] = [];

  // The app without its catalog cache: every request pays the database (quality pass, uncached scenarios).
  await withApp(base, "0", async () => {
    cases = await qualityPass(base);
    log(`\nload, ${config.connections} connections, catalog cache off (CACHE_TTL_SECONDS=0):`);
    await loadScenario(base, BASELINE, [BASELINE_PATH], loads);
    await loadScenario(
      base,
      "list, uncached",
      queries.map((q) => listPath(q)),
      loads,
    );
    await loadScenario(base, "suggest, type-ahead", shuffled([...new Set(queries.flatMap(prefixesOf))].map(suggestPath), 2), loads);
  });
  // The app as deployed (cache on, no Redis: the in-process LRU).
  await withApp(base, "60", async () => {
    log(`\nload, ${config.connections} connections, catalog cache on (CACHE_TTL_SECONDS=60):`);
    await loadScenario(base, `${BASELINE} `, [BASELINE_PATH], loads);
    await loadScenario(
      base,
      "list, cached",
      queries.map((q) => listPath(q)),
      loads,
    );
    await loadScenario(base, "suggest, cached", queries.map(suggestPath), loads);
  });

  const listHits = cases.filter((c) => c.listHit).length;
  const suggestHits = cases.filter((c) => c.suggestHit).length;
  const coldList = cases.map((c) => c.listMs).sort((a, b) => a - b);
  const coldSuggest = cases.map((c) => c.suggestMs).sort((a, b) => a - b);
  log("\nquality (hit = expected product in the top 5):");
  for (const kind of ["misspelling", "prefix", "brand", "multi-word"] as const) {
    const group = cases.filter((c) => c.kind === kind);
    log(`  ${kind.padEnd(12)} ${group.filter((c) => c.listHit).length}/${group.length}`);
  }
  for (const c of cases.filter((x) => !x.listHit)) log(`  MISS "${c.q}" → ${c.expect}\n       got ${c.top.join(", ")}`);
  const hitRate = listHits / cases.length;
  log(
    `  list:    ${listHits}/${cases.length} = ${round(hitRate * 100)} % (target ≥ ${TARGETS.minHitRate * 100} %): ${hitRate >= TARGETS.minHitRate ? "PASS" : "MISS"}`,
  );
  log(`  suggest: ${suggestHits}/${cases.length} = ${round((100 * suggestHits) / cases.length)} % (the expected product among the suggested ones)`);
  log(
    `  one request at a time, no cache: list p50 ${percentile(coldList, 50)} ms, p99 ${percentile(coldList, 99)} ms; suggest p50 ${percentile(coldSuggest, 50)} ms, p99 ${percentile(coldSuggest, 99)} ms  load ${fmtLoad()}`,
  );

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `search-quality-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { at: new Date().toISOString(), machine: { cores: cpus().length, loadavg: loadavg() }, config, targets: TARGETS, hitRate, suggestHits, cases, loads },
      null,
      2,
    ),
  );
  log(`results: ${relative(ROOT, file)}`);
}

/** Starts the production bundle with the given catalog cache TTL, runs fn, and always stops it. */
async function withApp(base: string, cacheTtlSeconds: string, fn: () => Promise<void>): Promise<void> {
  const spawnedAt = performance.now();
  const child: Child = spawnChild("app", process.execPath, [APP_ENTRY], {
    ...cleanChildEnv(),
    ...BENCH_APP_ENV,
    SESSION_SECRET: "bench-only-session-secret-0123456789abcdef",
    CACHE_TTL_SECONDS: cacheTtlSeconds,
    PORT: String(config.port),
    DATABASE_URL: config.databaseUrl,
  });
  try {
    await waitForOk(`${base}/api/health/readiness`, spawnedAt, { everyMs: 20, timeoutMs: 30_000, exited: () => child.process.exitCode !== null }).catch(
      (err: Error) => {
        throw new Error(`${err.message}\n${child.output()}`);
      },
    );
    await fn();
  } finally {
    await child.stop();
  }
}

/** A warm-up run, then the measured one, reported against the p99 target. */
async function loadScenario(base: string, scenario: string, paths: string[], loads: LoadResult[]): Promise<void> {
  await load(base, scenario, paths, config.warmupS);
  const result = await load(base, scenario, paths, config.durationS);
  loads.push(result);
  const verdict = result.p99Ms <= TARGETS.maxP99Ms ? "PASS" : "MISS";
  log(
    `  ${scenario.padEnd(20)} ${String(result.distinctPaths).padStart(4)} paths ${String(result.reqPerSec).padStart(8)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  max ${result.maxMs} ms  non-2xx ${result.non2xx}  ${verdict} (p99 ≤ ${TARGETS.maxP99Ms} ms)  load ${fmtLoad()}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
