/**
 * Pure helpers over option values (issue 12), kept free of zod so storefront code that runs on every page
 * (cart, product page) can use them without pulling the schema library into its chunk.
 */
type Values = Record<string, string>;

/** A variant's option values as shoppers read them, each with its option: "Size: M / Colour: Blue". */
export const describeOptionValues = (values: Values | undefined) =>
  Object.entries(values ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join(" / ");
