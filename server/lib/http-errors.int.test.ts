import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../test/harness";
import { errorHandler } from "./error-handler";
import { createLogger } from "./logger";
import { requestId } from "./request-context";

/** No error body may leak an implementation detail: stack frames or the word "stack". */
function expectNoLeak(text: string) {
  expect(text).not.toMatch(/\bat [^\s]+ \(|\bat file:|\bat node:|\.ts:\d+:\d+/);
  expect(text.toLowerCase()).not.toContain("stack");
}

describe("transport errors", () => {
  it("when an /api route does not exist, then 404 not_found in the contract's body with the request id", async () => {
    const { app } = await createTestApp();
    for (const path of ["/api/v1/no-such-thing", "/api/nothing", "/api/v1/products/a/b/c"]) {
      const res = await request(app).get(path).set("X-Request-Id", "probe-404");
      expect(res.status, path).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.body).toEqual({ error: { code: "not_found", message: expect.any(String), requestId: "probe-404" } });
      expectNoLeak(res.text);
    }
  });

  it("when a JSON body is malformed, then 400 invalid_json", async () => {
    const { app } = await createTestApp();
    const res = await request(app).post("/api/v1/probe").set("Content-Type", "application/json").send('{"name": "broken",');
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: "invalid_json", message: expect.any(String), requestId: expect.any(String) });
    expectNoLeak(res.text);
  });

  it("when a JSON body is over 100 KB, then 413 payload_too_large", async () => {
    const { app } = await createTestApp();
    const body = JSON.stringify({ blob: "x".repeat(101 * 1024) });
    const res = await request(app).post("/api/v1/probe").set("Content-Type", "application/json").send(body);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    expectNoLeak(res.text);
    const justUnder = await request(app)
      .post("/api/v1/probe")
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ blob: "x".repeat(90 * 1024) }));
    expect(justUnder.status).toBe(404); // parsed fine, then no route
  });

  it("when a write sends a non-JSON body, then 415 unsupported_media_type", async () => {
    const { app } = await createTestApp();
    const res = await request(app).post("/api/v1/probe").set("Content-Type", "text/plain").send("hello");
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
    expectNoLeak(res.text);
    const form = await request(app).put("/api/v1/probe").type("form").send({ a: "1" });
    expect(form.status).toBe(415);
  });

  it("when X-Request-Id is valid, then it is echoed; when invalid, then a fresh one replaces it", async () => {
    const { app } = await createTestApp();
    const kept = await request(app).get("/api/v1/sectors").set("X-Request-Id", "client-abc.123:x_y");
    expect(kept.headers["x-request-id"]).toBe("client-abc.123:x_y");
    for (const bad of ["has spaces in it", "x".repeat(129), "semi;colon", "<script>"]) {
      const res = await request(app).get("/api/v1/nope").set("X-Request-Id", bad);
      const id = res.headers["x-request-id"];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.error.requestId).toBe(id);
    }
    const generated = await request(app).get("/api/health/liveness");
    expect(generated.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("when a route throws unexpectedly, then 500 internal with a generic message and no stack", async () => {
    // A throwaway app with the real request-id middleware and error handler: no test-only routes in production code.
    const app = express();
    app.use(requestId);
    app.get("/sync", () => {
      throw new Error("secret detail: connection string postgres://user:pw@db");
    });
    app.get("/async", async () => {
      await Promise.resolve();
      throw new TypeError("Cannot read properties of undefined (reading 'stack')");
    });
    app.use(errorHandler(createLogger("silent")));
    for (const path of ["/sync", "/async"]) {
      const res = await request(app).get(path).set("X-Request-Id", "boom-1");
      expect(res.status, path).toBe(500);
      expect(res.body).toEqual({ error: { code: "internal", message: expect.any(String), requestId: "boom-1" } });
      expect(res.text).not.toContain("secret");
      expect(res.text).not.toContain("Cannot read");
      expectNoLeak(res.text);
    }
  });
});
