import { useState } from "react";
import { useFieldArray, useWatch, type FieldError, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { productCreate, ProductUpdate } from "@shared/contracts/catalog";
import { MAX_VARIANTS, type ProductOption, type VariantInput } from "@shared/contracts/variants";
import { Button } from "@client/components/ui/button";
import { controlClasses } from "@client/components/ui/field-styles";
import { ActionsTh, Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { describeOptionValues } from "@shared/variant-values";
import { centsToDollarsText, parseDollars } from "../money";
import { emptyAsUndefined } from "../form-support";
import { generateVariants } from "../variant-drafts";

export type ProductFormValues = z.input<typeof productCreate>;
export type ProductForm = UseFormReturn<ProductFormValues, unknown, ProductUpdate>;

type RowErrors = Partial<Record<"sku" | "priceCents" | "compareAtPriceCents" | "stock" | "optionValues", FieldError & Record<string, FieldError>>>;

/** Text of a field error, or undefined. */
const text = (error: { message?: string } | undefined) => error?.message || undefined;

/** The error under a cell, tied to its control by id (aria-describedby). */
function CellError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs font-medium text-red-700">
      {message}
    </p>
  );
}

interface MoneyCellProps {
  id: string;
  label: string;
  cents: number | null | undefined;
  /** What an empty box means: a required price is NaN (refused by the schema), an optional one null. */
  empty: number | null;
  error?: string;
  onChange: (cents: number | null) => void;
}

/** A price cell: dollars typed, cents kept (money.ts, as the product's own price field does). */
function MoneyCell({ id, label, cents, empty, error, onChange }: MoneyCellProps) {
  const [value, setValue] = useState(() => (typeof cents === "number" && Number.isFinite(cents) ? centsToDollarsText(cents) : ""));
  const parsed = parseDollars(value);
  const message = error && value.trim() !== "" && !parsed.ok ? parsed.message : error;
  return (
    <>
      <input
        id={id}
        aria-label={label}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          const next = parseDollars(e.target.value);
          onChange(e.target.value.trim() === "" ? empty : next.ok ? next.cents : Number.NaN);
        }}
        onBlur={() => parsed.ok && setValue(centsToDollarsText(parsed.cents))}
        className={controlClasses({ invalid: Boolean(message), className: "min-w-24" })}
      />
      <CellError id={`${id}-error`} message={message} />
    </>
  );
}

/**
 * The variant rows of a product with options (issue 12 §1): a select per option, SKU, price, compare-at
 * price and stock; rows added, removed or generated from the options (at most MAX_VARIANTS).
 */
export function VariantTable({ form, editing, currency }: { form: ProductForm; editing: boolean; currency: string }) {
  const { control, register, setValue, formState } = form;
  const { fields, append, remove, replace } = useFieldArray({ control, name: "variants", keyName: "key" });
  const options = (useWatch({ control, name: "options" }) ?? []) as ProductOption[];
  const rows = (useWatch({ control, name: "variants" }) ?? []) as VariantInput[];
  const [notice, setNotice] = useState<string | null>(null);
  const validate = formState.isSubmitted;
  const errors = (formState.errors.variants ?? []) as unknown as RowErrors[] & { root?: FieldError; message?: string };
  const listError = text(errors.root) ?? text(errors);
  const named = options.filter((o) => o.name.trim() !== "");

  const generate = () => {
    const result = generateVariants(options, rows);
    if (!result.ok) return setNotice(result.message);
    replace(result.variants);
    setNotice(`${result.variants.length} ${result.variants.length === 1 ? "variant" : "variants"}: one for each combination.`);
  };
  const addRow = () =>
    append({ optionValues: {}, priceCents: rows[0]?.priceCents ?? Number.NaN, compareAtPriceCents: rows[0]?.compareAtPriceCents ?? null, stock: 0 });

  return (
    <section aria-labelledby="variant-table-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="variant-table-title" className="text-sm font-semibold text-stone-900">
          Variants{" "}
          <span className="font-normal text-stone-600">
            ({fields.length} of at most {MAX_VARIANTS})
          </span>
        </h3>
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" onClick={generate}>
            Create all combinations
          </Button>
          <Button variant="secondary" size="sm" onClick={addRow} disabled={fields.length >= MAX_VARIANTS}>
            Add a variant
          </Button>
        </div>
      </div>
      <p className="text-xs text-stone-600">
        Each combination of option values is one variant with its own SKU, price and stock. “Create all combinations” keeps the rows you have.
        {editing && " Saving sets each variant's stock to the number shown; if an order changes it meanwhile, you will be asked to reapply."}
      </p>
      {notice && (
        <p role="status" className="text-sm text-stone-700">
          {notice}
        </p>
      )}
      {listError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {listError}
        </p>
      )}
      <Table caption="Variants">
        <THead>
          <tr>
            {named.map((o) => (
              <Th key={o.name}>{o.name}</Th>
            ))}
            <Th>SKU</Th>
            <Th>Price ({currency})</Th>
            <Th>Compare-at</Th>
            <Th>Stock</Th>
            <ActionsTh />
          </tr>
        </THead>
        <TBody>
          {fields.map((field, i) => {
            const row = rows[i] ?? (field as unknown as VariantInput);
            const values = row.optionValues ?? {};
            const name = describeOptionValues(values) || `row ${i + 1}`;
            const rowErrors = errors[i] ?? {};
            const id = `variant-${field.key}`;
            const combinationError = text(rowErrors.optionValues);
            return (
              <Tr key={field.key} data-testid="variant-row">
                {named.map((o, n) => {
                  const message = text(rowErrors.optionValues?.[o.name]) ?? (n === 0 ? combinationError : undefined);
                  return (
                    <Td key={o.name}>
                      <select
                        aria-label={`${o.name} of variant ${i + 1}`}
                        value={values[o.name] ?? ""}
                        aria-invalid={message ? true : undefined}
                        aria-describedby={message ? `${id}-${n}-error` : undefined}
                        onChange={(e) =>
                          setValue(`variants.${i}.optionValues`, { ...values, [o.name]: e.target.value }, { shouldDirty: true, shouldValidate: validate })
                        }
                        className={controlClasses({ invalid: Boolean(message), className: "min-w-24 pr-8" })}
                      >
                        <option value="">Choose…</option>
                        {o.values.map((v) => (
                          <option key={v} value={v}>
                            {v}
                          </option>
                        ))}
                      </select>
                      <CellError id={`${id}-${n}-error`} message={message} />
                    </Td>
                  );
                })}
                <Td>
                  <input
                    aria-label={`SKU of ${name}`}
                    placeholder="Automatic"
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={rowErrors.sku ? true : undefined}
                    aria-describedby={rowErrors.sku ? `${id}-sku-error` : undefined}
                    className={controlClasses({ invalid: Boolean(rowErrors.sku), className: "min-w-36" })}
                    {...register(`variants.${i}.sku`, emptyAsUndefined)}
                  />
                  <CellError id={`${id}-sku-error`} message={text(rowErrors.sku)} />
                </Td>
                <Td>
                  <MoneyCell
                    id={`${id}-price`}
                    label={`Price of ${name}`}
                    cents={row.priceCents}
                    empty={Number.NaN}
                    error={text(rowErrors.priceCents)}
                    onChange={(cents) => setValue(`variants.${i}.priceCents`, cents ?? Number.NaN, { shouldDirty: true, shouldValidate: validate })}
                  />
                </Td>
                <Td>
                  <MoneyCell
                    id={`${id}-compare`}
                    label={`Compare-at price of ${name} (optional)`}
                    cents={row.compareAtPriceCents}
                    empty={null}
                    error={text(rowErrors.compareAtPriceCents)}
                    onChange={(cents) => setValue(`variants.${i}.compareAtPriceCents`, cents, { shouldDirty: true, shouldValidate: validate })}
                  />
                </Td>
                <Td>
                  <input
                    aria-label={`Stock of ${name}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    step={1}
                    aria-invalid={rowErrors.stock ? true : undefined}
                    aria-describedby={rowErrors.stock ? `${id}-stock-error` : undefined}
                    className={controlClasses({ invalid: Boolean(rowErrors.stock), className: "min-w-24" })}
                    {...register(`variants.${i}.stock`, { valueAsNumber: true })}
                  />
                  <CellError id={`${id}-stock-error`} message={text(rowErrors.stock)} />
                </Td>
                <Td>
                  <Button variant="ghost" size="sm" onClick={() => remove(i)} disabled={fields.length === 1} aria-label={`Remove ${name}`}>
                    Remove
                  </Button>
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </section>
  );
}
