// npm run test:cluster — the cluster rig (ADR 033).
//
// Starts, all private and on loopback: a PostgreSQL (initdb in a temp dir, pg_ctl on its own port), a Redis,
// 3 replicas of the BUILT app (node dist/server/index.js, NODE_ENV=production, TRUST_PROXY=1) and nginx in front.
// Then proves, printing figures: (1) sessions work on every replica; (2) WebSocket events reach every replica's
// clients; (3) the rate limit is shared and ignores a spoofed X-Forwarded-For; (4) the staff dashboard's request
// rate is the cluster's (what the load generator sent, ±10 %); (5) a rolling restart under ~100 req/s drops
// nothing; (6) Redis killed for 10 s; (7) PostgreSQL stopped for 5 s. Exits 1 when any fails.
// Every process is stopped by PID at the end, also on failure; the temp dir is removed.
//
// Environment: CLUSTER_BASE_PORT (5500): PostgreSQL base+10, Redis base+11, nginx base+20, replicas base+21…23.
import { loadavg } from "node:os";
import { installChildGuards } from "../../bench/lib/children";
import { intFromEnv, round } from "../../bench/lib/config";
import { portIsFree } from "../../bench/lib/probes";
import { openDatabase } from "../../server/db";
import { seedIfEmpty } from "../../server/seed/seed-data";
import { ensureFreshBuild, PrivatePostgres, PrivateRedis, replicaEnv, startNginx, startReplica, workDir, type Replica } from "./processes";
import { customerLogin, prepareCatalog, type Rig, type ScenarioResult } from "./rig";
import { eventsEverywhere, sessionEverywhere, sharedRateLimit } from "./scenarios-basics";
import { dashboardCountsTheCluster } from "./scenarios-dashboard";
import { clusterServes, postgresOutage, redisOutage, rollingRestart } from "./scenarios-failures";

const REPLICAS = 3;
const base = intFromEnv("CLUSTER_BASE_PORT", 5500);
const ports = { postgres: base + 10, redis: base + 11, nginx: base + 20, replicas: Array.from({ length: REPLICAS }, (_, i) => base + 21 + i) };
const started = performance.now();
const log = (message: string) => console.log(`[${round((performance.now() - started) / 1000)} s] ${message}`);
const load = () =>
  loadavg()
    .map((n) => round(n, 2))
    .join(" / ");

async function seed(url: string): Promise<void> {
  const database = await openDatabase({ url, dataDir: workDir, poolSize: 2 });
  try {
    await database.migrate();
    await seedIfEmpty(database.db, () => undefined);
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  installChildGuards();
  log(`cluster rig: ${REPLICAS} replicas behind nginx, private PostgreSQL and Redis; load average ${load()}`);
  for (const port of [ports.postgres, ports.redis, ports.nginx, ...ports.replicas]) {
    if (!(await portIsFree(port))) throw new Error(`port ${port} is taken (set CLUSTER_BASE_PORT)`);
  }
  ensureFreshBuild(log);

  const postgres = new PrivatePostgres(ports.postgres);
  const redis = new PrivateRedis(ports.redis);
  const replicas: Replica[] = [];
  let nginxStop: (() => Promise<void>) | undefined;
  try {
    postgres.init();
    log(`PostgreSQL on :${ports.postgres} (pid ${postgres.pid}, data in ${workDir})`);
    await redis.start();
    log(`Redis on :${ports.redis}`);
    await seed(postgres.url);
    const catalog = await prepareCatalog(postgres.url);
    log(`migrated and seeded: ${catalog.initialStock.size} products`);

    // Together, as a Deployment rolls out (the database is already migrated, so they do not queue on its lock).
    replicas.push(...(await Promise.all(ports.replicas.map((port, i) => startReplica(i, port, replicaEnv(port, postgres, redis))))));
    log(`replicas ready: ${replicas.map((r) => `:${r.port} (pid ${r.child.pid})`).join(", ")}`);
    const nginx = await startNginx(ports.nginx, ports.replicas);
    nginxStop = () => nginx.stop();
    const proxy = `http://127.0.0.1:${ports.nginx}`;
    log(`nginx on :${ports.nginx} (pid ${nginx.pid})`);

    const rig: Rig = { proxy, replicas, postgres, redis, ...catalog, customerToken: await customerLogin(proxy) };
    const all = [sessionEverywhere, eventsEverywhere, sharedRateLimit, dashboardCountsTheCluster, rollingRestart, redisOutage, postgresOutage];
    // CLUSTER_SCENARIOS=3,5 runs only those (numbered as printed): quicker when working on one of them.
    const only = (process.env.CLUSTER_SCENARIOS ?? "").split(",").filter(Boolean).map(Number);
    const scenarios = only.length ? all.filter((_, i) => only.includes(i + 1)) : all;
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      const result = await scenario(rig).catch((err: Error) => ({ title: scenario.name, pass: false, lines: [`the scenario itself failed: ${err.message}`] }));
      results.push(result);
      log(`${result.pass ? "PASS" : "FAIL"} ${result.title}`);
      for (const line of result.lines) console.log(`      ${line}`);
    }
    const serving = await clusterServes(rig);
    log(`after all scenarios the cluster ${serving ? "serves (readiness 200 through nginx)" : "does NOT serve"}; load average ${load()}`);

    const failed = results.filter((r) => !r.pass);
    console.log(`\ncluster rig: ${results.length - failed.length}/${results.length} scenarios passed in ${round((performance.now() - started) / 1000)} s`);
    for (const r of failed) console.log(`  FAILED: ${r.title}`);
    return failed.length === 0 && serving ? 0 : 1;
  } finally {
    log("stopping nginx, replicas, Redis and PostgreSQL");
    await nginxStop?.();
    await Promise.all(replicas.map((r) => r.child.stop(15_000)));
    await redis.stop();
    postgres.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`cluster rig failed: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
