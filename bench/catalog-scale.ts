// npm run bench:catalog-scale — the product list at two catalog sizes (issue 15 §5): req/s and p99 of the default
// sort, price sort, a broad search (q=pack) and facets=true, 32 connections, against the built app on PostgreSQL
// with its cache OFF (every request reaches the database: the worst case; with the cache on, facets are counted once
// per filter set). The two databases must be seeded beforehand:
//   DATABASE_URL=…/fp_scale_2k   npm run db:seed -- --force
//   DATABASE_URL=…/fp_scale_100k npm run db:seed -- --force --products 100000
// Environment: BENCH_SMALL_URL, BENCH_LARGE_URL (those two databases), BENCH_DURATION (10), BENCH_CONNECTIONS (32),
// BENCH_PORT (5701), BENCH_SKIP_BUILD=1. The load average is printed beside every figure.
import { buildServerBundle, cleanChildEnv } from "./lib/app-server";
import { installChildGuards, spawnChild } from "./lib/children";
import { APP_ENTRY, intFromEnv, ROOT } from "./lib/config";
import { runLoad } from "./lib/load";
import { fmtLoad } from "./lib/load-average";
import { waitForOk } from "./lib/probes";

const config = {
  small: process.env.BENCH_SMALL_URL ?? "postgres://postgres@127.0.0.1:5432/fp_scale_2k",
  large: process.env.BENCH_LARGE_URL ?? "postgres://postgres@127.0.0.1:5432/fp_scale_100k",
  durationS: intFromEnv("BENCH_DURATION", 10),
  connections: intFromEnv("BENCH_CONNECTIONS", 32),
  port: intFromEnv("BENCH_PORT", 5701),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
};
const PATHS = {
  "default sort": "/api/v1/products?limit=24",
  "price sort": "/api/v1/products?limit=24&sort=price",
  "q=pack": "/api/v1/products?limit=24&q=pack",
  "facets=true": "/api/v1/products?limit=24&facets=true",
};
const load = fmtLoad;

async function measure(label: string, databaseUrl: string): Promise<void> {
  const env = {
    ...cleanChildEnv(),
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(config.port),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "info",
    RATE_LIMIT_PER_MINUTE: "100000000",
    SEED_DEMO: "false",
    CACHE_TTL_SECONDS: "0",
    SESSION_SECRET: "bench-only-session-secret-0123456789abcdef",
  };
  const child = spawnChild(label, process.execPath, [APP_ENTRY], env, ROOT);
  try {
    const base = `http://127.0.0.1:${config.port}`;
    await waitForOk(`${base}/api/health/readiness`, performance.now(), { everyMs: 20, timeoutMs: 120_000, exited: () => child.process.exitCode !== null });
    for (const [name, path] of Object.entries(PATHS)) {
      await runLoad(`${base}${path}`, config.connections, 2, { "accept-encoding": "gzip, br" });
      const r = await runLoad(`${base}${path}`, config.connections, config.durationS, { "accept-encoding": "gzip, br" });
      console.log(
        `${label.padEnd(14)} ${name.padEnd(13)} ${r.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  non-2xx ${r.non2xx}  load ${load()}`,
      );
    }
  } catch (err) {
    console.error(`--- last output of ${label} ---\n${child.output()}\n---`);
    throw err;
  } finally {
    await child.stop();
  }
}

async function main() {
  installChildGuards();
  console.log(`bench:catalog-scale: ${config.connections} connections, ${config.durationS} s per path, cache off; load ${load()}`);
  buildServerBundle(config.skipBuild, console.log);
  await measure("2k products", config.small);
  await measure("100k products", config.large);
}

main().catch((err: unknown) => {
  console.error(`bench:catalog-scale failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
