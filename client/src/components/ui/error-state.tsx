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
      {/* lucide's "triangle-alert" inline: this screen is in the entry, which keeps lucide-react out (ADR 063). */}
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-9 text-red-700"
      >
        <path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3" />
        <path d="M12 9v4" />
        <path d="M12 17h.01" />
      </svg>
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
