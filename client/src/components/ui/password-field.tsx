import { useState, type ReactNode } from "react";
import { Field, useFieldIds } from "./field";
import { controlClasses } from "./field-styles";
import type { TextFieldProps } from "./text-field";

/**
 * A password input with a Show/Hide toggle (so people can check what they typed instead of typing it twice).
 * Pass autoComplete="current-password" on sign-in forms and "new-password" when creating one.
 */
export function PasswordField({ label, hint, error, className, inputClassName, id, ...inputProps }: Omit<TextFieldProps, "type"> & { label: ReactNode }) {
  const ids = useFieldIds({ id, hint, error });
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} ids={ids} hint={hint} error={error} className={className}>
      <div className="relative">
        <input
          id={ids.controlId}
          type={visible ? "text" : "password"}
          spellCheck={false}
          autoCapitalize="none"
          {...ids.describedBy}
          className={controlClasses({ invalid: Boolean(error), className: `pr-20 ${inputClassName ?? ""}` })}
          {...inputProps}
        />
        <button
          type="button"
          aria-controls={ids.controlId}
          onClick={() => setVisible((v) => !v)}
          className="absolute inset-y-1 right-1 rounded-md px-3 text-sm font-semibold text-brand-800 hover:bg-brand-50"
        >
          {visible ? "Hide" : "Show"}
          <span className="sr-only"> password</span>
        </button>
      </div>
    </Field>
  );
}
