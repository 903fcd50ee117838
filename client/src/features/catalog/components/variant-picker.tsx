import { useId } from "react";
import type { Product } from "@shared/contracts/catalog";
import { findVariant } from "@shared/variant-values";

type Variant = Product["variants"][number];
type Chosen = Record<string, string>;

/**
 * The product page's variant picker (issue 12 §2): each option is a radio group of buttons (arrow keys move
 * within a group, as native radios do; screen readers hear "Size, M, 2 of 3, selected"). A value that has no
 * variant with the other current choices, or only a sold-out one, stays focusable but is marked unavailable
 * and struck through; choosing it picks the closest variant that has it.
 */
export function VariantPicker({ product, variant, onChange }: { product: Product; variant: Variant; onChange: (variant: Variant) => void }) {
  const baseId = useId();
  const chosen: Chosen = variant.optionValues;
  const pick = (name: string, value: string) => {
    const wanted = { ...chosen, [name]: value };
    const exact = findVariant(product.options, product.variants, wanted);
    // No variant with every current choice: keep the new value, take the first variant that has it (in stock first).
    const withValue = product.variants.filter((v) => v.optionValues[name] === value);
    const next = exact ?? withValue.find((v) => v.stock > 0) ?? withValue[0];
    if (next) onChange(next);
  };
  return (
    <div className="flex flex-col gap-4" data-testid="variant-picker">
      {product.options.map((option, i) => {
        const legendId = `${baseId}-${i}`;
        return (
          <fieldset key={option.name} aria-labelledby={legendId} className="flex flex-col gap-2">
            <legend id={legendId} className="text-sm font-semibold text-stone-800">
              {option.name}: <span className="font-normal text-stone-600">{chosen[option.name]}</span>
            </legend>
            <div className="flex flex-wrap gap-2">
              {option.values.map((value) => {
                const match = findVariant(product.options, product.variants, { ...chosen, [option.name]: value });
                const available = match !== undefined && match.stock > 0;
                const selected = chosen[option.name] === value;
                const exists = product.variants.some((v) => v.optionValues[option.name] === value);
                return (
                  <label
                    key={value}
                    className={[
                      "relative cursor-pointer rounded-lg border px-4 py-2 text-sm font-medium focus-within:ring-2 focus-within:ring-brand-600 focus-within:ring-offset-2",
                      selected ? "border-brand-800 bg-brand-50 text-brand-900" : "border-stone-300 bg-white text-stone-800 hover:border-stone-500",
                      available ? "" : "text-stone-400 line-through",
                      exists ? "" : "cursor-not-allowed opacity-50",
                    ].join(" ")}
                  >
                    <input
                      type="radio"
                      className="sr-only"
                      name={`${baseId}-${option.name}`}
                      value={value}
                      checked={selected}
                      disabled={!exists}
                      onChange={() => pick(option.name, value)}
                    />
                    {value}
                    {!available && <span className="sr-only"> (unavailable)</span>}
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

/** The variant `?variant=` names, else the first in stock, else the first. */
export function initialVariant(product: Product, fromUrl: string | null): Variant {
  return product.variants.find((v) => v.id === fromUrl) ?? product.variants.find((v) => v.stock > 0) ?? product.variants[0]!;
}
