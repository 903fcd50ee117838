import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { Webhook } from "standardwebhooks";
import { isPublicAddress, publicOnlyLookup, UnsafeTargetError } from "./webhooks.ssrf";
import { injectTraceHeaders } from "../../lib/tracing";

export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a response body is kept for admins; the rest is never read. */
export const RESPONSE_BODY_LIMIT = 2_048;

export interface SignedRequest {
  url: string;
  secret: string;
  /** webhook-id: the same on every attempt of one message, so receivers can drop duplicates. */
  messageId: string;
  body: string;
}

export interface AttemptResult {
  ok: boolean;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
}

/** The Standard Webhooks headers for one attempt (the timestamp is the attempt's, so it is fresh on retries). */
export function signedHeaders(secret: string, messageId: string, body: string, at = new Date()): Record<string, string> {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, at, body),
  };
}

/**
 * One POST with a 10 s budget for the whole exchange. Redirects are not followed (a 3xx is a failure), the
 * connection goes only to a checked public address unless private targets are allowed, and at most
 * RESPONSE_BODY_LIMIT bytes of the answer are read.
 */
export function sendSigned(request: SignedRequest, options: { allowPrivateTargets: boolean }): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (error: string, responseStatus: number | null = null, responseBody: string | null = null): AttemptResult => ({
    ok: false,
    responseStatus,
    responseBody,
    durationMs: elapsed(),
    error,
  });

  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.resolve(failed("The endpoint URL is invalid"));
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // Node connects to IP literals without calling `lookup`, so they are checked here.
  if (!options.allowPrivateTargets && isIP(host) && !isPublicAddress(host)) {
    return Promise.resolve(failed(new UnsafeTargetError(`${host} is a private, loopback or link-local address`).message));
  }

  return new Promise((resolve) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "FruitfulPlanet-Webhooks/1",
        ...signedHeaders(request.secret, request.messageId, request.body),
        // W3C traceparent of the webhook.deliver job's span when tracing is on (nothing otherwise).
        ...injectTraceHeaders({}),
      },
      lookup: options.allowPrivateTargets ? undefined : publicOnlyLookup,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const finish = () => {
        const status = res.statusCode ?? 0;
        const body = Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_BODY_LIMIT);
        const ok = status >= 200 && status < 300;
        resolve({ ok, responseStatus: status, responseBody: body, durationMs: elapsed(), error: ok ? null : `HTTP ${status}` });
      };
      res.on("data", (chunk: Buffer) => {
        if (kept < RESPONSE_BODY_LIMIT) chunks.push(chunk);
        kept += chunk.length;
        if (kept >= RESPONSE_BODY_LIMIT) {
          res.destroy();
          finish();
        }
      });
      res.on("end", finish);
      res.on("error", () => finish());
    });
    req.on("error", (err: Error) => {
      const timedOut = err.name === "AbortError" || err.name === "TimeoutError";
      resolve(failed(timedOut ? `No response within ${DELIVERY_TIMEOUT_MS / 1000} s` : err.message));
    });
    req.end(request.body);
  });
}
