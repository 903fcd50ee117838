import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db";
import { bearerFor } from "../test/agents";
import { createTestApp } from "../test/harness";
import { waitFor } from "../test/wait-for";
import { startWebhookReceiver } from "../test/webhook-receiver";
import { openPrivateDatabase } from "../test/private-database";
import { createLogger } from "./logger";
import { injectTraceHeaders, inSpan, startTracing, type Tracing } from "./tracing";

/** A real OTLP/HTTP endpoint: collects the JSON export requests the SDK posts to /v1/traces. */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Array<{ key: string; value: { stringValue?: string; intValue?: number | string } }>;
}

let receiver: Server;
let endpoint: string;
const spans: OtlpSpan[] = [];
let tracing: Tracing;
let database: Database;
const logLines: string[] = [];
const logger = createLogger(
  "info",
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
        for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  tracing = await startTracing({ endpoint, serviceName: "fp-test", logger: createLogger("silent") });
  // Opened after tracing starts, as at boot: on PostgreSQL its pool's queries become spans.
  database = await openPrivateDatabase("tracing");
});

afterAll(async () => {
  await tracing?.shutdown();
  await database?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue !== undefined ? Number(value.intValue) : undefined);
};

describe("tracing over OTLP/HTTP", () => {
  it("when a request carries a traceparent, then its server span joins that trace, names the route and parents the database spans", async () => {
    const t = await createTestApp({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, LOG_LEVEL: "info" }, {}, { database, logger });
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const callerSpanId = "00f067aa0ba902b7";
    await request(t.app).get("/api/v1/sectors").set("traceparent", `00-${traceId}-${callerSpanId}-01`).expect(200);
    await tracing.flush();

    const server = spans.find((s) => s.traceId === traceId && s.name === "GET /api/v1/sectors");
    expect(server, JSON.stringify(spans.map((s) => s.name))).toBeDefined();
    expect(server!.parentSpanId).toBe(callerSpanId);
    expect(attribute(server!, "http.response.status_code")).toBe(200);
    expect(attribute(server!, "http.route")).toBe("/api/v1/sectors");

    if (database.driver !== "pglite") {
      const queries = spans.filter((s) => s.traceId === traceId && attribute(s, "db.system.name") === "postgresql");
      expect(queries.length).toBeGreaterThan(0);
      expect(queries.some((q) => q.parentSpanId === server!.spanId)).toBe(true);
      for (const q of queries) expect(q.name).toMatch(/^[A-Z]+ postgresql$/);
    }
    const access = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.message === "request" && l.path === "/api/v1/sectors");
    expect(access?.traceId).toBe(traceId);
  });

  it("when a job delivers a webhook, then the job run is a span and the webhook request carries its traceparent", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const t = await createTestApp(
        { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, WEBHOOK_ALLOW_PRIVATE_TARGETS: "true", JOBS_POLL_MS: "50" },
        {},
        { database, logger: createLogger("silent") },
      );
      const { authorization } = await bearerFor(t, "admin");
      const created = await request(t.app)
        .post("/api/v1/webhooks")
        .set("Authorization", authorization)
        .send({ url: receiver.url("/traced"), events: ["order.paid"] })
        .expect(201);
      await request(t.app).post(`/api/v1/webhooks/${created.body.id}/ping`).set("Authorization", authorization).expect(202);
      t.services.jobs.start();
      await waitFor(() => receiver.at("/traced").length > 0, 10_000, "the webhook delivery");
      await t.services.jobs.stop(1_000);
      await tracing.flush();

      const traceparent = String(receiver.at("/traced")[0]!.headers.traceparent);
      expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      const [, traceId, parentSpanId] = traceparent.split("-");
      const job = spans.find((s) => s.name === "job webhook.deliver" && s.traceId === traceId);
      expect(job, JSON.stringify(spans.map((s) => s.name))).toBeDefined();
      expect(job!.spanId).toBe(parentSpanId);
      expect(attribute(job!, "job.kind")).toBe("webhook.deliver");
    } finally {
      await receiver.close();
    }
  });

  it("when work runs in a span, then outgoing calls carry its traceparent and failures mark the span", async () => {
    let headers: Record<string, string> = {};
    await inSpan("webhook deliver", { "url.full": "http://example.test" }, async () => {
      headers = injectTraceHeaders({ "content-type": "application/json" });
    });
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    await expect(inSpan("failing job", {}, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await tracing.flush();
    const [, traceId, spanId] = headers.traceparent!.split("-");
    expect(spans.find((s) => s.traceId === traceId && s.spanId === spanId)?.name).toBe("webhook deliver");
    const failing = spans.find((s) => s.name === "failing job") as OtlpSpan & { status?: { code?: number } };
    expect(failing?.status?.code).toBe(2); // STATUS_CODE_ERROR
  });
});
