import { Writable } from "node:stream";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { deploymentWarnings } from "./deployment-warnings";
import { createTestApp } from "../test/harness";

function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger("info", sink), lines };
}

describe("deployment warnings", () => {
  it("when production runs without a trusted proxy, with TRUST_PROXY=true or with plain-HTTP origins, then each is named", () => {
    const base = { NODE_ENV: "production" as const, ALLOWED_ORIGINS: ["https://shop.example.com"] };
    expect(deploymentWarnings({ ...base, TRUST_PROXY: "false" })).toEqual([expect.stringContaining("TRUST_PROXY is off in production")]);
    expect(deploymentWarnings({ ...base, TRUST_PROXY: "true" })).toEqual([expect.stringContaining("spoof")]);
    expect(deploymentWarnings({ ...base, TRUST_PROXY: "1", ALLOWED_ORIGINS: ["http://shop.example.com", "http://localhost:5000"] })).toEqual([
      expect.stringContaining("http://shop.example.com"),
    ]);
    expect(deploymentWarnings({ ...base, TRUST_PROXY: "1" })).toEqual([]);
    expect(deploymentWarnings({ ...base, NODE_ENV: "development", TRUST_PROXY: "false" })).toEqual([]);
  });

  it("when a production API request arrives over plain HTTP, then the log says why cookies will not stick, once a minute", async () => {
    const { logger, lines } = capturedLogger();
    const t = await createTestApp({ NODE_ENV: "production", TRUST_PROXY: "1", LOG_LEVEL: "info" }, {}, { logger });
    await request(t.app).get("/api/v1/sectors").set("X-Forwarded-Proto", "http").expect(200);
    await request(t.app).get("/api/v1/sectors").set("X-Forwarded-Proto", "http").expect(200);
    await request(t.app).get("/api/v1/sectors").set("X-Forwarded-Proto", "https").expect(200);
    const warnings = lines.filter((l) => String(l.message).includes("plain HTTP in production"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: "warn", forwardedProto: "http" });
  });

  it("when a request comes through a trusted proxy, then the access log records the client's address", async () => {
    const { logger, lines } = capturedLogger();
    const t = await createTestApp({ TRUST_PROXY: "1", LOG_LEVEL: "info" }, {}, { logger });
    await request(t.app).get("/api/v1/sectors").set("X-Forwarded-For", "203.0.113.7").expect(200);
    const access = lines.find((l) => l.message === "request" && l.path === "/api/v1/sectors");
    expect(access).toMatchObject({ ip: "203.0.113.7", status: 200 });
  });
});
