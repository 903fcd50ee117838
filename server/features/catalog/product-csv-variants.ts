import { optionCsvColumns, type ProductCsvRow, type ProductImportRowError } from "@shared/contracts/catalog";
import { checkVariants, type ProductOption } from "@shared/contracts/variants";
import type { ValidProductRow } from "./catalog-csv";
import { cellPlace } from "./csv-messages";
import { defaultSku, sameVariants } from "./product-variants";
import type { StoredProduct } from "./product.mapper";
import type { StoredVariant, VariantRow } from "./variants.repo";

/**
 * The CSV import's variant side (issue 12): rows sharing a slug are one product, one row per variant. The
 * first row of a slug gives the product columns (the others must repeat them), each row one variant; the
 * result says whether the product's variants would change, so an export re-imported unchanged changes nothing.
 */

/** The product columns every row of a product repeats (price and stock belong to the variant). */
const productColumns = ["name", "description", "currency", "imageUrl", "status", "brandSlug"] as const;

export interface ProductRows {
  slug: string;
  first: ValidProductRow;
  rows: ValidProductRow[];
}

/** Groups valid rows by slug, in file order; a row whose product columns differ from its product's first row is an error. */
export function groupBySlug(valid: ValidProductRow[], errors: ProductImportRowError[]): ProductRows[] {
  const groups = new Map<string, ProductRows>();
  for (const row of valid) {
    const group = groups.get(row.data.slug);
    if (!group) {
      groups.set(row.data.slug, { slug: row.data.slug, first: row, rows: [row] });
      continue;
    }
    if (!row.data.option1Name && !group.first.data.option1Name) {
      errors.push({
        row: row.row,
        column: "slug",
        message: `${cellPlace(row.row, "slug")}: "${row.data.slug}" is already used by row ${group.first.row}; a product without options has one row (variants need option columns).`,
      });
      continue;
    }
    const differs = productColumns.find((c) => row.data[c] !== group.first.data[c]);
    if (differs) {
      errors.push({
        row: row.row,
        column: differs,
        message: `${cellPlace(row.row, differs)}: must be the same as on row ${group.first.row}, the first row of "${row.data.slug}" (one product, one value).`,
      });
      continue;
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

/** The option values of a row, as { name: value } (empty names are no option). */
function optionValuesOf(data: ProductCsvRow): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [nameColumn, valueColumn] of optionCsvColumns) {
    const name = data[nameColumn];
    if (name) values[name] = data[valueColumn] ?? "";
  }
  return values;
}

/** Options as the rows give them; the stored order of values is kept when the rows name no new value. */
function optionsOf(rows: ValidProductRow[], stored: ProductOption[]): ProductOption[] {
  const names = Object.keys(optionValuesOf(rows[0]!.data));
  return names.map((name) => {
    const values = [...new Set(rows.map((r) => optionValuesOf(r.data)[name] ?? ""))];
    const before = stored.find((o) => o.name === name);
    return before && values.every((v) => before.values.includes(v)) ? before : { name, values };
  });
}

const keyOf = (values: Record<string, string>) => JSON.stringify(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)));

export interface VariantPlan {
  options: ProductOption[];
  variants: VariantRow[];
  /** False when the stored product (or, for a new one, the default variant its insert makes) already has exactly these. */
  changed: boolean;
}

/**
 * The options and variants a product's rows describe. Variants match stored ones by SKU, else by option values,
 * so re-imports keep variant ids (and order lines stay linked). Problems go to `errors` on the row that has them.
 */
export function planVariants(group: ProductRows, stored: StoredProduct | undefined, errors: ProductImportRowError[]): VariantPlan | undefined {
  const storedVariants: StoredVariant[] = stored?.variants ?? [];
  const options = optionsOf(group.rows, stored?.options ?? []);
  const variants: VariantRow[] = group.rows.map(({ data }) => {
    const optionValues = optionValuesOf(data);
    const match =
      data.sku !== undefined ? storedVariants.find((v) => v.sku === data.sku) : storedVariants.find((v) => keyOf(v.optionValues) === keyOf(optionValues));
    return {
      id: match?.id,
      sku: data.sku ?? match?.sku ?? (options.length ? defaultSku(group.slug, optionValues) : group.slug),
      optionValues,
      priceCents: data.priceCents,
      compareAtPriceCents: data.compareAtPriceCents ?? null,
      stock: data.stock,
    };
  });
  let failed = false;
  checkVariants(options, variants, (path, message) => {
    failed = true;
    const index = typeof path[1] === "number" ? path[1] : 0;
    const row = group.rows[index]!.row;
    const column = path.includes("sku") ? "sku" : path.includes("compareAtPriceCents") ? "compareAtPriceCents" : "option1Value";
    errors.push({ row, column, message: `${cellPlace(row, column)}: ${message}.` });
  });
  if (failed) return undefined;
  const before = stored ?? {
    options: [],
    variants: [
      {
        id: undefined as unknown as string,
        sku: group.slug,
        optionValues: {},
        priceCents: group.first.data.priceCents,
        compareAtPriceCents: null,
        stock: group.first.data.stock,
      },
    ],
  };
  return { options, variants, changed: !sameVariants(before, { options, variants }) };
}
