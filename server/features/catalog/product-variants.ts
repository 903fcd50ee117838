import { checkVariants, type ProductOption, type VariantDraft } from "@shared/contracts/variants";
import type { ErrorDetail } from "@shared/errors";
import { AppError } from "../../lib/app-error";
import { slugify } from "./slugify";
import type { StoredVariant, VariantRow } from "./variants.repo";

/**
 * How an admin write's option and variant fields become the product's variant rows (issue 12, ADR 050).
 * Rules, HTTP-free: `variants` replaces the list (an id keeps that variant); `options` alone must still fit
 * the stored variants; plain `priceCents`/`stock` edit the one variant of a product without options.
 */

export interface VariantWriteInput {
  options?: ProductOption[];
  variants?: VariantDraft[];
  priceCents?: number;
  stock?: number;
}

export const skuTaken = () => new AppError("conflict", "This SKU is already in use.", [{ path: "variants", message: "SKU already in use" }]);

/** A SKU for a variant the admin left without one: the product slug plus its option values ("tee-m-blue"). */
export function defaultSku(slug: string, values: Record<string, string>): string {
  const parts = Object.values(values).map((v) => slugify(v, "x"));
  return [slug, ...parts].join("-").slice(0, 64);
}

function invalid(details: ErrorDetail[]): never {
  throw new AppError("validation_failed", "The options and variants do not fit together.", details);
}

/**
 * The product's options and variant rows after the write, or undefined when the write touches none of them.
 * `stored` is the locked product (undefined on create, where the insert trigger made the default variant).
 */
export function resolveVariantWrite(
  slug: string,
  stored: { options: ProductOption[]; variants: StoredVariant[] } | undefined,
  input: VariantWriteInput,
): { options: ProductOption[]; variants: VariantRow[] } | undefined {
  const current = stored ?? { options: [], variants: [] };
  const options = input.options ?? current.options;
  let variants: VariantRow[];
  if (input.variants) {
    const byId = new Map(current.variants.map((v) => [v.id, v]));
    const foreign = input.variants.flatMap((v, i) => (v.id && !byId.has(v.id) ? [{ path: `variants.${i}.id`, message: "Not a variant of this product" }] : []));
    if (foreign.length) invalid(foreign);
    variants = input.variants.map((v) => ({
      id: v.id,
      sku: v.sku ?? (v.id ? byId.get(v.id)!.sku : defaultSku(slug, v.optionValues)),
      optionValues: v.optionValues,
      priceCents: v.priceCents,
      compareAtPriceCents: v.compareAtPriceCents ?? null,
      stock: v.stock,
    }));
  } else if (input.priceCents !== undefined || input.stock !== undefined) {
    if (current.variants.length !== 1 || current.options.length > 0)
      invalid([{ path: input.priceCents !== undefined ? "priceCents" : "stock", message: "This product has variants: set price and stock on each variant" }]);
    const only = current.variants[0]!;
    variants = [{ ...only, priceCents: input.priceCents ?? only.priceCents, stock: input.stock ?? only.stock }];
  } else if (input.options) {
    variants = current.variants;
  } else {
    return undefined;
  }
  const details: ErrorDetail[] = [];
  checkVariants(options, variants, (path, message) => details.push({ path: path.join("."), message }));
  if (details.length) invalid(details);
  return { options, variants };
}

/** Whether the rows would leave the stored variants as they are (a PATCH that changes nothing writes nothing). */
export function sameVariants(stored: { options: ProductOption[]; variants: StoredVariant[] }, next: { options: ProductOption[]; variants: VariantRow[] }) {
  return (
    JSON.stringify(stored.options) === JSON.stringify(next.options) &&
    JSON.stringify(stored.variants.map(canonical)) === JSON.stringify(next.variants.map(canonical))
  );
}
/** jsonb hands keys back in its own order: compare option values key by key, sorted. */
const canonical = (v: VariantRow) => ({
  id: v.id,
  sku: v.sku,
  optionValues: Object.entries(v.optionValues).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  priceCents: v.priceCents,
  compareAtPriceCents: v.compareAtPriceCents,
  stock: v.stock,
});
