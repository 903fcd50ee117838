import { Agent, request as httpRequest } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "./test/ws-client";
import { startChildServer, type ChildServer } from "./test/child-server";

const PORT = 5385;
const DELAY_MS = 2_500;
const GRACE_MS = 5_000;

interface Outcome {
  status?: number;
  connection?: string;
  error?: string;
  at: number;
}

/** One GET on a keep-alive agent: status and Connection header, or the socket error. */
function get(agent: Agent, path: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: "127.0.0.1", port: PORT, path, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, connection: res.headers.connection, at: Date.now() }));
    });
    req.on("error", (err) => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message, at: Date.now() }));
    req.end();
  });
}

/** A session cookie of a freshly registered customer (the WebSocket upgrade needs an identity). */
async function registerCookie(baseUrl: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/v1/auth/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
    body: JSON.stringify({ email: `drain-${Date.now()}@example.test`, password: "drain-password-1234", name: "Drain Test" }),
  });
  expect(res.status).toBe(201);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

describe("SIGTERM drains (issue 14)", () => {
  let server: ChildServer | undefined;
  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill("SIGKILL");
  });

  it("when SIGTERM arrives under keep-alive load, then readiness turns 503 at once, traffic is served through the delay, in-flight requests end with Connection: close, WebSockets get 1001, and the process exits 0", async () => {
    server = await startChildServer(PORT, {
      SHUTDOWN_DELAY_MS: String(DELAY_MS),
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      RATE_LIMIT_PER_MINUTE: "0",
      CACHE_TTL_SECONDS: "0",
    });
    const cookie = await registerCookie(server.baseUrl);
    const socket = await connect(PORT, { cookie });

    // Keep-alive load: 8 clients, each on its own persistent socket, one request after another until the
    // server answers with Connection: close (a balancer would have stopped sending by then anyway).
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const outcomes: Outcome[] = [];
    let signalledAt = Number.POSITIVE_INFINITY;
    const worker = async () => {
      for (;;) {
        const outcome = await get(agent, "/api/v1/products?limit=24");
        outcomes.push(outcome);
        if (outcome.error || outcome.connection === "close") return;
        if (Date.now() - signalledAt > DELAY_MS + GRACE_MS) return;
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await new Promise((r) => setTimeout(r, 300));

    signalledAt = Date.now();
    server.child.kill("SIGTERM");
    // The signal reaches the child asynchronously: poll, as a balancer's probe would, until it reads 503.
    let readiness = await fetch(`${server.baseUrl}/api/health/readiness`);
    while (readiness.status === 200 && Date.now() - signalledAt < DELAY_MS) {
      await new Promise((r) => setTimeout(r, 20));
      readiness = await fetch(`${server.baseUrl}/api/health/readiness`);
    }
    const readinessAfterMs = Date.now() - signalledAt;
    expect(readiness.status).toBe(503);
    expect(readiness.headers.get("retry-after")).toBeTruthy();
    expect(((await readiness.json()) as { status: string }).status).toBe("not_ready");
    // Long before the listener closes, so probes see it (the machine running the tests may be busy: no tighter bound).
    expect(readinessAfterMs).toBeLessThan(DELAY_MS / 2);

    await Promise.all(workers);
    const closed = await socket.closed;
    const exit = await server.exited;
    const exitedAfterMs = Date.now() - signalledAt;
    agent.destroy();

    const errors = outcomes.filter((o) => o.error || o.status !== 200);
    const servedDuringDelay = outcomes.filter((o) => o.status === 200 && o.at > signalledAt && o.at < signalledAt + DELAY_MS - 100);
    const closedByDrain = outcomes.filter((o) => o.connection === "close");
    console.log(
      `drain: ${outcomes.length} requests, ${errors.length} failed, ${servedDuringDelay.length} served during the ${DELAY_MS} ms delay, ` +
        `${closedByDrain.length} answered with Connection: close, readiness 503 after ${readinessAfterMs} ms, exit ${exit.code} after ${exitedAfterMs} ms`,
    );
    expect(errors).toEqual([]);
    expect(servedDuringDelay.length).toBeGreaterThan(0);
    expect(closedByDrain.length).toBe(8); // every persistent socket was told to close, none was cut
    expect(closed.code).toBe(1001);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitedAfterMs).toBeGreaterThanOrEqual(DELAY_MS);
    expect(exitedAfterMs).toBeLessThan(DELAY_MS + GRACE_MS);
    expect(server.output.some((line) => line.includes("shutdown complete"))).toBe(true);
  }, 180_000);
});
