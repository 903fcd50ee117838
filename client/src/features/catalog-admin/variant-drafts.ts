import type { Product } from "@shared/contracts/catalog";
import { MAX_VARIANTS, variantKey, type OptionValues, type ProductOption, type VariantInput } from "@shared/contracts/variants";

/**
 * The product form's options and variants (issue 12 §1) as plain data: what the form starts from, the
 * combinations "Create all combinations" makes, and what a PATCH must carry. Pure, so it is unit-tested.
 */

/** The product form's price/stock/options/variants, as its fields start out. */
export interface VariantFormFields {
  priceCents?: number;
  stock?: number;
  options?: ProductOption[];
  variants?: VariantInput[];
}

/**
 * A product with options is edited as a variant table (its price and stock live on each row); one without
 * keeps the single price and stock fields, which the server applies to its one default variant.
 */
export function variantDefaults(product: Product): VariantFormFields {
  if (product.options.length === 0) return { priceCents: product.priceCents, stock: product.stock };
  return {
    options: product.options.map((o) => ({ name: o.name, values: [...o.values] })),
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      optionValues: { ...v.optionValues },
      priceCents: v.priceCents,
      compareAtPriceCents: v.compareAtPriceCents,
      stock: v.stock,
    })),
  };
}

/** "S, M , L,," → ["S", "M", "L"]: what an admin types in an option's values box. */
export const parseOptionValues = (text: string): string[] =>
  text
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");

/** Every combination of the options' values, in display order (Size S/M × Colour Red/Blue → 4). */
export function combinations(options: readonly ProductOption[]): OptionValues[] {
  return options.reduce<OptionValues[]>((acc, option) => acc.flatMap((values) => option.values.map((value) => ({ ...values, [option.name]: value }))), [{}]);
}

export type GenerateResult = { ok: true; variants: VariantInput[] } | { ok: false; message: string };

/**
 * One row per combination. A row that already has the combination keeps its id, SKU, prices and stock (so
 * its order history stays linked); a new row starts at the first row's prices, with no stock.
 */
export function generateVariants(options: readonly ProductOption[], current: readonly VariantInput[]): GenerateResult {
  const named = options.filter((o) => o.name.trim() !== "" && o.values.length > 0);
  if (named.length === 0) return { ok: false, message: "Give each option a name and at least one value first." };
  const combos = combinations(named);
  if (combos.length > MAX_VARIANTS)
    return { ok: false, message: `These options make ${combos.length} combinations; a product can have at most ${MAX_VARIANTS} variants.` };
  const byKey = new Map(current.map((v) => [variantKey(named, v.optionValues ?? {}), v]));
  const template = current[0];
  const variants = combos.map((optionValues): VariantInput => {
    const kept = byKey.get(variantKey(named, optionValues));
    if (kept) return { ...kept, optionValues };
    return {
      optionValues,
      priceCents: template?.priceCents ?? Number.NaN,
      compareAtPriceCents: template?.compareAtPriceCents ?? null,
      stock: 0,
    };
  });
  return { ok: true, variants };
}

/**
 * The schema checks variants against the options sent beside them (a PATCH with variants alone would be
 * checked against no options), and the server replaces the whole list: when either changed, send both.
 */
export function withVariantLists<T extends VariantFormFields>(patch: Partial<T>, values: T, dirty: { options?: unknown; variants?: unknown }): Partial<T> {
  if (!dirty.options && !dirty.variants) return patch;
  return { ...patch, options: values.options ?? [], variants: values.variants };
}
