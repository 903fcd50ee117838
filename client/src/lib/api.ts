import type { Pagination } from "@shared/contracts/common";
import { readErrorBody, type ErrorCode, type ErrorDetailShape as ErrorDetail } from "@shared/error-codes";

/** Codes the client adds for failures that never reached (or never came back from) the API. */
export type ClientErrorCode = "network_error" | "bad_response";

/** Every failed request becomes one of these: the contract's error body plus the HTTP status. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId?: string,
    /** From a 429's Retry-After header: whole seconds to wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** `?a=1&b=x` from an object, skipping undefined, null and empty strings (so optional filters vanish). */
export function toQueryString(params?: QueryParams): string {
  if (!params) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

const WRITE_METHODS: ReadonlySet<Method> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// ---- CSRF (docs/api.md: cookie-authenticated writes send X-CSRF-Token) ----

export const CSRF_PATH = "/api/v1/auth/csrf";
const ME_PATH = "/api/v1/auth/me";

/**
 * The session's CSRF token, fetched lazily before the first write and kept in memory only. The server issues
 * a new one whenever the session changes (sign-in, registration, sign-out), so the auth hooks call
 * resetCsrfToken() then; a 403 csrf_failed also drops it and the write is retried once with a fresh one.
 */
let csrfToken: string | undefined;
let csrfFetch: Promise<string> | undefined;
/** Bumped by every reset, so a fetch that started before the reset cannot store a token of the old session. */
let csrfGeneration = 0;

export function resetCsrfToken(): void {
  csrfToken = undefined;
  csrfFetch = undefined;
  csrfGeneration += 1;
}

function csrfTokenForWrite(): Promise<string> {
  if (csrfToken) return Promise.resolve(csrfToken);
  if (!csrfFetch) {
    const generation = csrfGeneration;
    const pending = request<{ csrfToken: string }>("GET", CSRF_PATH).then(({ csrfToken: token }) => {
      if (generation === csrfGeneration) csrfToken = token;
      return token;
    });
    csrfFetch = pending;
    // Settled fetches are forgotten (the token itself is cached above); a failed one is simply asked again next time.
    const forget = () => {
      if (csrfFetch === pending) csrfFetch = undefined;
    };
    pending.then(forget, forget);
  }
  return csrfFetch;
}

// ---- Auth problems (401 / 403) seen by any request ----

export interface AuthProblem {
  status: 401 | 403;
  code: ApiError["code"];
  path: string;
}
type AuthProblemListener = (problem: AuthProblem) => void;
const authProblemListeners = new Set<AuthProblemListener>();

/**
 * Called when a request answers 401 `unauthenticated` (the session ended) or 403 `forbidden` (the role changed):
 * the auth feature re-checks who is signed in, so route guards redirect or show the 403 screen. Returns an unsubscribe.
 */
export function onAuthProblem(listener: AuthProblemListener): () => void {
  authProblemListeners.add(listener);
  return () => authProblemListeners.delete(listener);
}

function reportAuthProblem(error: ApiError, path: string): void {
  if (path === ME_PATH) return; // /auth/me answering 401 is how "signed out" is learnt, not a problem.
  if ((error.status === 401 && error.code === "unauthenticated") || (error.status === 403 && error.code === "forbidden")) {
    for (const listener of authProblemListeners) listener({ status: error.status, code: error.code, path });
  }
}

/**
 * The single place request headers are built: writes carry the CSRF token, so no caller ever sets it.
 */
function buildHeaders(hasBody: boolean, csrf: string | undefined, extra?: Record<string, string>): Headers {
  const headers = new Headers({ Accept: "application/json" });
  if (hasBody) headers.set("Content-Type", "application/json");
  if (csrf) headers.set("X-CSRF-Token", csrf);
  for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
  return headers;
}

/** Retry-After is either delta-seconds or an HTTP date. */
function retryAfterSecondsOf(response: Response): number | undefined {
  const value = response.headers.get("Retry-After");
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const bodyText = await response.text().catch(() => "");
  return apiErrorFromBody(response.status, response.statusText, bodyText, response.headers.get("X-Request-Id") ?? undefined, retryAfterSecondsOf(response));
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}, csrfRetried = false): Promise<T> {
  const hasBody = options.body !== undefined;
  const csrf = WRITE_METHODS.has(method) ? await csrfTokenForWrite() : undefined;
  let response: Response;
  try {
    response = await fetch(path + toQueryString(options.query), {
      method,
      headers: buildHeaders(hasBody, csrf, options.headers),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error; // TanStack Query cancelled it; not a failure.
    throw new ApiError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    // The session (and its token) changed under us — expired, or signed in/out in another tab: one fresh token, one retry.
    if (error.code === "csrf_failed" && csrf !== undefined && !csrfRetried) {
      if (csrfToken === csrf) resetCsrfToken();
      return request<T>(method, path, options, true);
    }
    if (error.code === "unauthenticated" && path !== ME_PATH) resetCsrfToken(); // the session ended: its token is dead too
    reportAuthProblem(error, path);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, "bad_response", "The server sent a response we could not read.");
  }
}

// ---- For request helpers beside this module (upload.ts: XMLHttpRequest, for upload progress) ----

/** The session's CSRF token, the same one (fetched and cached the same way) that writes through `api` send. */
export const getCsrfToken = (): Promise<string> => csrfTokenForWrite();

/**
 * The ApiError for a failed answer: its body read with the contract's error schema, or a generic error when the
 * body is something else (a proxy's HTML error page, say). Also for answers read some other way than fetch (upload.ts).
 */
export function apiErrorFromBody(status: number, statusText: string, bodyText: string, requestId?: string, retryAfterSeconds?: number): ApiError {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    json = undefined; // not JSON: the generic error below
  }
  const parsed = readErrorBody(json);
  if (parsed) {
    const { code, message, details = [], requestId: bodyRequestId } = parsed.error;
    return new ApiError(status, code, message, details, bodyRequestId ?? requestId, retryAfterSeconds);
  }
  return new ApiError(status, "bad_response", `The server answered ${status} ${statusText}`.trim(), [], requestId, retryAfterSeconds);
}

/** What `api` does after a failed write, for helpers that send their own: a 401 drops the dead token, 401/403 reach onAuthProblem. */
export function noteFailedRequest(error: ApiError, path: string): void {
  if (error.code === "unauthenticated") resetCsrfToken();
  reportAuthProblem(error, path);
}

/** An edit made on `version` (ADR 056): a stale one answers 412 precondition_failed. Pass as a write's `headers`. */
export const ifMatch = (version: number): Record<string, string> => ({ "If-Match": `"${version}"` });

/** The one fetch wrapper: typed JSON on success, a thrown ApiError otherwise. */
export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, "body">) => request<T>("POST", path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, "body">) => request<T>("PUT", path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, "body">) => request<T>("PATCH", path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>("DELETE", path, options),
};

/**
 * useInfiniteQuery's paging over the API's list envelope ({ data, pagination: { nextCursor, hasMore } }):
 * the first page has no cursor, each next page the previous page's nextCursor. Spread it into infiniteQueryOptions.
 */
export const cursorPaging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { pagination: Pagination }) => (last.pagination.hasMore ? (last.pagination.nextCursor ?? undefined) : undefined),
};
