import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ErrorCode } from "@shared/errors";
import { isApiError } from "./api";

export interface ServerErrorMapping<T extends FieldValues> {
  /** The form's fields: server `details` whose path names one of them are shown on that field. */
  fields: readonly Path<T>[];
  /** Error codes that belong to one field whatever the details say (409 email_taken → "email"). */
  fieldForCode?: Partial<Record<ErrorCode, Path<T>>>;
  /** Form-level wording for codes whose server message is not what this form should say. */
  messageForCode?: Partial<Record<ErrorCode, string>>;
}

/** "Too many attempts. Try again in 42 seconds." from a 429 (Retry-After), or a general line without it. */
export function rateLimitMessage(retryAfterSeconds: number | undefined): string {
  if (!retryAfterSeconds) return "Too many attempts. Please wait a moment and try again.";
  return `Too many attempts. Try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? "second" : "seconds"}.`;
}

/**
 * Shows a failed submit where it belongs: validation details and field-specific codes on their fields,
 * everything else as one form-level message in `errors.root.server` (render it in a role="alert" box).
 * Returns true when at least one field got an error, so the caller can move focus there.
 */
export function applyServerError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, mapping: ServerErrorMapping<T>): boolean {
  const setRoot = (message: string) => setError("root.server" as Path<T>, { type: "server", message });
  if (!isApiError(error)) {
    setRoot("Something went wrong. Please try again.");
    return false;
  }
  const known = new Set<string>(mapping.fields);
  let onField = false;

  const codeField = mapping.fieldForCode?.[error.code as ErrorCode];
  if (codeField) {
    const detail = error.details.find((d) => d.path === codeField);
    setError(codeField, { type: "server", message: error.message || detail?.message }, { shouldFocus: true });
    onField = true;
  } else if (error.code === "validation_failed") {
    for (const detail of error.details) {
      if (!known.has(detail.path)) continue;
      setError(detail.path as Path<T>, { type: "server", message: detail.message }, { shouldFocus: !onField });
      onField = true;
    }
  }
  if (onField) return true;

  const custom = mapping.messageForCode?.[error.code as ErrorCode];
  if (custom) setRoot(custom);
  else if (error.code === "rate_limited") setRoot(rateLimitMessage(error.retryAfterSeconds));
  else setRoot(error.message);
  return false;
}
