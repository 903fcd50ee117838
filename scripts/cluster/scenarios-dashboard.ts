import type { MetricsSummary } from "@shared/contracts/metrics";
import { round, sleep } from "../../bench/lib/config";
import { cookieLogin, json, send } from "./http";
import { startLoad } from "./load";
import { demoLogin, shopTraffic, type Rig, type ScenarioResult } from "./rig";

const RATE = 40;
const SERIES_SECONDS = 5;

/**
 * (4) The staff dashboard counts the whole cluster (ADR 049): steady reads through nginx for ~17 s, then every
 * complete 5-second series point inside the load is compared with what the load generator sent in that interval.
 * The sum over those points must match within ±10 %, and `now` must list every replica.
 */
export async function dashboardCountsTheCluster(rig: Rig): Promise<ScenarioResult> {
  const { email, password } = demoLogin("staff");
  const cookie = await cookieLogin(rig.proxy, email, password);
  const loadStartedAt = Date.now();
  const load = startLoad(RATE, shopTraffic(rig, 0));
  await sleep(17_000);
  await load.stop();
  const loadEndedAt = Date.now();
  await sleep(2_000); // a series point waits a tick for the other replicas' windows
  const answer = await send(`${rig.proxy}/api/v1/metrics/summary`, { headers: { cookie } });
  if (answer.status !== 200) throw new Error(`GET /metrics/summary answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  const summary = json<MetricsSummary>(answer);

  // Points whose whole interval lies inside the load, with a second of margin at both ends.
  const points = summary.series
    .map((p) => ({ end: Date.parse(p.at), rps: p.http.requestsPerSecond }))
    .filter((p) => p.end - SERIES_SECONDS * 1000 >= loadStartedAt + 1_000 && p.end <= loadEndedAt - 1_000);
  let counted = 0;
  let sent = 0;
  for (const point of points) {
    counted += point.rps * SERIES_SECONDS;
    const from = point.end - SERIES_SECONDS * 1000 - loadStartedAt;
    const to = point.end - loadStartedAt;
    sent += load.outcomes.filter((o) => o.at >= from && o.at < to).length;
  }
  const ratio = sent > 0 ? counted / sent : 0;
  const replicaRows = summary.now.replicas ?? [];
  const lines = [
    `load: ${load.outcomes.length} reads in ${round((loadEndedAt - loadStartedAt) / 1000)} s through nginx (target ${RATE} req/s)`,
    `${points.length} complete series points inside the load: dashboard ${round(counted / Math.max(1, points.length * SERIES_SECONDS))} req/s (${round(counted)} requests), load generator ${round(sent / Math.max(1, points.length * SERIES_SECONDS))} req/s (${sent} requests): ratio ${round(ratio, 3)}`,
    `per point (dashboard req/s): ${points.map((p) => round(p.rps)).join(", ") || "none"}`,
    `replicas on the dashboard now: ${replicaRows.length} (${replicaRows.map((r) => r.id).join(", ")})`,
  ];
  const pass = points.length >= 2 && Math.abs(ratio - 1) <= 0.1 && replicaRows.length === rig.replicas.length;
  return { title: "(4) with 3 replicas the dashboard's request rate equals what the load generator sent (±10 %)", pass, lines };
}
