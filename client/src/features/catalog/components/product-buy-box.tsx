import type { Product } from "@shared/contracts/catalog";
import { Button } from "@client/components/ui/button";
import { formatMoney } from "@client/lib/format";
import { describeOptionValues } from "@shared/variant-values";
import { AddToCartForm, useAddToCart } from "@client/features/cart/components/add-to-cart";
import { Price } from "./price";
import { StockStatus } from "./stock-status";
import { VariantPicker } from "./variant-picker";

type Variant = Product["variants"][number];

/** `?variant=<id>` keeps the choice in the URL (shareable, survives reload) without adding history entries. */
function writeVariantToUrl(id: string | undefined) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set("variant", id);
  else url.searchParams.delete("variant");
  window.history.replaceState(window.history.state, "", url);
}

/**
 * Price, stock, variant picker and "Add to cart" of the product page (issue 12 §2): price and stock follow the
 * chosen variant. On phones (≤ 640 px) a bar fixed to the bottom keeps "Add to cart" in reach while scrolling.
 */
export function ProductBuyBox({ product, variant, onVariantChange }: { product: Product; variant: Variant; onVariantChange: (variant: Variant) => void }) {
  const hasChoice = product.options.length > 0;
  const sellable = { ...product, priceCents: variant.priceCents, stock: variant.stock };
  const variantId = hasChoice ? variant.id : undefined;
  const add = useAddToCart();
  const canAdd = product.status === "active" && variant.stock > 0;
  return (
    <>
      <div className="flex flex-wrap items-center gap-4">
        <Price cents={variant.priceCents} currency={product.currency} className="text-3xl" />
        {variant.compareAtPriceCents !== null && (
          <s className="text-lg text-stone-500" data-testid="compare-at-price">
            <span className="sr-only">Was </span>
            {formatMoney(variant.compareAtPriceCents, product.currency)}
          </s>
        )}
        <StockStatus stock={variant.stock} size="md" />
      </div>
      {hasChoice && (
        <VariantPicker
          product={product}
          variant={variant}
          onChange={(next) => {
            onVariantChange(next);
            writeVariantToUrl(next.id);
          }}
        />
      )}
      {product.status === "archived" && <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-700">This product is no longer sold.</p>}
      {product.status === "active" && <AddToCartForm key={variant.id} product={sellable} variantId={variantId} />}
      {product.status === "active" && (
        <div
          data-testid="sticky-add-to-cart"
          className="fixed inset-x-0 bottom-0 z-30 flex items-center justify-between gap-3 border-t border-stone-200 bg-white/95 px-4 py-3 shadow-lg backdrop-blur sm:hidden"
        >
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-stone-900">{product.name}</p>
            <p className="text-sm text-stone-600">
              {formatMoney(variant.priceCents, product.currency)}
              {hasChoice && ` · ${describeOptionValues(variant.optionValues)}`}
            </p>
          </div>
          <Button type="button" disabled={!canAdd} onClick={() => add(sellable, 1, variantId)}>
            {canAdd ? "Add to cart" : "Out of stock"}
          </Button>
        </div>
      )}
    </>
  );
}
