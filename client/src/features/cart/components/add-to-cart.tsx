import { useId, useState } from "react";
import type { Product } from "@shared/contracts/catalog";
import { Button } from "@client/components/ui/button";
import { useToast } from "@client/components/ui/toast";
import { pluralize } from "@client/lib/format";
import { MAX_CART_LINES, MAX_QUANTITY_PER_LINE } from "@shared/cart-limits";
import { cartStore, useCartQuantity } from "../cart-store";
import { rememberShownPrice } from "../price-memory";
import { QuantityStepper } from "./quantity-stepper";

type CartProduct = Pick<Product, "id" | "name" | "priceCents" | "stock" | "status" | "variants">;

/** How many more units this shopper may add: what is in stock and under the per-line limit, minus what the cart holds. */
const addableQuantity = (product: CartProduct, inCart: number) => Math.max(0, Math.min(product.stock, MAX_QUANTITY_PER_LINE) - inCart);

/** Adds to the cart with a toast; `variantId` names the chosen variant of a product with options. */
export function useAddToCart() {
  const { toast } = useToast();
  return (product: CartProduct, quantity: number, variantId?: string) => {
    if (!cartStore.add(product.id, quantity, variantId)) {
      toast({
        title: "Your cart is full",
        description: `A cart holds at most ${MAX_CART_LINES} different products.`,
        tone: "error",
        action: { label: "View cart", href: "/cart" },
      });
      return;
    }
    // The price on screen is the chosen variant's (a product with one variant is added without naming it).
    const priced = variantId ?? (product.variants.length === 1 ? product.variants[0]!.id : undefined);
    if (priced) rememberShownPrice(priced, product.priceCents);
    toast({ title: "Added to cart", description: `${quantity} × ${product.name}`, tone: "success", action: { label: "View cart", href: "/cart" } });
  };
}

/** The product page's control: a quantity and "Add to cart"; disabled (with the reason) when it cannot be bought. */
export function AddToCartForm({ product, variantId }: { product: CartProduct; variantId?: string }) {
  const inCart = useCartQuantity(product.id, variantId);
  const addable = addableQuantity(product, inCart);
  const [quantity, setQuantity] = useState(1);
  const add = useAddToCart();
  const noteId = useId();
  const chosen = Math.min(quantity, Math.max(1, addable));

  let note: string | undefined;
  if (product.status === "archived") note = "This product is no longer sold.";
  else if (product.stock <= 0) note = "Out of stock right now.";
  else if (addable === 0) note = `Your cart already holds ${inCart === product.stock ? "every unit in stock" : `the most you can order (${inCart})`}.`;
  else if (inCart > 0) note = `${pluralize(inCart, "unit")} already in your cart.`;
  const unavailable = product.status === "archived" || product.stock <= 0;
  const disabled = unavailable || addable === 0;

  return (
    <form
      aria-label="Add to cart"
      onSubmit={(e) => {
        e.preventDefault();
        if (disabled) return;
        add(product, chosen, variantId);
        setQuantity(1);
      }}
      className="flex flex-wrap items-center gap-3"
    >
      {!unavailable && (
        <QuantityStepper value={chosen} max={Math.max(1, addable)} onChange={setQuantity} label={`Quantity of ${product.name}`} disabled={disabled} />
      )}
      <Button type="submit" size="lg" disabled={disabled} aria-describedby={note ? noteId : undefined} className="min-w-44">
        {unavailable ? "Out of stock" : "Add to cart"}
      </Button>
      {note && (
        <p id={noteId} className="w-full text-sm text-stone-600">
          {note}
        </p>
      )}
    </form>
  );
}

/** The product card's one-click "Add to cart" (one unit); sits above the card's stretched link. */
export function AddToCartButton({ product }: { product: CartProduct }) {
  const inCart = useCartQuantity(product.id);
  const add = useAddToCart();
  const soldOut = product.status === "archived" || product.stock <= 0;
  const disabled = soldOut || addableQuantity(product, inCart) === 0;
  return (
    <Button variant="secondary" size="sm" disabled={disabled} onClick={() => add(product, 1)} className="relative z-10 w-full">
      {soldOut ? "Out of stock" : "Add to cart"}
      <span className="sr-only">: {product.name}</span>
    </Button>
  );
}
