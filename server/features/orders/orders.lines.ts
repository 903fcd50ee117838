import type { OrderCreate } from "@shared/contracts/orders";
import type { ErrorDetail } from "@shared/errors";
import { AppError } from "../../lib/app-error";
import { isOrderable, type LockedLineRow, type OrderableProduct, type ResolvedLine } from "../catalog/catalog.stock";
import { MAX_ORDER_TOTAL_CENTS, priceLines, type PricingConfig } from "./pricing";

/**
 * Why checkout's statement refused to place an order (ADR 075): the statement hands back every line as it found it
 * under lock, and this turns them into the same 422 / 409 answers, in the same order, as the checks always gave.
 */

/** 409 naming the request line (`itemIndex`, its position in the body) that cannot be served. */
function outOfStock(line: { product: OrderableProduct; quantity: number }, itemIndex: number): AppError {
  const left = Math.max(0, Math.min(line.product.stock, line.quantity - 1));
  return new AppError("out_of_stock", `Not enough stock for ${line.product.name}.`, [
    { path: `items.${itemIndex}.quantity`, message: left > 0 ? `Only ${left} left` : "Out of stock" },
  ]);
}

/** A locked line as the catalog's resolveLines would have answered it. */
export function resolvedOf(row: LockedLineRow): ResolvedLine {
  if (row.problem || row.variant_id === null) return { problem: row.problem ?? "not_found", ...(row.name ? { name: row.name } : {}) };
  return {
    id: row.product_id,
    slug: row.slug!,
    name: row.name!,
    variantId: row.variant_id,
    sku: row.sku!,
    optionValues: row.option_values ?? {},
    priceCents: row.price_cents!,
    currency: row.currency!,
    stock: row.stock!,
    imageUrl: row.image_url ?? "",
    status: row.status!,
    brandStatus: row.brand_status!,
  };
}

/** The error for lines the statement would not place; an AppError whatever happens (never returns). */
export function refusalOf(input: OrderCreate, resolved: readonly ResolvedLine[], pricing: PricingConfig): AppError {
  const unavailable: ErrorDetail[] = [];
  resolved.forEach((product, i) => {
    if ("problem" in product) {
      if (product.problem === "variant_required") unavailable.push({ path: `items.${i}.variantId`, message: `Choose which ${product.name} you want` });
      else unavailable.push({ path: `items.${i}.${input.items[i]!.variantId ? "variantId" : "productId"}`, message: "No such product" });
    } else if (!isOrderable(product)) unavailable.push({ path: `items.${i}.productId`, message: `${product.name} is no longer sold` });
  });
  if (unavailable.length) return new AppError("validation_failed", "Some items cannot be ordered.", unavailable);

  const lines = input.items.map((line, i) => ({ product: resolved[i] as OrderableProduct, quantity: line.quantity }));
  const currency = lines[0]!.product.currency;
  const otherCurrency = lines.flatMap((l, i) =>
    l.product.currency === currency ? [] : [{ path: `items.${i}.productId`, message: `Priced in ${l.product.currency}, not ${currency}` }],
  );
  if (otherCurrency.length) return new AppError("validation_failed", "All items of an order must be priced in the same currency.", otherCurrency);

  const short = lines.findIndex((l) => l.product.stock < l.quantity);
  if (short >= 0) return outOfStock(lines[short]!, short);
  // Two lines of one variant that fit alone but not together: the line that goes over.
  const taken = new Map<string, number>();
  const over = lines.findIndex((l) => {
    const total = (taken.get(l.product.variantId) ?? 0) + l.quantity;
    taken.set(l.product.variantId, total);
    return total > l.product.stock;
  });
  if (over >= 0) return outOfStock(lines[over]!, over);

  const totals = priceLines(
    lines.map((l) => ({ unitPriceCents: l.product.priceCents, quantity: l.quantity })),
    pricing,
  );
  if (totals.totalCents > MAX_ORDER_TOTAL_CENTS) {
    return new AppError("validation_failed", "The order total is too large.", [{ path: "items", message: "Split the order into smaller ones" }]);
  }
  // Only a product total out of step with its variants' stock gets here (ADR 050 keeps them equal).
  return outOfStock(lines[0]!, 0);
}
