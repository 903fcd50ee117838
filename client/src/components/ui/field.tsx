import { useId, type ReactNode } from "react";
import { labelClasses } from "./field-styles";

/** The ids and ARIA attributes that tie a control to its label, hint and error message. */
export interface FieldIds {
  controlId: string;
  hintId?: string;
  errorId?: string;
  /** Spread onto the control: aria-invalid + aria-describedby (hint first, then the error). */
  describedBy: { "aria-invalid"?: true; "aria-describedby"?: string };
}

export function useFieldIds({ id, hint, error }: { id?: string; hint?: ReactNode; error?: ReactNode }): FieldIds {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ");
  return {
    controlId,
    hintId,
    errorId,
    describedBy: { ...(error ? { "aria-invalid": true as const } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) },
  };
}

interface FieldProps {
  label: ReactNode;
  ids: FieldIds;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
  /** The control, wired with ids.controlId and ids.describedBy. */
  children: ReactNode;
}

/**
 * Label above, control, then hint and error below. Used by <TextField>, <SelectField> and <PasswordField>;
 * build a new kind of field on it rather than repeating the markup.
 */
export function Field({ label, ids, hint, error, className = "", children }: FieldProps) {
  return (
    <div className={className}>
      <label htmlFor={ids.controlId} className={labelClasses}>
        {label}
      </label>
      <div className="mt-1.5">{children}</div>
      {hint && (
        <p id={ids.hintId} className="mt-1.5 text-xs text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.errorId} className="mt-1.5 flex items-start gap-1.5 text-sm font-medium text-red-700">
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0">
            <path
              fillRule="evenodd"
              d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
              clipRule="evenodd"
            />
          </svg>
          {error}
        </p>
      )}
    </div>
  );
}
