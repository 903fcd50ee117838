/**
 * Pure helpers over option values (issue 12), kept free of zod so storefront code that runs on every page
 * (cart, product page) can use them without pulling the schema library into its chunk.
 */
type Values = Record<string, string>;

/** A variant's option values as shoppers read them: "M / Blue". */
export const describeOptionValues = (values: Values | undefined) => Object.values(values ?? {}).join(" / ");

/** The variant whose values match `chosen` on every option, if any. */
export function findVariant<V extends { optionValues: Values }>(
  options: ReadonlyArray<{ name: string }>,
  variants: readonly V[],
  chosen: Values,
): V | undefined {
  return variants.find((v) => options.every((o) => v.optionValues[o.name] === chosen[o.name]));
}
