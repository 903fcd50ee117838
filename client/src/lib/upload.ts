import { ApiError, apiErrorFromBody, getCsrfToken, noteFailedRequest, resetCsrfToken, toQueryString, type QueryParams } from "./api";

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0–1; 1 once every byte has left the browser. */
  fraction: number;
}

export interface UploadOptions {
  query?: QueryParams;
  /** The body's media type, e.g. "text/csv; charset=utf-8". */
  contentType: string;
  /** Called as the body is sent. */
  onProgress?: (progress: UploadProgress) => void;
  /** Called once the whole body is sent: from then on the server is working on it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

const abortError = () => new DOMException("The upload was cancelled.", "AbortError");

/**
 * POSTs a file with upload progress. fetch() cannot report upload progress, so this one request type goes
 * through XMLHttpRequest; it still behaves like `api`: the same CSRF token (one retry on csrf_failed),
 * typed JSON back, failures as ApiError, auth problems reported.
 */
export async function uploadWithProgress<T>(path: string, body: Blob, options: UploadOptions, csrfRetried = false): Promise<T> {
  if (options.signal?.aborted) throw abortError();
  const csrf = await getCsrfToken();
  try {
    return await send<T>(path, body, options, csrf);
  } catch (error) {
    if (error instanceof ApiError && error.code === "csrf_failed" && !csrfRetried) {
      resetCsrfToken();
      return uploadWithProgress<T>(path, body, options, true);
    }
    if (error instanceof ApiError) noteFailedRequest(error, path);
    throw error;
  }
}

function send<T>(path: string, body: Blob, { query, contentType, onProgress, onUploaded, signal }: UploadOptions, csrf: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path + toQueryString(query));
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Content-Type", contentType);
    xhr.setRequestHeader("X-CSRF-Token", csrf);

    xhr.upload.onprogress = (event) => {
      const total = event.lengthComputable ? event.total : body.size;
      onProgress?.({ loaded: event.loaded, total, fraction: total > 0 ? Math.min(1, event.loaded / total) : 1 });
    };
    xhr.upload.onload = () => {
      onProgress?.({ loaded: body.size, total: body.size, fraction: 1 });
      onUploaded?.();
    };

    const onAbort = () => xhr.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const settle = () => signal?.removeEventListener("abort", onAbort);

    xhr.onload = () => {
      settle();
      const requestId = xhr.getResponseHeader("X-Request-Id") ?? undefined;
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorFromBody(xhr.status, xhr.statusText, xhr.responseText, requestId));
        return;
      }
      if (xhr.status === 204 || xhr.responseText === "") {
        resolve(undefined as T);
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(new ApiError(xhr.status, "bad_response", "The server sent a response we could not read.", [], requestId));
      }
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiError(0, "network_error", "Could not reach the server. Check your connection and try again."));
    };
    xhr.onabort = () => {
      settle();
      reject(abortError());
    };
    xhr.send(body);
  });
}
