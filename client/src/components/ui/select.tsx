import type { ComponentPropsWithRef, ReactNode } from "react";
import { Field, useFieldIds } from "./field";
import { controlClasses } from "./field-styles";

export interface SelectOption<V extends string = string> {
  value: V;
  label: string;
  disabled?: boolean;
}

export interface SelectProps<V extends string = string> extends Omit<ComponentPropsWithRef<"select">, "children"> {
  options: readonly SelectOption<V>[];
  /** An extra first option with value "" ("All roles", say). */
  placeholderOption?: string;
  invalid?: boolean;
}

/** A styled native <select> (native keeps keyboard, mobile pickers and screen readers right). Label it: aria-label or a <label>. */
export function Select<V extends string = string>({ options, placeholderOption, invalid = false, className = "", ...props }: SelectProps<V>) {
  return (
    <select className={controlClasses({ invalid, className: `pr-8 ${className}` })} {...props}>
      {placeholderOption !== undefined && <option value="">{placeholderOption}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export interface SelectFieldProps<V extends string = string> extends SelectProps<V> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Wrapper classes; the select keeps the shared look. */
  fieldClassName?: string;
}

/** <Select> with a visible label, hint and error message (aria-invalid + aria-describedby). */
export function SelectField<V extends string = string>({ label, hint, error, fieldClassName, id, ...selectProps }: SelectFieldProps<V>) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <Field label={label} ids={ids} hint={hint} error={error} className={fieldClassName}>
      <Select id={ids.controlId} invalid={Boolean(error)} {...ids.describedBy} {...selectProps} />
    </Field>
  );
}
