import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, isApiError, onAuthProblem, resetCsrfToken, type AuthProblem } from "./api";

interface Call {
  method: string;
  url: string;
  csrf: string | null;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
const errorBody = (code: string, message = code) => ({ error: { code, message } });

/** A fake server: hands out numbered CSRF tokens and answers writes with `answer`. */
function fakeServer(answer: (call: Call, attempt: number) => Response) {
  const calls: Call[] = [];
  let tokens = 0;
  let writes = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      const call = { method: init.method ?? "GET", url, csrf: new Headers(init.headers).get("X-CSRF-Token") };
      calls.push(call);
      if (url === "/api/v1/auth/csrf") return json(200, { csrfToken: `token-${++tokens}` });
      return answer(call, ++writes);
    }),
  );
  return calls;
}

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

describe("api CSRF handling", () => {
  it("when the first write is sent, then a token is fetched once and sent as X-CSRF-Token on every write", async () => {
    const calls = fakeServer(() => json(200, { ok: true }));
    await Promise.all([api.post("/api/v1/a", {}), api.patch("/api/v1/b", {})]);
    await api.delete("/api/v1/c");
    expect(calls.filter((c) => c.url === "/api/v1/auth/csrf")).toHaveLength(1);
    expect(calls.filter((c) => c.method !== "GET").map((c) => c.csrf)).toEqual(["token-1", "token-1", "token-1"]);
  });

  it("when a read is sent, then no token is fetched or sent", async () => {
    const calls = fakeServer(() => json(200, { ok: true }));
    await api.get("/api/v1/products");
    expect(calls).toEqual([{ method: "GET", url: "/api/v1/products", csrf: null }]);
  });

  it("when a write answers 403 csrf_failed, then a fresh token is fetched and the write retried exactly once", async () => {
    const calls = fakeServer((_call, attempt) => (attempt === 1 ? json(403, errorBody("csrf_failed")) : json(200, { ok: true })));
    await expect(api.post("/api/v1/orders", { x: 1 })).resolves.toEqual({ ok: true });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.csrf ?? "-"}`)).toEqual([
      "GET /api/v1/auth/csrf -",
      "POST /api/v1/orders token-1",
      "GET /api/v1/auth/csrf -",
      "POST /api/v1/orders token-2",
    ]);
  });

  it("when the retried write fails CSRF again, then the error is thrown instead of looping", async () => {
    const calls = fakeServer(() => json(403, errorBody("csrf_failed")));
    const error = await api.post("/api/v1/orders", {}).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe("csrf_failed");
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(2);
  });

  it("when the token is reset (sign-in or sign-out), then the next write fetches a new one", async () => {
    const calls = fakeServer(() => json(200, { ok: true }));
    await api.post("/api/v1/a", {});
    resetCsrfToken();
    await api.post("/api/v1/b", {});
    expect(calls.filter((c) => c.method === "POST").map((c) => c.csrf)).toEqual(["token-1", "token-2"]);
  });
});

describe("api errors", () => {
  it("when the server answers 429 with Retry-After, then the error carries the seconds to wait", async () => {
    fakeServer(() => json(429, errorBody("rate_limited", "Too many requests."), { "Retry-After": "42" }));
    const error = await api.post("/api/v1/auth/login", {}).catch((e: unknown) => e);
    expect(isApiError(error) && [error.status, error.code, error.retryAfterSeconds]).toEqual([429, "rate_limited", 42]);
  });

  it("when the body is the contract's error shape, then the error carries its code, message, details and request id", async () => {
    const body = { error: { code: "validation_failed", message: "Check the fields", details: [{ path: "q", message: "Too long" }], requestId: "req-1" } };
    fakeServer(() => json(400, body));
    const error = await api.get("/api/v1/products").catch((e: unknown) => e);
    expect(isApiError(error) && [error.code, error.message, error.details, error.requestId]).toEqual([
      "validation_failed",
      "Check the fields",
      [{ path: "q", message: "Too long" }],
      "req-1",
    ]);
  });

  it("when the body is not the contract's error shape (an HTML page, an unknown code), then a generic bad_response keeps the status", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway", headers: { "X-Request-Id": "req-2" } })),
    );
    const html = await api.get("/api/v1/products").catch((e: unknown) => e);
    expect(isApiError(html) && [html.status, html.code, html.message, html.requestId]).toEqual([
      502,
      "bad_response",
      "The server answered 502 Bad Gateway",
      "req-2",
    ]);
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => json(409, errorBody("no_such_code", "Something"))),
    );
    const unknown = await api.get("/api/v1/products").catch((e: unknown) => e);
    expect(isApiError(unknown) && [unknown.status, unknown.code]).toEqual([409, "bad_response"]);
  });

  it("when a data request answers 401 or 403, then auth-problem listeners hear it; /auth/me's 401 is not a problem", async () => {
    const heard: AuthProblem[] = [];
    const stop = onAuthProblem((problem) => heard.push(problem));
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) =>
        url === "/api/v1/users"
          ? json(401, errorBody("unauthenticated"))
          : url === "/api/v1/audit"
            ? json(403, errorBody("forbidden"))
            : json(401, errorBody("unauthenticated")),
      ),
    );
    await api.get("/api/v1/users").catch(() => undefined);
    await api.get("/api/v1/audit").catch(() => undefined);
    await api.get("/api/v1/auth/me").catch(() => undefined);
    stop();
    await api.get("/api/v1/users").catch(() => undefined);
    expect(heard).toEqual([
      { status: 401, code: "unauthenticated", path: "/api/v1/users" },
      { status: 403, code: "forbidden", path: "/api/v1/audit" },
    ]);
  });
});
