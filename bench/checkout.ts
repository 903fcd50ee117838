// npm run bench:checkout — the checkout benchmark: throughput, latency and zero oversell.
//
// 64 concurrent signed-in buyers (bearer tokens from POST /api/v1/auth/token, fetched before the clock
// starts) place orders — each with its own Idempotency-Key, 1–3 lines of 1–3 units, the success test
// card — against the REAL server (the production bundle, `node dist/server/index.js`, NODE_ENV=production)
// on PostgreSQL, in a database of its own (fp_checkout_bench, dropped, migrated and seeded on every run).
// Prints orders/s and latency percentiles, then proves zero oversell: for every product,
// stock now + units in orders that kept their stock = initial stock, and never below zero.
// Targets: ≥ 400 orders/s, p99 ≤ 150 ms — reported as PASS/MISS; the exit code is non-zero
// only when the bench itself fails or an invariant (oversell, 5xx) breaks. Results: bench/results/checkout-<ts>.json.
//
// Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/fp_checkout_bench; the
// database is dropped and recreated), BENCH_DURATION (s, 15), BENCH_WARMUP (s, 3), BENCH_BUYERS (64),
// BENCH_PRODUCTS (200), BENCH_PORT (5901), BENCH_POOL_SIZE (the server's DATABASE_POOL_SIZE, default 10 like
// production), BENCH_SKIP_BUILD=1 (use dist/server/index.js as it is; otherwise it is rebuilt when older than
// the sources), BENCH_REDIS_URL (run the server with Redis), BENCH_CPU_PROF=1 (a V8 CPU profile of the server
// in bench/results/.prof). Besides orders/s it prints the CPU time per order of the server, its PostgreSQL
// backends and the load generator: on a shared machine those say more than throughput does.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { brands, products, sectors, users } from "@shared/schema";
import { TEST_CARD_SUCCESS } from "@shared/contracts/orders";
import { createRng } from "../server/seed/demo-catalog";
import { openDatabase } from "../server/db";
import { hashPassword } from "../server/features/auth/password";
import { BENCH_APP_ENV, cleanChildEnv } from "./lib/app-server";
import { recreateDatabase } from "./lib/bench-database";
import { spawnChild, type Child } from "./lib/children";
import { APP_ENTRY, intFromEnv, percentile, RESULTS_DIR, ROOT, round } from "./lib/config";
import { cpuMsOf, waitForOk } from "./lib/probes";

const TARGETS = { minOrdersPerSecond: 400, maxP99Ms: 150 };
const INITIAL_STOCK = 1_000_000;
const PASSWORD = "bench-password-123456";

const config = {
  databaseUrl: process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/fp_checkout_bench",
  durationS: intFromEnv("BENCH_DURATION", 15),
  warmupS: intFromEnv("BENCH_WARMUP", 3),
  buyers: intFromEnv("BENCH_BUYERS", 64),
  products: intFromEnv("BENCH_PRODUCTS", 200),
  port: intFromEnv("BENCH_PORT", 5901),
  poolSize: intFromEnv("BENCH_POOL_SIZE", 10),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  redisUrl: process.env.BENCH_REDIS_URL || undefined,
};

const log = (message: string) => console.log(`[checkout-bench] ${message}`);

// ---------------------------------------------------------------- build

/** Newest modification time under the server's source folders (and the build script). */
function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ["server", "shared", "scripts"]) walk(join(ROOT, dir));
  return newest;
}

async function ensureBuilt(): Promise<void> {
  if (config.skipBuild) {
    if (!existsSync(APP_ENTRY)) throw new Error(`BENCH_SKIP_BUILD=1 but ${APP_ENTRY} does not exist`);
    return;
  }
  if (existsSync(APP_ENTRY) && statSync(APP_ENTRY).mtimeMs >= newestSourceMtime()) return;
  log("building the server bundle (npm run build:server)");
  await run(process.execPath, [join(ROOT, "scripts/build-server.mjs")]);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

// ---------------------------------------------------------------- database

interface Seeded {
  productIds: string[];
  emails: string[];
}

async function seed(url: string): Promise<Seeded> {
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    await database.migrate();
    const db = database.db;
    const [sector] = await db.insert(sectors).values({ name: "Bench sector", slug: "bench-sector" }).returning({ id: sectors.id });
    const [brand] = await db.insert(brands).values({ name: "Bench brand", slug: "bench-brand", sectorId: sector!.id }).returning({ id: brands.id });
    const rows = await db
      .insert(products)
      .values(
        Array.from({ length: config.products }, (_, i) => ({
          name: `Bench product ${i}`,
          slug: `bench-product-${i}`,
          priceCents: 199 + ((i * 137) % 4_800),
          stock: INITIAL_STOCK,
          brandId: brand!.id,
        })),
      )
      .returning({ id: products.id });
    // One argon2 hash for every buyer: hashing is deliberately slow and not what this bench measures.
    const passwordHash = await hashPassword(PASSWORD);
    const emails = Array.from({ length: config.buyers }, (_, i) => `buyer-${i}@bench.test`);
    await db.insert(users).values(emails.map((email, i) => ({ email, name: `Buyer ${i}`, passwordHash })));
    await db.execute(sql`analyze`);
    return { productIds: rows.map((r) => r.id), emails };
  } finally {
    await database.close();
  }
}

interface Verdict {
  ordersByStatus: Record<string, number>;
  unitsHeld: number;
  unitsTaken: number;
  negativeStock: number;
  mismatchedProducts: number;
  chargesSucceeded: number;
}

/** Zero oversell: per product, initial − stock now = units of its orders that hold stock (all but cancelled). */
async function verify(url: string): Promise<Verdict> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const byStatus = await client.query<{ status: string; n: number }>("select status, count(*)::int as n from orders group by status");
    const perProduct = await client.query<{ taken: number; held: number; stock: number }>(
      `select $1::int - p.stock as taken, coalesce(h.units, 0)::int as held, p.stock
       from products p
       left join (select i.product_id, sum(i.quantity) as units from order_items i join orders o on o.id = i.order_id
                  where o.status <> 'cancelled' group by i.product_id) h on h.product_id = p.id`,
      [INITIAL_STOCK],
    );
    const charges = await client.query<{ n: number }>("select count(*)::int as n from transactions where kind = 'charge' and status = 'succeeded'");
    return {
      ordersByStatus: Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n])),
      unitsHeld: perProduct.rows.reduce((s, r) => s + r.held, 0),
      unitsTaken: perProduct.rows.reduce((s, r) => s + r.taken, 0),
      negativeStock: perProduct.rows.filter((r) => r.stock < 0).length,
      mismatchedProducts: perProduct.rows.filter((r) => r.taken !== r.held).length,
      chargesSucceeded: charges.rows[0]!.n,
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- server

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

/** SIGTERM, then SIGKILL after 10 s: the server finishes in-flight orders before it exits. */
const stopServer = (server: Child) => server.stop(10_000);

// ---------------------------------------------------------------- HTTP client

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: config.port,
        method,
        path,
        agent,
        headers: { ...headers, ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", reject);
    req.end(body);
  });
}

interface Tally {
  latenciesMs: number[];
  statuses: Map<number, number>;
  transportErrors: number;
}

const ADDRESS = { name: "Bench Buyer", line1: "1 Load Street", city: "Benchville", postalCode: "12345", country: "US" };

/** `buyers` workers, each placing one order after another until `untilMs`. */
async function load(tokens: string[], productIds: string[], untilMs: number, runTag: string): Promise<Tally> {
  const tally: Tally = { latenciesMs: [], statuses: new Map(), transportErrors: 0 };
  await Promise.all(
    tokens.map(async (token, worker) => {
      const random = createRng(worker + 1 + runTag.length * 1_000).next;
      for (let n = 0; performance.now() < untilMs; n++) {
        const lines = 1 + Math.floor(random() * 3);
        const chosen = new Set<string>();
        while (chosen.size < lines) chosen.add(productIds[Math.floor(random() * productIds.length)]!);
        const body = JSON.stringify({
          items: [...chosen].map((productId) => ({ productId, quantity: 1 + Math.floor(random() * 3) })),
          shippingAddress: ADDRESS,
          payment: { method: "test_card", cardNumber: TEST_CARD_SUCCESS, expiry: "12/49", cvc: "123" },
        });
        const started = performance.now();
        try {
          const res = await call("POST", "/api/v1/orders", { authorization: `Bearer ${token}`, "idempotency-key": `checkout-${runTag}-${worker}-${n}` }, body);
          tally.latenciesMs.push(performance.now() - started);
          tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
        } catch {
          tally.transportErrors += 1;
        }
      }
    }),
  );
  return tally;
}

/** CPU time used so far, in ms, of a process that may have ended meanwhile (then 0). */
function cpuMsOrZero(pid: number): number {
  try {
    return cpuMsOf(pid);
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving the bench database (the server's pool), by pid. */
async function benchBackendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const started = performance.now();
  await ensureBuilt();
  log(`database ${config.databaseUrl} (recreated)`);
  await recreateDatabase(config.databaseUrl);
  const seeded = await seed(config.databaseUrl);
  log(`seeded ${seeded.productIds.length} products × ${INITIAL_STOCK} units, ${seeded.emails.length} buyers`);

  const spawnedAt = performance.now();
  const server = startServer();
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
        const res = await call("POST", "/api/v1/auth/token", {}, JSON.stringify({ email, password: PASSWORD }));
        if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.body}`);
        return (JSON.parse(res.body) as { accessToken: string }).accessToken;
      }),
    );
    log(`${tokens.length} buyers signed in; warming up ${config.warmupS} s`);

    const warm = await load(tokens, seeded.productIds, performance.now() + config.warmupS * 1_000, "warm");
    const measuredFrom = performance.now();
    log(`measuring ${config.durationS} s with ${tokens.length} concurrent buyers`);
    // The pool's backends all exist after the warm-up; their CPU time is what PostgreSQL spends on this bench.
    const backends = await benchBackendPids(config.databaseUrl);
    const backendCpu = () => backends.reduce((sum, pid) => sum + cpuMsOrZero(pid), 0);
    const cpuBefore = { server: cpuMsOrZero(server.pid), postgres: backendCpu(), bench: process.cpuUsage() };
    const tally = await load(tokens, seeded.productIds, measuredFrom + config.durationS * 1_000, "run");
    const elapsedS = (performance.now() - measuredFrom) / 1_000;
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const cpuMs = {
      server: cpuMsOrZero(server.pid) - cpuBefore.server,
      postgres: backendCpu() - cpuBefore.postgres,
      loadGenerator: (benchCpu.user + benchCpu.system) / 1_000,
    };

    await stopServer(server);
    const verdict = await verify(config.databaseUrl);

    const sorted = [...tally.latenciesMs].sort((a, b) => a - b);
    const created = tally.statuses.get(201) ?? 0;
    const ordersPerSecond = created / elapsedS;
    const p50 = percentile(sorted, 50);
    const p90 = percentile(sorted, 90);
    const p99 = percentile(sorted, 99);
    const max = sorted.at(-1) ?? NaN;
    const serverErrors = [...tally.statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
    const warmCreated = warm.statuses.get(201) ?? 0;
    const oversellFree = verdict.negativeStock === 0 && verdict.mismatchedProducts === 0 && verdict.unitsTaken === verdict.unitsHeld;
    const everyAnswerIsAnOrder = (verdict.ordersByStatus.paid ?? 0) === created + warmCreated && verdict.chargesSucceeded === created + warmCreated;

    const result = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg1m: round(loadavg()[0] ?? 0, 2), node: process.version },
      config: { ...config, databaseUrl: config.databaseUrl.replace(/\/\/[^@]*@/, "//…@") },
      orders: { created, ordersPerSecond: round(ordersPerSecond), statuses: Object.fromEntries(tally.statuses), transportErrors: tally.transportErrors },
      latencyMs: { p50: round(p50), p90: round(p90), p99: round(p99), max: round(max) },
      // CPU spent per order during the measured window: what the throughput would be on idle cores.
      cpuMsPerOrder: {
        server: round(cpuMs.server / Math.max(1, created), 2),
        postgres: round(cpuMs.postgres / Math.max(1, created), 2),
        loadGenerator: round(cpuMs.loadGenerator / Math.max(1, created), 2),
      },
      verdict,
      targets: {
        ordersPerSecond: { target: `≥ ${TARGETS.minOrdersPerSecond}`, pass: ordersPerSecond >= TARGETS.minOrdersPerSecond },
        p99Ms: { target: `≤ ${TARGETS.maxP99Ms}`, pass: p99 <= TARGETS.maxP99Ms },
        zeroOversell: { pass: oversellFree },
      },
      totalSeconds: round((performance.now() - started) / 1_000),
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `checkout-${result.at.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);

    const mark = (pass: boolean) => (pass ? "PASS" : "MISS");
    console.log("");
    console.log(`  checkout: ${tokens.length} concurrent buyers, ${round(elapsedS)} s, PostgreSQL, pool ${config.poolSize}`);
    console.log(
      `  orders/s   ${round(ordersPerSecond)}   (${created} orders; statuses ${JSON.stringify(Object.fromEntries(tally.statuses))}, transport errors ${tally.transportErrors})   ${mark(result.targets.ordersPerSecond.pass)} ≥ ${TARGETS.minOrdersPerSecond}`,
    );
    console.log(
      `  latency    p50 ${round(p50)} ms · p90 ${round(p90)} ms · p99 ${round(p99)} ms · max ${round(max)} ms   ${mark(result.targets.p99Ms.pass)} p99 ≤ ${TARGETS.maxP99Ms}`,
    );
    console.log(
      `  cpu/order  server ${result.cpuMsPerOrder.server} ms · postgres ${result.cpuMsPerOrder.postgres} ms · load generator ${result.cpuMsPerOrder.loadGenerator} ms (${result.machine.cpus} cores shared by all three)`,
    );
    console.log(
      `  oversell   units taken ${verdict.unitsTaken} = units in live orders ${verdict.unitsHeld}; negative stock ${verdict.negativeStock}; mismatched products ${verdict.mismatchedProducts}   ${oversellFree ? "PASS zero oversell" : "FAIL"}`,
    );
    console.log(
      `  orders     ${JSON.stringify(verdict.ordersByStatus)} · succeeded charges ${verdict.chargesSucceeded} (${everyAnswerIsAnOrder ? "one per 201" : "MISMATCH with the 201s"})`,
    );
    console.log(`  machine    ${result.machine.cpus} CPUs, load ${result.machine.loadavg1m} · total ${result.totalSeconds} s · ${file.slice(ROOT.length + 1)}`);
    console.log("");
    if (!oversellFree || serverErrors > 0 || !everyAnswerIsAnOrder) process.exitCode = 1;
  } finally {
    await stopServer(server);
    agent.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
