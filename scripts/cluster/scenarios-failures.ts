import { intFromEnv, round, sleep } from "../../bench/lib/config";
import { send } from "./http";
import { firstError, isOk, latencySummary, startLoad, statusBreakdown, type Outcome } from "./load";
import { nginxErrorLogSize, nginxErrorsSince } from "./processes";
import { query, restartReplica, shopTraffic, watchReadiness, type ReadinessSample, type Rig, type ScenarioResult } from "./rig";

/** Requests per second of the rolling restart; the outage scenarios run at half of it. */
const LOAD_RATE = intFromEnv("CLUSTER_LOAD_RATE", 100);

/** Exit code and last output of every replica that died, for the report. */
function deaths(rig: Rig): string[] {
  return rig.replicas
    .filter((r) => r.child.process.exitCode !== null || r.child.process.signalCode !== null)
    .map(
      (r) =>
        `replica ${r.index + 1} (pid ${r.child.pid}) DIED: exit ${r.child.process.signalCode ?? r.child.process.exitCode}; last output: ${r.child.output().slice(-1500).replace(/\s+/g, " ")}`,
    );
}

function sentLine(load: { outcomes: Outcome[]; elapsedMs: () => number; skipped: () => number }, rate: number): string {
  const seconds = load.elapsedMs() / 1000;
  const notSent = load.skipped() ? `; ${load.skipped()} NOT sent (200 requests already waiting: the cluster could not keep up)` : "";
  return `${load.outcomes.length} requests in ${round(seconds)} s = ${round(load.outcomes.length / seconds)} req/s (target ${rate})${notSent}`;
}

/**
 * (5) Rolling restart under ~100 req/s of mixed reads and checkouts through nginx: SIGTERM each replica in turn,
 * wait for it to exit, start it again, wait for its readiness, then the next. Every request must answer 2xx.
 */
export async function rollingRestart(rig: Rig): Promise<ScenarioResult> {
  const nginxLogFrom = nginxErrorLogSize();
  const load = startLoad(LOAD_RATE, shopTraffic(rig, 0.1));
  const steps: string[] = [];
  let cleanExits = 0;
  try {
    await sleep(1_500);
    for (const [i, replica] of rig.replicas.entries()) {
      const oldPid = replica.child.pid;
      const termAt = performance.now();
      await replica.child.stop(30_000);
      const exitMs = performance.now() - termAt;
      const { exitCode, signalCode } = replica.child.process;
      if (exitCode === 0) cleanExits++;
      const restarted = await restartReplica(rig, replica);
      rig.replicas[i] = restarted;
      steps.push(
        `replica ${i + 1}: pid ${oldPid} exited ${signalCode ?? exitCode} ${round(exitMs / 1000)} s after SIGTERM; pid ${restarted.child.pid} ready ${round((performance.now() - termAt) / 1000)} s after SIGTERM`,
      );
    }
    await sleep(1_500);
  } finally {
    await load.stop();
  }
  const { outcomes } = load;
  const dropped = outcomes.filter((o) => !isOk(o));
  const checkouts = outcomes.filter((o) => o.kind === "checkout").length;
  const lines = [
    `${sentLine(load, LOAD_RATE)}; ${checkouts} checkouts with Idempotency-Key, ${outcomes.length - checkouts} reads`,
    `dropped: ${dropped.length} (answers: ${statusBreakdown(outcomes)})${firstError(outcomes) ? `; first connection error: ${firstError(outcomes)}` : ""}`,
    `latency through nginx: ${latencySummary(outcomes)}`,
    ...steps,
    `clean exits (code 0): ${cleanExits}/${rig.replicas.length}`,
    `nginx error log: ${nginxErrorsSince(nginxLogFrom)}`,
    ...deaths(rig),
  ];
  return { title: "(5) rolling restart under load drops 0 requests", pass: dropped.length === 0 && cleanExits === rig.replicas.length, lines };
}

/** The first moment (ms, on the watcher's clock) after `from` from which every replica's samples all satisfy `ok`. */
function recoveredAt(samples: ReadinessSample[], from: number, replicaCount: number, ok: (s: ReadinessSample) => boolean): number | undefined {
  const after = samples.filter((s) => s.at >= from);
  const lastBad = after.filter((s) => !ok(s)).reduce((max, s) => Math.max(max, s.at), -1);
  const firsts = new Map<number, number>();
  for (const s of after) if (s.at > lastBad && !firsts.has(s.replica)) firsts.set(s.replica, s.at);
  return firsts.size === replicaCount ? Math.max(from, ...firsts.values()) : undefined;
}

const within = (outcomes: Outcome[], from: number, to: number) => outcomes.filter((o) => o.at >= from && o.at <= to);

/** (6) Redis killed for 10 s under load: no request slower than 500 ms, readiness stays 200, recovery within 5 s. */
export async function redisOutage(rig: Rig): Promise<ScenarioResult> {
  const load = startLoad(LOAD_RATE / 2, shopTraffic(rig, 0.1));
  const readiness = watchReadiness(rig.replicas);
  let killedAt = 0;
  let backAt = 0;
  try {
    await sleep(1_500);
    killedAt = readiness.elapsedMs();
    const loadKilledAt = load.elapsedMs();
    await rig.redis.kill();
    await sleep(10_000);
    await rig.redis.start();
    backAt = readiness.elapsedMs();
    const loadBackAt = load.elapsedMs();
    // Recovery: every replica's readiness reports Redis healthy again.
    const deadline = performance.now() + 15_000;
    while (performance.now() < deadline && recoveredAt(readiness.samples, backAt, rig.replicas.length, (s) => s.checks?.redis === "healthy") === undefined)
      await sleep(100);
    await sleep(1_000);
    await load.stop();
    const samples = await readiness.stop();
    const recovered = recoveredAt(samples, backAt, rig.replicas.length, (s) => s.checks?.redis === "healthy");
    const recoveryMs = recovered === undefined ? undefined : recovered - backAt;
    const baseline = within(load.outcomes, 0, loadKilledAt);
    const outage = within(load.outcomes, loadKilledAt, loadBackAt + (recoveryMs ?? 15_000));
    const slowest = Math.max(0, ...outage.map((o) => o.ms));
    const duringOutage = samples.filter((s) => s.at >= killedAt && s.at <= backAt);
    const notReady = samples.filter((s) => s.status !== 200);
    const redisStates = [...new Set(duringOutage.map((s) => s.checks?.redis ?? String(s.status)))].join("/");
    const failed = load.outcomes.filter((o) => !isOk(o));
    const lines = [
      `load: ${sentLine(load, LOAD_RATE / 2)}; answers: ${statusBreakdown(load.outcomes)}`,
      `before the kill: ${latencySummary(baseline)}`,
      `Redis down (SIGKILL → back after 10 s, until recovered): ${outage.length} requests, ${latencySummary(outage)}; slower than 500 ms: ${outage.filter((o) => o.ms > 500).length}`,
      `readiness polls (direct, every 250 ms per replica): ${samples.length}, not 200: ${notReady.length}; Redis reported as ${redisStates || "?"} during the outage`,
      `recovery (all replicas report Redis healthy after it is back): ${recoveryMs === undefined ? "NOT within 15 s" : `${round(recoveryMs)} ms`}`,
      ...deaths(rig),
    ];
    const pass = slowest < 500 && notReady.length === 0 && recoveryMs !== undefined && recoveryMs <= 5_000 && failed.length === 0;
    return { title: "(6) Redis killed for 10 s: fast answers, readiness stays 200, recovery ≤ 5 s", pass, lines };
  } finally {
    await load.stop();
    await readiness.stop();
  }
}

/**
 * (7) PostgreSQL stopped for 5 s under load (reads, checkouts, and checkouts of a scarce product that sells out):
 * failures are 503 with Retry-After, the replicas keep their PIDs, recovery within 5 s, and no oversell.
 */
export async function postgresOutage(rig: Rig): Promise<ScenarioResult> {
  const pidsBefore = rig.replicas.map((r) => r.child.pid);
  const nginxLogFrom = nginxErrorLogSize();
  const load = startLoad(LOAD_RATE / 2, shopTraffic(rig, 0.1, 0.2));
  const readiness = watchReadiness(rig.replicas);
  try {
    await sleep(1_500);
    const loadStoppedAt = load.elapsedMs();
    const stoppedAt = readiness.elapsedMs();
    rig.postgres.stop();
    await sleep(5_000);
    rig.postgres.start();
    const backAt = readiness.elapsedMs();
    const loadBackAt = load.elapsedMs();
    const deadline = performance.now() + 15_000;
    while (performance.now() < deadline && recoveredAt(readiness.samples, backAt, rig.replicas.length, (s) => s.status === 200) === undefined) await sleep(100);
    await sleep(1_000);
    await load.stop();
    const samples = await readiness.stop();
    const recovered = recoveredAt(samples, backAt, rig.replicas.length, (s) => s.status === 200);
    const recoveryMs = recovered === undefined ? undefined : recovered - backAt;

    const outage = within(load.outcomes, loadStoppedAt, loadBackAt + (recoveryMs ?? 15_000));
    const failures = load.outcomes.filter((o) => !isOk(o) && o.errorCode !== "out_of_stock");
    const wellFormed = failures.filter((o) => o.status === 503 && o.retryAfter !== undefined);
    const readinessDown = samples.filter((s) => s.at >= stoppedAt && s.at <= backAt && s.status === 503).length;
    const alive = rig.replicas.filter((r, i) => r.child.pid === pidsBefore[i] && r.child.process.exitCode === null).length;

    const stockRows = await query<{ id: string; stock: number; sold: string }>(
      rig.postgres.url,
      `select p.id, p.stock, coalesce((select sum(oi.quantity) from order_items oi join orders o on o.id = oi.order_id
                                      where oi.product_id = p.id and o.status <> 'cancelled'), 0) as sold
       from products p`,
    );
    const negative = stockRows.filter((r) => r.stock < 0).length;
    const mismatched = stockRows.filter((r) => (rig.initialStock.get(r.id) ?? r.stock) - r.stock !== Number(r.sold));
    const scarce = stockRows.find((r) => r.id === rig.scarce.id)!;
    const scarceAnswers = load.outcomes.filter((o) => o.kind === "checkout-scarce");

    const lines = [
      `load: ${sentLine(load, LOAD_RATE / 2)}; answers: ${statusBreakdown(load.outcomes)}`,
      `PostgreSQL down 5 s (pg_ctl stop -m fast → start): ${outage.length} requests in the window, ${latencySummary(outage)}`,
      `failures other than out_of_stock: ${failures.length}, of which 503 with Retry-After: ${wellFormed.length}${firstError(failures) ? `; first connection error: ${firstError(failures)}` : ""}`,
      `readiness answered 503 ${readinessDown} times during the outage; recovery (all replicas ready after PostgreSQL is back): ${recoveryMs === undefined ? "NOT within 15 s" : `${round(recoveryMs)} ms`}`,
      `replicas with the same PID, still running: ${alive}/${rig.replicas.length} (${pidsBefore.join(", ")})`,
      `scarce product: ${rig.scarce.stock} in stock → ${scarce.stock}, ${scarce.sold} sold in non-cancelled orders (${scarceAnswers.filter(isOk).length} checkouts succeeded, ${scarceAnswers.filter((o) => o.errorCode === "out_of_stock").length} refused out_of_stock)`,
      `nginx error log: ${nginxErrorsSince(nginxLogFrom)}`,
      `oversell check over ${stockRows.length} products: ${negative} with negative stock, ${mismatched.length} where the stock decrease ≠ quantity sold`,
      ...deaths(rig),
    ];
    const pass =
      failures.length > 0 &&
      wellFormed.length === failures.length &&
      recoveryMs !== undefined &&
      recoveryMs <= 5_000 &&
      alive === rig.replicas.length &&
      negative === 0 &&
      mismatched.length === 0;
    return { title: "(7) PostgreSQL stopped for 5 s: 503 + Retry-After, same PIDs, recovery ≤ 5 s, 0 oversell", pass, lines };
  } finally {
    await load.stop();
    await readiness.stop();
    if (rig.postgres.pid === undefined) rig.postgres.start();
  }
}

/** Readiness through nginx after everything: the cluster serves again. */
export async function clusterServes(rig: Rig): Promise<boolean> {
  const answer = await send(`${rig.proxy}/api/health/readiness`).catch(() => undefined);
  return answer?.status === 200;
}
