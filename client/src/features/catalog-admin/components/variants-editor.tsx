import { useRef, useState } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import type { Product } from "@shared/contracts/catalog";
import { MAX_OPTIONS, type ProductOption, type VariantInput } from "@shared/contracts/variants";
import { productCreateFields } from "@shared/contracts/catalog";
import { Button } from "@client/components/ui/button";
import { TextField } from "@client/components/ui/text-field";
import { parseOptionValues } from "../variant-drafts";
import { MoneyField } from "./money-field";
import { VariantTable, type ProductForm } from "./variant-table";

const MAX_PRICE_CENTS = productCreateFields.shape.priceCents.unwrap().maxValue ?? undefined;

/**
 * Price and stock of the product form (issue 12 §1, ADR 067). A product without options has one price and
 * stock; "Add options" turns them into options (Size: S, M, L) and a variant table whose rows carry price
 * and stock, which is what the form then sends (the schema refuses both at once).
 */
export function PriceStockAndVariants({ form, product }: { form: ProductForm; product?: Product }) {
  const variants = useWatch({ control: form.control, name: "variants" });
  const currency = product?.currency ?? "USD";
  if (variants !== undefined)
    return (
      <div className="space-y-5 rounded-2xl border border-stone-200 p-4">
        <OptionsEditor form={form} />
        <VariantTable form={form} editing={Boolean(product)} currency={currency} />
      </div>
    );

  const addOptions = () => {
    const { priceCents, stock } = form.getValues();
    const dirty = { shouldDirty: true };
    form.setValue("options", [{ name: "", values: [] }], dirty);
    const first: VariantInput = { optionValues: {}, priceCents: priceCents ?? Number.NaN, compareAtPriceCents: null, stock: stock ?? 0 };
    form.setValue("variants", [first], dirty);
    form.setValue("priceCents", undefined, dirty);
    form.setValue("stock", undefined, dirty);
  };
  const { errors } = form.formState;
  return (
    <div className="space-y-2">
      <div className="grid gap-4 sm:grid-cols-2">
        <MoneyField control={form.control} name="priceCents" label={`Price (${currency})`} currency={currency} maxCents={MAX_PRICE_CENTS} />
        {product ? (
          <div>
            <p className="text-sm font-medium text-stone-800">Stock</p>
            <p className="mt-1.5 flex h-10 items-center text-sm text-stone-900 tabular-nums">{product.stock} in stock</p>
            <p className="mt-1.5 text-xs text-stone-600">
              Change it with the − / + controls in the table: they add or remove units atomically, so orders placed meanwhile are never overwritten.
            </p>
          </div>
        ) : (
          <TextField
            label="Stock"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            hint="Units on hand"
            error={errors.stock?.message}
            {...form.register("stock", { valueAsNumber: true })}
          />
        )}
      </div>
      <Button variant="secondary" size="sm" onClick={addOptions}>
        Add options (size, colour…)
      </Button>
    </div>
  );
}

/** Up to MAX_OPTIONS options, each a name and its values typed as a comma-separated list. */
function OptionsEditor({ form }: { form: ProductForm }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "options", keyName: "key" });
  const options = (useWatch({ control: form.control, name: "options" }) ?? []) as ProductOption[];
  const errors = (form.formState.errors.options ?? []) as unknown as Array<{ name?: { message?: string }; values?: { message?: string } }> & {
    root?: { message?: string };
    message?: string;
  };
  const listError = errors.root?.message ?? errors.message;

  /** A removed option leaves the rows too; rows that then coincide are flagged by the schema. */
  const removeOption = (i: number) => {
    const name = options[i]?.name;
    remove(i);
    if (name) renameInRows(form, name, undefined);
  };

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-stone-900">Options</legend>
      <p className="text-xs text-stone-600">Up to {MAX_OPTIONS} options, such as Size or Colour, each with its values separated by commas.</p>
      {listError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {listError}
        </p>
      )}
      {fields.map((field, i) => (
        <OptionRow
          key={field.key}
          form={form}
          index={i}
          initialValues={options[i]?.values ?? []}
          nameError={errors[i]?.name?.message}
          valuesError={errors[i]?.values?.message}
          onRemove={() => removeOption(i)}
        />
      ))}
      <Button variant="secondary" size="sm" onClick={() => append({ name: "", values: [] })} disabled={fields.length >= MAX_OPTIONS}>
        Add another option
      </Button>
    </fieldset>
  );
}

interface OptionRowProps {
  form: ProductForm;
  index: number;
  initialValues: string[];
  nameError?: string;
  valuesError?: string;
  onRemove: () => void;
}

function OptionRow({ form, index, initialValues, nameError, valuesError, onRemove }: OptionRowProps) {
  const [valuesText, setValuesText] = useState(() => initialValues.join(", "));
  const nameBefore = useRef("");
  const name = form.register(`options.${index}.name`);
  const label = `Option ${index + 1}`;
  return (
    <div className="grid items-start gap-3 sm:grid-cols-[10rem_1fr_auto]" data-testid="option-row">
      <TextField
        label={`${label} name`}
        placeholder="Size"
        autoComplete="off"
        error={nameError}
        {...name}
        onFocus={(e) => (nameBefore.current = e.target.value)}
        onBlur={(e) => {
          void name.onBlur(e);
          // Renaming "Size" to "Sizes" carries the rows' chosen values over instead of orphaning them.
          const next = e.target.value.trim();
          if (nameBefore.current && next && next !== nameBefore.current) renameInRows(form, nameBefore.current, next);
        }}
      />
      <TextField
        label={`${label} values`}
        placeholder="S, M, L"
        autoComplete="off"
        hint="Separated by commas"
        error={valuesError}
        value={valuesText}
        onChange={(e) => {
          setValuesText(e.target.value);
          form.setValue(`options.${index}.values`, parseOptionValues(e.target.value), { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
        }}
      />
      <Button variant="ghost" size="sm" className="sm:mt-7" onClick={onRemove} aria-label={`Remove option ${index + 1}`}>
        Remove
      </Button>
    </div>
  );
}

/** Moves every row's value from option `from` to option `to` (or drops it when `to` is undefined). */
function renameInRows(form: ProductForm, from: string, to: string | undefined) {
  const rows = (form.getValues("variants") ?? []) as VariantInput[];
  rows.forEach((row, i) => {
    const values = { ...(row.optionValues ?? {}) };
    if (!(from in values)) return;
    const value = values[from]!;
    delete values[from];
    if (to !== undefined) values[to] = value;
    form.setValue(`variants.${i}.optionValues`, values, { shouldDirty: true });
  });
}
