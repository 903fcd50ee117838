import type { ComponentPropsWithRef, ReactNode } from "react";
import { Field, useFieldIds } from "@client/components/ui/field";
import { controlClasses } from "@client/components/ui/field-styles";
import { TextField, type TextFieldProps } from "@client/components/ui/text-field";

interface TextAreaFieldProps extends Omit<ComponentPropsWithRef<"textarea">, "children"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** A labelled multi-line input, built on the shared <Field> like <TextField>. */
export function TextAreaField({ label, hint, error, className, id, rows = 3, ...props }: TextAreaFieldProps) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <Field label={label} ids={ids} hint={hint} error={error} className={className}>
      <textarea
        id={ids.controlId}
        rows={rows}
        {...ids.describedBy}
        className={controlClasses({ invalid: Boolean(error), className: "h-auto py-2 leading-relaxed" })}
        {...props}
      />
    </Field>
  );
}

interface SlugFieldProps extends Omit<TextFieldProps, "label" | "hint"> {
  noun: "sector" | "brand" | "product";
  /** Editing an existing object (its slug is its address) rather than creating one (the slug may be left to the server). */
  editing: boolean;
}

/** The slug input of the catalog dialogs: register it with emptyAsUndefined, so an empty field lets the server make one. */
export function SlugField({ noun, editing, ...props }: SlugFieldProps) {
  return (
    <TextField
      label="Slug"
      autoComplete="off"
      spellCheck={false}
      autoCapitalize="none"
      hint={editing ? `Changing it changes the ${noun}'s address (/${noun}s/…).` : "Optional: made from the name when left empty."}
      {...props}
    />
  );
}

/** "Archived" / "Active" pill for products and brands. */
export function StatusBadge({ status }: { status: "active" | "archived" }) {
  return status === "archived" ? (
    <span className="inline-flex items-center rounded-full bg-stone-100 px-2 py-0.5 text-xs font-semibold text-stone-700 ring-1 ring-inset ring-stone-300">
      Archived
    </span>
  ) : (
    <span className="inline-flex items-center rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800 ring-1 ring-inset ring-brand-200">
      Active
    </span>
  );
}
