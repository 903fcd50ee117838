import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isApiError, onAuthProblem, resetCsrfToken, type AuthProblem } from "./api";
import { uploadWithProgress, type UploadProgress } from "./upload";

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

interface Answer {
  status: number;
  body?: unknown;
}

/**
 * A fake XMLHttpRequest: reports upload progress in two steps, then answers with `answer(attempt)`.
 * Enough of the real interface for lib/upload.ts, nothing more.
 */
function fakeXhr(answer: (attempt: number) => Answer) {
  const sent: Sent[] = [];
  let attempts = 0;
  class FakeXhr {
    status = 0;
    statusText = "";
    responseText = "";
    upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null; onload: (() => void) | null } = {
      onprogress: null,
      onload: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private url = "";
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    getResponseHeader() {
      return "req-1";
    }
    abort() {
      this.onabort?.();
    }
    send(body: unknown) {
      sent.push({ url: this.url, headers: this.headers, body });
      const reply = answer(++attempts);
      queueMicrotask(() => {
        this.upload.onprogress?.({ loaded: 50, total: 100, lengthComputable: true });
        this.upload.onprogress?.({ loaded: 100, total: 100, lengthComputable: true });
        this.upload.onload?.();
        this.status = reply.status;
        this.responseText = reply.body === undefined ? "" : JSON.stringify(reply.body);
        this.onload?.();
      });
    }
  }
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  let tokens = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ csrfToken: `token-${++tokens}` }), { status: 200, headers: { "Content-Type": "application/json" } })),
  );
  return sent;
}

const file = new Blob(["slug,name\n"], { type: "text/csv" });
const errorBody = (code: string, message = code, details?: unknown) => ({ error: { code, message, details } });

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

describe("uploadWithProgress", () => {
  it("when a file is sent, then it carries the CSRF token and content type, reports progress, then the parsed answer", async () => {
    const sent = fakeXhr(() => ({ status: 200, body: { mode: "dry-run", rows: 1 } }));
    const progress: UploadProgress[] = [];
    const uploaded = vi.fn();
    const result = await uploadWithProgress("/api/v1/products/import", file, {
      query: { mode: "dry-run" },
      contentType: "text/csv; charset=utf-8",
      onProgress: (p) => progress.push(p),
      onUploaded: uploaded,
    });
    expect(result).toEqual({ mode: "dry-run", rows: 1 });
    expect(sent).toEqual([
      {
        url: "/api/v1/products/import?mode=dry-run",
        headers: { Accept: "application/json", "Content-Type": "text/csv; charset=utf-8", "X-CSRF-Token": "token-1" },
        body: file,
      },
    ]);
    expect(progress.map((p) => p.fraction)).toEqual([0.5, 1, 1]);
    expect(uploaded).toHaveBeenCalledTimes(1);
  });

  it("when the server answers csrf_failed, then a fresh token is fetched and the upload retried exactly once", async () => {
    const sent = fakeXhr((attempt) => (attempt === 1 ? { status: 403, body: errorBody("csrf_failed") } : { status: 200, body: { ok: true } }));
    await expect(uploadWithProgress("/api/v1/x", file, { contentType: "text/csv" })).resolves.toEqual({ ok: true });
    expect(sent.map((s) => s.headers["X-CSRF-Token"])).toEqual(["token-1", "token-2"]);
  });

  it("when the server refuses the file, then the contract's error comes back as an ApiError with its details", async () => {
    fakeXhr(() => ({
      status: 422,
      body: errorBody("import_failed", "2 of 3 rows have errors", [{ path: "row 3.priceCents", message: "Must be a whole number" }]),
    }));
    const error = await uploadWithProgress("/api/v1/x", file, { contentType: "text/csv" }).catch((e: unknown) => e);
    expect(isApiError(error) && { status: error.status, code: error.code, details: error.details }).toEqual({
      status: 422,
      code: "import_failed",
      details: [{ path: "row 3.priceCents", message: "Must be a whole number" }],
    });
  });

  it("when the session has ended, then the auth feature hears about it", async () => {
    fakeXhr(() => ({ status: 401, body: errorBody("unauthenticated", "Sign in") }));
    const problems: AuthProblem[] = [];
    const stop = onAuthProblem((p) => problems.push(p));
    await expect(uploadWithProgress("/api/v1/x", file, { contentType: "text/csv" })).rejects.toMatchObject({ code: "unauthenticated" });
    stop();
    expect(problems).toEqual([{ status: 401, code: "unauthenticated", path: "/api/v1/x" }]);
  });

  it("when the signal is already aborted, then nothing is sent", async () => {
    const sent = fakeXhr(() => ({ status: 200, body: {} }));
    const controller = new AbortController();
    controller.abort();
    await expect(uploadWithProgress("/api/v1/x", file, { contentType: "text/csv", signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(sent).toEqual([]);
  });
});
