import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness";
import { makeProduct } from "../test/factories";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

/** Headers that differ per request or per path taken on purpose; everything else must be identical (ADR 061). */
const PER_REQUEST = new Set(["x-request-id", "date", "ratelimit", "set-cookie", "connection", "keep-alive"]);
const comparable = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_REQUEST.has(name)));

describe("lean read path (ADR 061)", () => {
  it("when the same product is read without and with a cookie, then headers and body are the same, bytes come br-encoded, and If-None-Match gives 304", async () => {
    const product = await makeProduct(t.db, { description: "x".repeat(2_000) });
    const lean = await request(t.app).get(`/api/v1/products/${product.slug}`).set("Accept-Encoding", "gzip");
    const full = await request(t.app).get(`/api/v1/products/${product.slug}`).set("Accept-Encoding", "gzip").set("Cookie", "unrelated=1");
    expect(lean.status).toBe(200);
    expect(lean.body).toEqual(full.body);
    expect(lean.headers["x-request-id"]).toBeTruthy();
    expect(lean.headers["content-encoding"]).toBe("gzip");
    expect(comparable(lean.headers)).toEqual(comparable(full.headers));

    const br = await request(t.app)
      .get(`/api/v1/products/${product.slug}`)
      .set("Accept-Encoding", "gzip, br")
      .buffer(true)
      .parse((res, done) => {
        res.on("data", () => undefined);
        res.on("end", () => done(null, null));
      });
    expect(br.headers["content-encoding"]).toBe("br");

    const notModified = await request(t.app).get(`/api/v1/products/${product.slug}`).set("If-None-Match", lean.headers.etag!);
    expect(notModified.status).toBe(304);
  });

  it("when a lean read fails, then the contract's error body carries the request id; admin-only paths are not taken lean", async () => {
    const missing = await request(t.app).get("/api/v1/products/no-such-product").set("X-Request-Id", "lean-404");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: "not_found", message: expect.any(String), requestId: "lean-404" } });
    const bad = await request(t.app).get("/api/v1/products?limit=abc");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
    const csv = await request(t.app).get("/api/v1/products/export.csv");
    expect(csv.status).toBe(401);
  });
});
