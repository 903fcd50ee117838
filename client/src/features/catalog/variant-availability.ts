/**
 * Which option values a shopper can pick (issue 12 §2, ADR 067). Options are read in order, as a chain:
 * a value of option N is judged with the values chosen for options 0…N-1 only. So a value is offered when
 * some variant with those earlier values and this one is in stock, and every in-stock variant can be reached
 * from the first option on; judging by *all* other choices could disable both ways out of a combination
 * (Red only in S, Blue only in M: from S/Red, neither M nor Blue would be pickable).
 */
type Values = Record<string, string>;
interface Option {
  name: string;
  values: readonly string[];
}
interface Variant {
  optionValues: Values;
  stock: number;
}

/** available: an in-stock variant has it; sold_out: only sold-out ones; missing: no variant has it. */
export type ValueState = "available" | "sold_out" | "missing";

function matching<V extends Variant>(options: readonly Option[], variants: readonly V[], chosen: Values, level: number, value: string): V[] {
  return variants.filter(
    (v) => v.optionValues[options[level]!.name] === value && options.slice(0, level).every((o) => v.optionValues[o.name] === chosen[o.name]),
  );
}

/** The state of `value` for option `level`, given the values chosen for the options before it. */
export function valueState(options: readonly Option[], variants: readonly Variant[], chosen: Values, level: number, value: string): ValueState {
  const found = matching(options, variants, chosen, level, value);
  if (found.length === 0) return "missing";
  return found.some((v) => v.stock > 0) ? "available" : "sold_out";
}

/**
 * The variant for a shopper's choice: option by option, the chosen value is kept while it is available after
 * the earlier ones, otherwise the first available value is taken (else the first that exists, sold out).
 * Changing an option therefore never changes the options before it, and only those after it if they must.
 */
export function resolveChoice<V extends Variant>(options: readonly Option[], variants: readonly V[], chosen: Values): V | undefined {
  const resolved: Values = {};
  options.forEach((option, level) => {
    const state = (value: string) => valueState(options, variants, resolved, level, value);
    const wanted = chosen[option.name];
    const pick =
      (wanted !== undefined && state(wanted) === "available" ? wanted : undefined) ??
      option.values.find((v) => state(v) === "available") ??
      (wanted !== undefined && state(wanted) !== "missing" ? wanted : undefined) ??
      option.values.find((v) => state(v) !== "missing");
    if (pick !== undefined) resolved[option.name] = pick;
  });
  return variants.find((v) => options.every((o) => v.optionValues[o.name] === resolved[o.name]));
}
