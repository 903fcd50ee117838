import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { metricsSummary, snapshot as snapshotSchema } from "@shared/contracts/metrics";
import { jobs } from "@shared/schema";
import { bearerFor, signedInAgent } from "../../test/agents";
import { makeOrder, makeProduct, makeUser } from "../../test/factories";
import { createTestApp } from "../../test/harness";
import { connect, sleep } from "../../test/ws-client";
import { attachRealtime } from "../realtime/realtime.server";
import { createMemoryActivityTracker } from "./activity-tracker";
import { createMetricsService } from "./metrics.service";

const METRICS_TOKEN = "metrics-token-for-the-tests-0123456789";

describe("live metrics over the WebSocket", () => {
  it("when a staff client subscribes, then a valid snapshot arrives at least every 2 s and its request rate rises after HTTP traffic", async () => {
    const t = await createTestApp();
    const { server, port } = await t.listen();
    const realtime = attachRealtime(server, t.ctx, t.services);
    t.services.metrics.start();
    afterAll(async () => {
      t.services.metrics.stop();
      await realtime.close();
    });
    const { accessToken } = await bearerFor(t, "staff");
    const socket = await connect(port, { token: accessToken });
    socket.send({ type: "subscribe", channel: "metrics" });
    await socket.waitFor("subscribed");
    const first = await socket.waitFor("metrics", () => true, 2_500);
    const second = await socket.waitFor("metrics", (m) => m.data.at !== first.data.at, 2_500);
    expect(Date.parse(second.data.at) - Date.parse(first.data.at)).toBeLessThanOrEqual(2_000);
    expect(snapshotSchema.parse(second.data)).toEqual(second.data);
    expect(second.data.ws.connections).toBeGreaterThanOrEqual(1);
    expect(second.data.process.rssBytes).toBeGreaterThan(0);

    // Real HTTP traffic for ~1.5 s, so at least one whole second holds some of it.
    const trafficStart = Date.now();
    while (Date.now() - trafficStart < 1_500) await request(server).get("/api/v1/sectors").expect(200);
    const busy = await socket.waitFor("metrics", (m) => Date.parse(m.data.at) > trafficStart + 1_000 && m.data.http.requestsPerSecond > 0, 3_000);
    expect(busy.data.http.p50Ms).toBeGreaterThan(0);
    await socket.close();
  });
});

describe("GET /api/v1/metrics/summary", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it("when staff or an admin asks, then it answers { now, series } matching the shared schema", async () => {
    for (const role of ["staff", "admin"] as const) {
      const { agent } = await signedInAgent(t, role);
      const res = await agent.get("/api/v1/metrics/summary").expect(200);
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(metricsSummary.parse(res.body)).toEqual(res.body);
      expect(Date.now() - Date.parse(res.body.now.at)).toBeLessThan(5_000);
    }
  });

  it("when a customer asks, then 403 forbidden; without a session, 401", async () => {
    const { agent } = await signedInAgent(t, "customer");
    expect((await agent.get("/api/v1/metrics/summary").expect(403)).body.error.code).toBe("forbidden");
    expect((await request(t.app).get("/api/v1/metrics/summary").expect(401)).body.error.code).toBe("unauthenticated");
  });
});

describe("business figures from the orders and users features", () => {
  it("when a customer registers, orders and makes a request, then the snapshot's business figures count them", async () => {
    const t = await createTestApp();
    const activity = createMemoryActivityTracker();
    // The app's own sources, read on every snapshot (no 5-second cache) so the test sees each change at once.
    const metrics = createMetricsService({ ctx: t.ctx, registrations: t.services.users, business: t.services.orders, activity, businessRefreshMs: 0 });
    const before = (await metrics.now()).business;

    const customer = await makeUser(t.db, { role: "customer" });
    const product = await makeProduct(t.db);
    await makeOrder(t.db, { userId: customer.id, productId: product.id, quantity: 2, unitPriceCents: 1_250, status: "paid" });
    metrics.recordRequest({ method: "GET", route: "/api/v1/orders", status: 200, durationMs: 4, user: { id: customer.id, role: "customer" } });
    await sleep(2_100); // past the cached snapshot's freshness
    const after = (await metrics.now()).business;

    expect(after.registrationsToday - before.registrationsToday).toBeGreaterThanOrEqual(1);
    expect(after.ordersToday - before.ordersToday).toBeGreaterThanOrEqual(1);
    expect(after.revenueTodayCents - before.revenueTodayCents).toBeGreaterThanOrEqual(2_500);
    expect(after.activeUsers).toBe(1);
    expect(after.conversionRate).toBeGreaterThan(0);
    expect(after.conversionRate).toBeLessThanOrEqual(1);
  });
});

describe("job queue figures", () => {
  it("when jobs wait, fail and complete, then the snapshot's queue card and /metrics show depth, failures, jobs/s and the oldest wait", async () => {
    const t = await createTestApp();
    const metrics = createMetricsService({
      ctx: t.ctx,
      registrations: t.services.users,
      business: t.services.orders,
      jobFigures: () => t.services.jobs.figures(),
      businessRefreshMs: 0,
    });
    const before = (await metrics.now()).jobs;
    const kind = `test.figures.${crypto.randomUUID().slice(0, 8)}`;
    const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
    await t.db.insert(jobs).values([
      { kind, payload: {}, runAt: ago(300) },
      { kind, payload: {}, runAt: ago(10) },
      { kind, payload: {}, state: "dead", finishedAt: ago(5), lastError: "SMTP said no" },
      ...Array.from({ length: 90 }, () => ({ kind, payload: {}, state: "completed" as const, finishedAt: ago(20) })),
      { kind, payload: {}, state: "completed", finishedAt: ago(600) }, // outside the minute
    ]);
    try {
      await sleep(2_100); // past the cached snapshot's freshness
      const after = (await metrics.now()).jobs;
      expect(snapshotSchema.shape.jobs.parse(after)).toEqual(after);
      expect(after.queued - before.queued).toBe(2);
      expect(after.failed - before.failed).toBe(1);
      expect(after.completedPerSecond - before.completedPerSecond).toBeCloseTo(1.5, 1);
      expect(after.oldestWaitingSeconds).toBeGreaterThanOrEqual(299);

      const scrape = (await request(t.app).get("/metrics").expect(200)).text;
      expect(scrape).toContain(`fp_jobs_queue_depth{kind="${kind}",state="queued"} 2`);
      expect(scrape).toContain(`fp_jobs_queue_depth{kind="${kind}",state="dead"} 1`);
      expect(Number(/^fp_jobs_oldest_waiting_seconds (\S+)$/m.exec(scrape)?.[1])).toBeGreaterThanOrEqual(299);
      expect(Number(/^fp_jobs_completed_per_second (\S+)$/m.exec(scrape)?.[1])).toBeGreaterThanOrEqual(1.5);
    } finally {
      await t.db.delete(jobs).where(eq(jobs.kind, kind));
    }
  });
});

describe("GET /metrics (Prometheus)", () => {
  it("when scraped, then the text has the HTTP histogram labelled by route template, WebSocket and business metrics, and process metrics", async () => {
    const t = await createTestApp();
    const product = await makeProduct(t.db);
    await request(t.app).get("/api/v1/products").expect(200);
    await request(t.app).get(`/api/v1/products/${product.slug}`).expect(200);
    await request(t.app).get("/api/v1/products/no-such-product").expect(404); // answered by the error handler
    await request(t.app).get("/api/v1/no-such-route").expect(404);
    for (let i = 0; i < 2; i++) await request(t.app).get("/api/v1/sectors").expect(200); // the second is a catalog cache hit

    const res = await request(t.app).get("/metrics").expect(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/products",status_code="200"\} 1$/m);
    expect(res.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/products\/:id",status_code="200"\} 1$/m);
    expect(res.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/products\/:id",status_code="404"\} 1$/m);
    expect(res.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1$/m);
    expect(res.text).not.toContain("no-such");
    expect(Number(/^fp_catalog_cache_hits_total (\d+)$/m.exec(res.text)?.[1])).toBeGreaterThanOrEqual(1);
    for (const name of [
      "fp_websocket_connections",
      "fp_orders_created_total",
      "fp_user_registrations_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_seconds",
    ]) {
      expect(res.text).toContain(`# TYPE ${name} `);
    }
  });

  it("when METRICS_TOKEN is set, then a scrape without the bearer token or with a wrong one gets 401, and the right one 200", async () => {
    const t = await createTestApp({ METRICS_TOKEN });
    const missing = await request(t.app).get("/metrics").expect(401);
    expect(missing.body.error.code).toBe("unauthenticated");
    await request(t.app).get("/metrics").set("Authorization", "Bearer wrong-token-0123456789").expect(401);
    await request(t.app).get("/metrics").set("Authorization", `Bearer ${METRICS_TOKEN}x`).expect(401);
    const ok = await request(t.app).get("/metrics").set("Authorization", `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(ok.text).toContain("# TYPE http_request_duration_seconds histogram");
  });
});
