import { isApiError } from "@client/lib/api";
import { Button } from "./button";

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  retrying?: boolean;
}

/** A failed load: the server's own message, its request id for support, and a retry button. */
export function ErrorState({ error, onRetry, title = "Something went wrong", retrying = false }: ErrorStateProps) {
  const message = error instanceof Error ? error.message : "An unexpected error occurred.";
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-3 rounded-2xl border border-red-200 bg-red-50 px-6 py-10 text-center">
      <span aria-hidden="true" className="text-3xl">
        ⚠️
      </span>
      <h2 className="text-lg font-semibold text-red-900">{title}</h2>
      <p className="text-sm text-red-800">{message}</p>
      {requestId && <p className="text-xs text-red-700">Reference: {requestId}</p>}
      {onRetry && (
        <Button variant="secondary" onClick={onRetry} disabled={retrying} className="mt-2">
          {retrying ? "Retrying…" : "Try again"}
        </Button>
      )}
    </div>
  );
}
