import { context, INVALID_SPAN_CONTEXT, propagation, SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import type { RequestHandler } from "express";
import type { Logger } from "./logger";

/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Spans are made by hand at the few
 * seams that matter (HTTP requests, PostgreSQL queries, Redis commands, jobs) instead of by auto-instrumentation:
 * the server is an ESM bundle, where require hooks see nothing, and when tracing is off none of these wrappers is
 * even installed, so it costs nothing. Context travels with AsyncLocalStorage; `traceparent` comes in on requests
 * and goes out on webhooks (`injectTraceHeaders`). See the tracing ADR.
 */
const TRACER_NAME = "fruitful-planet";

export interface TracingOptions {
  endpoint?: string;
  serviceName: string;
  logger: Logger;
}

export interface Tracing {
  enabled: boolean;
  /** Flushes buffered spans (tests, shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const OFF: Tracing = { enabled: false, flush: async () => undefined, shutdown: async () => undefined };
let active: Tracing = OFF;

export function tracingEnabled(): boolean {
  return active.enabled;
}

/** Registers the global tracer provider and W3C propagation; a no-op without an endpoint. */
export async function startTracing(options: TracingOptions): Promise<Tracing> {
  if (!options.endpoint) return OFF;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
  ]);
  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/$/, "")}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1_000 })],
  });
  provider.register();
  options.logger.info({ endpoint: options.endpoint }, "tracing on: OTLP/HTTP export");
  active = {
    enabled: true,
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown().catch((err: unknown) => options.logger.warn({ err }, "tracing shutdown failed"));
      trace.disable();
      propagation.disable();
      context.disable();
      active = OFF;
    },
  };
  return active;
}

const tracer = () => trace.getTracer(TRACER_NAME);

/** The active trace and span ids for log lines (pino mixin); empty when no span is active. */
export function traceFields(): { traceId?: string; spanId?: string } {
  if (!active.enabled) return {};
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/**
 * One SERVER span per request, continuing the caller's `traceparent`; named by the route template once a
 * route answered (low cardinality), with the status code. Mounted only when tracing is on.
 */
export function httpTracing(): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer().startSpan(
      `${req.method} ${req.baseUrl}`,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method, "url.path": req.path } },
      parent,
    );
    res.on("finish", () => {
      const route = req.route ? `${req.baseUrl}${(req.route as { path: string }).path}` : undefined;
      if (route) {
        span.updateName(`${req.method} ${route}`);
        span.setAttribute("http.route", route);
      }
      span.setAttribute("http.response.status_code", res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Runs fn inside a child span (CLIENT for calls out, INTERNAL otherwise), recording failures. */
export async function inSpan<T>(
  name: string,
  attributes: Record<string, string | number>,
  fn: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.CLIENT,
): Promise<T> {
  if (!active.enabled) return fn(trace.wrapSpanContext(INVALID_SPAN_CONTEXT));
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** `traceparent` (and `tracestate`) for an outgoing request, so the receiver can join the trace. */
export function injectTraceHeaders(headers: Record<string, string>): Record<string, string> {
  if (active.enabled) propagation.inject(context.active(), headers);
  return headers;
}

interface QueryableClient {
  query: (...args: any[]) => any;
}

/**
 * Wraps a pg-compatible client's or pool's `query` so each statement is a `db.query` span (the statement's
 * first words, never its parameters). Only promise-style calls are traced; drizzle uses nothing else.
 */
export function traceQueries(target: QueryableClient, system: string): void {
  if (!active.enabled) return;
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  target.query = (...args: unknown[]) => {
    if (typeof args.at(-1) === "function") return original(...args);
    const first = args[0] as string | { text?: string; name?: string };
    const text = typeof first === "string" ? first : (first?.text ?? "");
    const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? "QUERY";
    return inSpan(
      `${operation} ${system}`,
      { "db.system.name": system, "db.operation.name": operation, "db.query.summary": text.slice(0, 120) },
      () => original(...args) as Promise<unknown>,
    );
  };
}
