import type { ComponentPropsWithRef, ReactNode } from "react";
import { Field, useFieldIds } from "./field";
import { controlClasses } from "./field-styles";

export interface TextFieldProps extends Omit<ComponentPropsWithRef<"input">, "children"> {
  label: ReactNode;
  /** Shown under the field and announced with it (aria-describedby). */
  hint?: ReactNode;
  /** Shown under the field in red; also sets aria-invalid. */
  error?: string;
  /** Classes for the wrapper (width, grid placement); the input keeps the shared look. */
  className?: string;
  inputClassName?: string;
}

/**
 * A labelled text input with hint and error message. Works with react-hook-form: `<TextField label="Email" {...register("email")} error={errors.email?.message} />`.
 */
export function TextField({ label, hint, error, className, inputClassName, id, ...inputProps }: TextFieldProps) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <Field label={label} ids={ids} hint={hint} error={error} className={className}>
      <input id={ids.controlId} {...ids.describedBy} className={controlClasses({ invalid: Boolean(error), className: inputClassName })} {...inputProps} />
    </Field>
  );
}
