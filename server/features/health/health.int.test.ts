import request from "supertest";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../test/harness";

describe("health probes", () => {
  it("when the process runs, then liveness answers ok with a timestamp", async () => {
    const { app } = await createTestApp();
    const res = await request(app).get("/api/health/liveness");
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ok");
    expect(Number.isNaN(Date.parse(res.body.timestamp))).toBe(false);
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  it("when the database answers, then readiness is ready with every check", async () => {
    const { app } = await createTestApp();
    const res = await request(app).get("/api/health/readiness");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: "ready",
      checks: { database: "healthy", redis: process.env.REDIS_URL ? "healthy" : "disabled", memory: "healthy" },
    });
  });

  it("when shutdown has begun, then readiness answers 503 not_ready", async () => {
    const { app, ctx } = await createTestApp();
    ctx.lifecycle.shuttingDown = true;
    const res = await request(app).get("/api/health/readiness");
    expect(res.status).toBe(503);
    expect(res.body.status).toBe("not_ready");
  });

  it("when Redis is configured but unreachable, then readiness stays ready and reports Redis degraded within the budget", async () => {
    // Redis is optional for serving (issue 14): failing readiness on every replica at once would empty the Service.
    const { app } = await createTestApp({ REDIS_URL: "redis://127.0.0.1:1" });
    const started = Date.now();
    const res = await request(app).get("/api/health/readiness");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ready", checks: { database: "healthy", redis: "degraded", memory: "healthy" } });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("when shutdown has begun, then readiness says so at once with Retry-After", async () => {
    const { app, ctx } = await createTestApp();
    ctx.lifecycle.shuttingDown = true;
    const res = await request(app).get("/api/health/readiness");
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
  });
});
