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
  // A quiet series interval first: the earlier scenarios' requests must not fall into the first point compared.
  await sleep(SERIES_SECONDS * 1000);
  const loadStartedAt = Date.now();
  const load = startLoad(RATE, shopTraffic(rig, 0));
  await sleep(17_000);
  await load.stop();
  const loadEndedAt = Date.now();
  await sleep(2_000); // a series point waits a tick for the other replicas' windows
  const answer = await send(`${rig.proxy}/api/v1/metrics/summary`, { headers: { cookie } });
  if (answer.status !== 200) throw new Error(`GET /metrics/summary answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  const summary = json<MetricsSummary>(answer);

  // Every series point overlapping the load: the dashboard counts a request when it finishes, so under a slow
  // machine a request sent near an interval's end lands in the next one; totals over the whole load compare fairly.
  await sleep(SERIES_SECONDS * 1000);
  const later = json<MetricsSummary>(await send(`${rig.proxy}/api/v1/metrics/summary`, { headers: { cookie } }));
  const points = later.series
    .map((p) => ({ end: Date.parse(p.at), rps: p.http.requestsPerSecond }))
    .filter((p) => p.end > loadStartedAt && p.end - SERIES_SECONDS * 1000 < loadEndedAt + 2_000);
  const counted = points.reduce((sum, p) => sum + p.rps * SERIES_SECONDS, 0);
  const sent = load.outcomes.length;
  const ratio = sent > 0 ? counted / sent : 0;
  const replicaRows = summary.now.replicas ?? [];
  const lines = [
    `load: ${load.outcomes.length} reads in ${round((loadEndedAt - loadStartedAt) / 1000)} s through nginx (target ${RATE} req/s)`,
    `${points.length} series points overlapping the load: dashboard ${round(counted / Math.max(1, points.length * SERIES_SECONDS))} req/s (${round(counted)} requests), load generator ${round(sent / Math.max(1, points.length * SERIES_SECONDS))} req/s (${sent} requests): ratio ${round(ratio, 3)}`,
    `per point (dashboard req/s): ${points.map((p) => round(p.rps)).join(", ") || "none"}`,
    `replicas on the dashboard now: ${replicaRows.length} (${replicaRows.map((r) => r.id).join(", ")})`,
  ];
  const pass = points.length >= 2 && Math.abs(ratio - 1) <= 0.1 && replicaRows.length === rig.replicas.length;
  return { title: "(4) with 3 replicas the dashboard's request rate equals what the load generator sent (±10 %)", pass, lines };
}
