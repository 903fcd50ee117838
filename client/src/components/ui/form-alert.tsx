import type { ReactNode } from "react";

/**
 * A form's or dialog's error message in a red box, announced at once (role="alert"): the form-level message of a
 * failed submit (errors.root.server) or a failed action. Renders nothing without a message.
 */
export function FormAlert({ message, className = "" }: { message?: ReactNode; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={`rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm font-medium text-red-800 ${className}`}>
      {message}
    </p>
  );
}
