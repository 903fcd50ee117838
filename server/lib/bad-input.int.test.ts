import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import express from "express";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness";
import { anonymousAgent, signedInAgent } from "../test/agents";
import { makeBrand, makeProduct, TEST_PASSWORD } from "../test/factories";
import { TEST_CARD_SUCCESS } from "@shared/contracts/orders";
import { errorHandler } from "./error-handler";
import { createLogger } from "./logger";
import { mountBuiltSpa } from "./spa";

/** Every answer to bad input: a 4xx with the contract's error body, never a 500. */
function expectErrorBody(res: request.Response, status: number | number[]) {
  expect([status].flat(), `${res.status} ${res.text}`).toContain(res.status);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
}

const NUL = "\u0000";
const address = { name: "Ada", line1: "1 Main St", city: "Springfield", postalCode: "12345", country: "US" };

describe("bad input answers 4xx with the error body (issue 14)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it("when a search, a slug or an id carries a NUL byte, then 400 validation_failed", async () => {
    for (const path of [
      `/api/v1/products?q=a${NUL}b`,
      `/api/v1/products/fruit${NUL}`,
      `/api/v1/sectors/x${NUL}y`,
      `/api/v1/brands/${NUL}`,
      `/api/v1/products?sector=a${NUL}`,
    ]) {
      const res = await request(t.app).get(path.replace(NUL, "%00"));
      expectErrorBody(res, 400);
      expect(res.body.error.code).toBe("validation_failed");
    }
  });

  it("when a name or an address field carries a NUL byte, then 400 validation_failed", async () => {
    const { agent: anonymous } = await anonymousAgent(t);
    const register = await anonymous
      .post("/api/v1/auth/register")
      .send({ email: `nul-${Date.now()}@example.test`, password: TEST_PASSWORD, name: `Ada${NUL}` });
    expectErrorBody(register, 400);
    const { agent } = await signedInAgent(t);
    const product = await makeProduct(t.db, { stock: 5 });
    for (const field of ["name", "line1", "line2", "city", "postalCode"] as const) {
      const res = await agent.post("/api/v1/orders").send({
        items: [{ productId: product.id, quantity: 1 }],
        shippingAddress: { ...address, [field]: `x${NUL}y` },
        payment: { method: "test_card", cardNumber: TEST_CARD_SUCCESS, expiry: "12/49", cvc: "123" },
      });
      expectErrorBody(res, 400);
      expect(res.body.error.code).toBe("validation_failed");
    }
  });

  it("when a path segment is not valid percent-encoded UTF-8, then 400", async () => {
    for (const path of ["/api/v1/products/%FF%FE", "/api/v1/sectors/%E0%A4%A", "/api/v1/orders/%C0%AF"]) {
      expectErrorBody(await request(t.app).get(path), [400, 404]);
    }
  });

  it("when a JSON body says Content-Encoding br (or anything unknown), then 415 or 400, not 500", async () => {
    const body = brotliCompressSync(Buffer.from(JSON.stringify({ items: [] })));
    for (const encoding of ["br", "zstd", "x-nonsense"]) {
      const res = await request(t.app).post("/api/v1/cart/quote").set("Content-Type", "application/json").set("Content-Encoding", encoding).send(body);
      expectErrorBody(res, [400, 415]);
    }
  });

  it("when a stock adjustment would take stock past the int4 range, then 400", async () => {
    const { agent } = await signedInAgent(t, "admin");
    const brand = await makeBrand(t.db);
    const product = await makeProduct(t.db, { brandId: brand.id, stock: 2_147_000_000 });
    const res = await agent.post(`/api/v1/products/${product.id}/stock`).send({ delta: 10_000_000 });
    expectErrorBody(res, 400);
    const past = await agent.post(`/api/v1/products/${product.id}/stock`).send({ delta: 3_000_000_000 });
    expectErrorBody(past, 400);
  });

  it("when a built asset is missing, then 404 with the error body (not the SPA, not 500)", async () => {
    const dist = mkdtempSync(join(tmpdir(), "fp-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>spa</title>");
    const app = express();
    mountBuiltSpa(app, dist);
    app.use(errorHandler(createLogger("silent")));
    for (const path of ["/assets/missing.js", "/assets/%FF.js"]) expectErrorBody(await request(app).get(path), [400, 404]);
    expect((await request(app).get("/products/some-slug")).status).toBe(200);
  });
});
