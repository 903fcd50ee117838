import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import type { Snapshot } from "@shared/contracts/metrics";
import { bearerFor } from "../../test/agents";
import { createTestApp } from "../../test/harness";
import { sleep } from "../../test/ws-client";

/**
 * Issue 14 acceptance, in-process: two app instances (two replicas) on one Redis. Each publishes its per-second
 * window on the pub/sub; the snapshot either one pushes to staff shows both replicas and the cluster's request rate,
 * the sum of what the load generator sent to each (±10 % over the measured seconds).
 */
describe.runIf(process.env.REDIS_URL)("cluster-wide dashboard (ADR 049)", () => {
  it("when two replicas share Redis and both get traffic, then each snapshot shows 2 replicas and the summed request rate", async () => {
    const env = { REDIS_PREFIX: `fp:dash-${Date.now().toString(36)}` };
    const a = await createTestApp(env);
    const b = await createTestApp(env);
    const snapshots: Snapshot[] = [];
    a.services.metrics.onSnapshot((s) => snapshots.push(s));
    for (const t of [a, b]) {
      t.services.metrics.start();
      afterAll(() => t.services.metrics.stop());
    }

    // Both replicas hear each other before the load starts (connections and subscriptions take a moment).
    const heardBy = Date.now() + 10_000;
    while ((snapshots.at(-1)?.replicas?.length ?? 0) < 2 && Date.now() < heardBy) await sleep(100);

    // A steady 20 req/s to A and 10 req/s to B for 7 s, paced by the clock; each completion is timed.
    const rates = [
      { app: a.app, perSecond: 20, sent: 0 },
      { app: b.app, perSecond: 10, sent: 0 },
    ];
    const completedAt: number[] = [];
    const started = Date.now();
    const durationMs = 7_000;
    const inFlight: Array<Promise<unknown>> = [];
    while (Date.now() - started < durationMs) {
      const elapsed = (Date.now() - started) / 1_000;
      for (const target of rates) {
        while (target.sent < Math.floor(elapsed * target.perSecond)) {
          target.sent++;
          // then() sends it now (a supertest request is lazy until awaited).
          inFlight.push(
            request(target.app)
              .get("/api/v1/sectors")
              .then((res) => {
                completedAt.push(Date.now());
                expect(res.status).toBe(200);
              }),
          );
        }
      }
      await sleep(10);
    }
    await Promise.all(inFlight);
    await sleep(1_100);

    // Snapshots of the seconds inside the load, each compared with the requests that completed in its second.
    const measured = snapshots.filter((s) => {
      const at = Date.parse(s.at);
      return at >= started + 1_500 && at <= started + durationMs && s.replicas?.length === 2;
    });
    expect(measured.length).toBeGreaterThanOrEqual(3);
    const secondOf = (s: Snapshot) => Date.parse(s.at) - (Date.parse(s.at) % 1_000) - 1_000;
    const dashboard = measured.reduce((sum, s) => sum + s.http.requestsPerSecond, 0);
    const completed = measured.reduce((sum, s) => sum + completedAt.filter((t) => t >= secondOf(s) && t < secondOf(s) + 1_000).length, 0);
    console.log(
      `cluster dashboard: load generator ${completed} requests in ${measured.length} measured seconds (${(completed / measured.length).toFixed(1)} req/s), ` +
        `dashboard ${(dashboard / measured.length).toFixed(1)} req/s; per replica ${JSON.stringify(measured.map((s) => s.replicas!.map((r) => r.requestsPerSecond)))}`,
    );
    expect(Math.abs(dashboard - completed) / completed).toBeLessThanOrEqual(0.1);
    for (const s of measured) {
      const rows = s.replicas!;
      expect(rows.filter((r) => r.self)).toHaveLength(1);
      expect(rows.every((r) => r.uptimeSeconds >= 0 && r.rssBytes > 0)).toBe(true);
      // The cluster rate is the sum of the replicas' rates (each row is that replica's latest second).
      expect(s.http.requestsPerSecond).toBeCloseTo(
        rows.reduce((sum, r) => sum + r.requestsPerSecond, 0),
        1,
      );
    }

    const summary = await request(a.app)
      .get("/api/v1/metrics/summary")
      .set("Authorization", (await bearerFor(a, "staff")).authorization);
    expect(summary.status).toBe(200);
    expect(summary.body.now.replicas).toHaveLength(2);
  }, 30_000);
});
