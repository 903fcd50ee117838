// npm run bench:catalog-list — GET /api/v1/products?limit=24 (newest first) under load: the app, uncached and
// cached, against an independent raw node:http + pg server using a named prepared statement (bench/lib/raw-server.ts).
// Honest settings (LOG_LEVEL=info, Accept-Encoding gzip/br, rate limit on, interleaved rounds, every round's
// ratio and the medians of ≥ 3): see bench/lib/catalog-compare.ts. BENCH_BEFORE_ENTRY=<an older dist/server/index.js>
// measures that build in the same run. Environment: DATABASE_URL (default fp_bench, created and seeded if empty),
// BENCH_DURATION (10), BENCH_WARMUP (3), BENCH_CONNECTIONS (32), BENCH_ROUNDS (3), BENCH_PORT_BASE (5701),
// BENCH_SKIP_BUILD=1.
import { compareCatalogRead, PAGE_SIZE } from "./lib/catalog-compare";

compareCatalogRead("catalog-list", async () => `/api/v1/products?limit=${PAGE_SIZE}`).catch((err: unknown) => {
  console.error(`bench:catalog-list failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
