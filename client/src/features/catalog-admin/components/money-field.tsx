import { useState } from "react";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { Field, useFieldIds } from "@client/components/ui/field";
import { controlClasses } from "@client/components/ui/field-styles";
import { formatMoney } from "@client/lib/format";
import { centsToDollarsText, parseDollars } from "../money";

interface MoneyFieldProps<T extends FieldValues, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  /** The form field holding integer cents (priceCents). */
  name: FieldPath<T>;
  label: string;
  currency?: string;
  /** The schema's largest amount, in cents, for a readable "at most" message. */
  maxCents?: number;
}

/**
 * A price typed in dollars, kept in the form as integer cents. The text is converted exactly (see money.ts);
 * text that is not a price leaves NaN in the form, so the schema refuses it, and the field says why in words.
 */
export function MoneyField<T extends FieldValues, TOut extends FieldValues = T>({
  control,
  name,
  label,
  currency = "USD",
  maxCents,
}: MoneyFieldProps<T, TOut>) {
  const { field, fieldState } = useController({ control, name });
  const [text, setText] = useState(() => (typeof field.value === "number" && Number.isFinite(field.value) ? centsToDollarsText(field.value) : ""));
  const parsed = parseDollars(text);
  let error: string | undefined;
  if (fieldState.error) {
    if (!parsed.ok) error = parsed.message;
    else if (fieldState.error.type === "too_big" && maxCents !== undefined) error = `The price can be at most ${formatMoney(maxCents, currency)}`;
    else error = fieldState.error.message;
  }
  const hint = parsed.ok
    ? `Shoppers see ${formatMoney(parsed.cents, currency)}`
    : `In ${currency === "USD" ? "dollars and cents, like 4.99" : `${currency}, like 4.99`}`;
  const ids = useFieldIds({ hint, error });
  const symbol = currency === "USD" ? "$" : currency;

  return (
    <Field label={label} ids={ids} hint={hint} error={error}>
      <div className="relative">
        <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-stone-500">
          {symbol}
        </span>
        <input
          id={ids.controlId}
          {...ids.describedBy}
          ref={field.ref}
          name={field.name}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const next = parseDollars(e.target.value);
            field.onChange(next.ok ? next.cents : Number.NaN);
          }}
          onBlur={() => {
            field.onBlur();
            if (parsed.ok) setText(centsToDollarsText(parsed.cents)); // "4.5" → "4.50"
          }}
          className={controlClasses({ invalid: Boolean(error), className: symbol.length > 1 ? "pl-12" : "pl-7" })}
        />
      </div>
    </Field>
  );
}
