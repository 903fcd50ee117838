import { isApiError } from "@client/lib/api";
import { ErrorState } from "./error-state";
import { ForbiddenState } from "./forbidden-state";
import { Spinner } from "./skeleton";

interface QueryErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/**
 * The right screen for a failed load: 403 → the access-denied screen, 401 → a short "signing you out" note
 * (the fetch wrapper has already told the auth feature, whose route guard sends the person to sign in),
 * anything else → ErrorState with its retry button.
 */
export function QueryErrorState({ error, title, onRetry, retrying }: QueryErrorStateProps) {
  if (isApiError(error) && error.status === 403 && error.code === "forbidden") return <ForbiddenState />;
  if (isApiError(error) && error.status === 401) {
    return (
      <p className="flex items-center justify-center gap-2 py-16 text-stone-600">
        <Spinner label="Your session has ended" /> Your session has ended. Taking you to sign in…
      </p>
    );
  }
  return <ErrorState error={error} title={title} onRetry={onRetry} retrying={retrying} />;
}
