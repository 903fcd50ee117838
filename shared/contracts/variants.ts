import { z } from "zod";
import { uuid } from "./common";

/**
 * Options and variants (issue 12 §1, ADR 050). A product has 0–3 options ({ name, values[] }, e.g.
 * Size: S/M/L) and 1–100 variants, each one combination of option values with its own SKU, price and
 * stock. A product without options has exactly one default variant whose optionValues is {}.
 */
export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 100;
export const MAX_OPTION_VALUES = 50;

const optionText = (max: number) => z.string().trim().min(1, "Required").max(max);

export const productOption = z
  .object({
    name: optionText(40),
    values: z
      .array(optionText(60))
      .min(1, "Give at least one value")
      .max(MAX_OPTION_VALUES)
      .refine((values) => new Set(values).size === values.length, "Each value may appear only once"),
  })
  .strict();
export type ProductOption = z.infer<typeof productOption>;

/** Option name → the chosen value, e.g. { Size: "M" }. */
export const optionValues = z.record(z.string().max(40), z.string().max(60));
export type OptionValues = z.infer<typeof optionValues>;

export const sku = z
  .string()
  .trim()
  .min(1, "Required")
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Letters, digits, dot, dash and underscore only");

export const productVariant = z.object({
  id: uuid,
  sku: z.string(),
  optionValues,
  priceCents: z.number().int(),
  /** The "was" price shown struck through; null when the variant is not on sale. */
  compareAtPriceCents: z.number().int().nullable(),
  stock: z.number().int(),
});
export type ProductVariant = z.infer<typeof productVariant>;

export const priceRange = z.object({ minCents: z.number().int(), maxCents: z.number().int() });
export type PriceRange = z.infer<typeof priceRange>;

/** What every Product (list and detail) carries besides its own fields. */
export const variantFieldsOfProduct = { options: z.array(productOption), variants: z.array(productVariant), priceRange };

const money = z.number().int("Must be a whole number of cents").min(0).max(100_000_000);

/**
 * One variant in an admin write. `id` keeps an existing variant (its stock history and order lines stay
 * linked); a variant left out of a PATCH's list is removed. `sku` defaults to the product slug plus the values.
 */
export const variantInput = z
  .object({
    id: uuid.optional(),
    sku: sku.optional(),
    optionValues: optionValues.default({}),
    priceCents: money,
    compareAtPriceCents: money.nullable().optional(),
    stock: z.number().int().min(0).max(10_000_000),
  })
  .strict();
export type VariantInput = z.input<typeof variantInput>;
export type VariantDraft = z.output<typeof variantInput>;

/** The fields productCreate / productUpdate gain (checked together by `checkVariants`). */
export const variantWriteFields = {
  options: z.array(productOption).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options`).optional(),
  variants: z.array(variantInput).min(1, "Give at least one variant").max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants`).optional(),
};

export const variantKey = (options: readonly ProductOption[], values: OptionValues) => options.map((o) => values[o.name] ?? "").join("\u0000");

/**
 * The rules that tie options and variants together: option names unique; every variant names exactly the
 * options, with one of each option's values; no two variants share a combination or a SKU; without
 * options, exactly one variant. Calls `issue` for each problem (zod's superRefine shape).
 */
export function checkVariants(
  options: readonly ProductOption[],
  variants: ReadonlyArray<{ sku?: string; optionValues?: OptionValues; compareAtPriceCents?: number | null; priceCents: number }>,
  issue: (path: Array<string | number>, message: string) => void,
): void {
  const names = options.map((o) => o.name);
  if (new Set(names).size !== names.length) issue(["options"], "Each option name may appear only once");
  if (options.length === 0 && variants.length > 1) issue(["variants"], "A product without options has exactly one variant");
  const seen = new Set<string>();
  const skus = new Set<string>();
  variants.forEach((v, i) => {
    const values = v.optionValues ?? {};
    const extra = Object.keys(values).filter((k) => !names.includes(k));
    if (extra.length) issue(["variants", i, "optionValues"], `Not an option of this product: ${extra.join(", ")}`);
    for (const o of options) {
      const value = values[o.name];
      if (value === undefined) issue(["variants", i, "optionValues", o.name], `Choose a ${o.name}`);
      else if (!o.values.includes(value)) issue(["variants", i, "optionValues", o.name], `${value} is not a value of ${o.name}`);
    }
    const key = variantKey(options, values);
    if (seen.has(key)) issue(["variants", i, "optionValues"], "Another variant has the same option values");
    seen.add(key);
    if (v.sku !== undefined) {
      if (skus.has(v.sku)) issue(["variants", i, "sku"], "Another variant has the same SKU");
      skus.add(v.sku);
    }
    if (v.compareAtPriceCents != null && v.compareAtPriceCents <= v.priceCents)
      issue(["variants", i, "compareAtPriceCents"], "The compare-at price must be above the price");
  });
}

/** POST /products/:id/variants/:variantId/stock */
export const variantParams = z.object({ id: uuid, variantId: uuid }).strict();

export { describeOptionValues } from "../variant-values";
