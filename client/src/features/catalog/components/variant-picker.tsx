import { useId } from "react";
import type { Product } from "@shared/contracts/catalog";
import { resolveChoice, valueState } from "../variant-availability";

type Variant = Product["variants"][number];
type Chosen = Record<string, string>;

/**
 * The product page's variant picker (issue 12 §2, ADR 067): each option is a native radio group (arrow keys
 * move within a group and skip disabled values; screen readers hear "Size, M, 2 of 3, selected"). A value
 * that, after the options before it, has no variant or only sold-out ones is disabled and says why; picking
 * a value keeps the earlier options and moves later ones only when they must (variant-availability.ts).
 */
export function VariantPicker({ product, variant, onChange }: { product: Product; variant: Variant; onChange: (variant: Variant) => void }) {
  const baseId = useId();
  const chosen: Chosen = variant.optionValues;
  const pick = (name: string, value: string) => {
    const next = resolveChoice(product.options, product.variants, { ...chosen, [name]: value });
    if (next) onChange(next);
  };
  return (
    <div className="flex flex-col gap-4" data-testid="variant-picker">
      {product.options.map((option, level) => {
        const legendId = `${baseId}-${level}`;
        return (
          <fieldset key={option.name} role="radiogroup" aria-labelledby={legendId} className="flex flex-col gap-2">
            <legend id={legendId} className="text-sm font-semibold text-stone-800">
              {option.name}
              <span className="font-normal text-stone-600" aria-hidden="true">
                : {chosen[option.name]}
              </span>
            </legend>
            <div className="flex flex-wrap gap-2">
              {option.values.map((value) => {
                const state = valueState(product.options, product.variants, chosen, level, value);
                const selected = chosen[option.name] === value;
                const available = state === "available";
                return (
                  <label
                    key={value}
                    data-state={state}
                    className={[
                      "relative rounded-lg border px-4 py-2 text-sm font-medium focus-within:ring-2 focus-within:ring-brand-600 focus-within:ring-offset-2",
                      selected ? "border-brand-800 bg-brand-50 text-brand-900" : "border-stone-300 bg-white text-stone-800",
                      available ? "cursor-pointer hover:border-stone-500" : "cursor-not-allowed border-dashed text-stone-500 line-through",
                    ].join(" ")}
                  >
                    <input
                      type="radio"
                      className="sr-only"
                      name={`${baseId}-${option.name}`}
                      value={value}
                      checked={selected}
                      disabled={!available}
                      onChange={() => pick(option.name, value)}
                    />
                    {value}
                    {!available && <span className="sr-only">{state === "sold_out" ? " (sold out)" : " (unavailable)"}</span>}
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
