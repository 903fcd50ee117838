import { useSyncExternalStore } from "react";
import { MAX_CART_LINES, MAX_QUANTITY_PER_LINE } from "@shared/cart-limits";

/**
 * The cart: which products and how many, nothing else. Names, prices and stock are server data and come from
 * the quote (TanStack Query), so a cart saved last week never shows last week's prices.
 * Persisted in localStorage (versioned key) and kept in step across tabs through the `storage` event.
 */
export interface CartLine {
  productId: string;
  /** The variant chosen on the product page (issue 12); absent for products with one variant. */
  variantId?: string;
  quantity: number;
}

/** Lines are one per product and variant. */
const sameLine = (line: CartLine, productId: string, variantId: string | undefined) => line.productId === productId && line.variantId === variantId;
const lineKey = (line: CartLine) => `${line.productId}/${line.variantId ?? ""}`;

export const CART_STORAGE_KEY = "fp.cart.v1";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A hand-written check, not a zod schema: this module is in the storefront entry (the header badge), and even
// zod/mini would put zod's core (~15 KB gzipped) on every page's first load.
const isCartLine = (v: unknown): v is CartLine => {
  if (typeof v !== "object" || v === null) return false;
  const { productId, variantId, quantity } = v as Record<string, unknown>;
  return (
    typeof productId === "string" &&
    uuidPattern.test(productId) &&
    (variantId === undefined || (typeof variantId === "string" && uuidPattern.test(variantId))) &&
    typeof quantity === "number" &&
    Number.isInteger(quantity) &&
    quantity >= 1 &&
    quantity <= MAX_QUANTITY_PER_LINE
  );
};
const readStoredLines = (raw: unknown): CartLine[] | undefined => {
  const lines = typeof raw === "object" && raw !== null ? (raw as { lines?: unknown }).lines : undefined;
  return Array.isArray(lines) && lines.every(isCartLine)
    ? lines.map(({ productId, variantId, quantity }) => ({ productId, ...(variantId ? { variantId } : {}), quantity }))
    : undefined;
};

const EMPTY: readonly CartLine[] = Object.freeze([]);

/** Stored text → lines. Anything unreadable (corrupt JSON, an old shape, hand edits) is an empty cart, never a crash. */
export function parseStoredCart(text: string | null): readonly CartLine[] {
  if (!text) return EMPTY;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return EMPTY;
  }
  const stored = readStoredLines(raw);
  if (!stored) return EMPTY;
  // One line per product and variant (the API refuses duplicates), at most MAX_CART_LINES of them.
  const seen = new Set<string>();
  const lines = stored.filter((line) => !seen.has(lineKey(line)) && seen.add(lineKey(line)));
  return lines.length === 0 ? EMPTY : lines.slice(0, MAX_CART_LINES);
}

function storage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined; // storage disabled (some private modes): the cart still works for this page view
  }
}

let lines: readonly CartLine[] = parseStoredCart(storage()?.getItem(CART_STORAGE_KEY) ?? null);
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function commit(next: readonly CartLine[]): void {
  lines = next.length === 0 ? EMPTY : next;
  try {
    if (lines.length === 0) storage()?.removeItem(CART_STORAGE_KEY);
    else storage()?.setItem(CART_STORAGE_KEY, JSON.stringify({ lines }));
  } catch {
    // Quota or privacy mode: keep the in-memory cart rather than failing the click.
  }
  emit();
}

if (typeof window !== "undefined") {
  // Another tab changed the cart (or cleared storage): adopt its version.
  window.addEventListener("storage", (event) => {
    if (event.key !== CART_STORAGE_KEY && event.key !== null) return;
    lines = parseStoredCart(event.key === null ? null : event.newValue);
    emit();
  });
}

const clampQuantity = (quantity: number) => Math.min(MAX_QUANTITY_PER_LINE, Math.max(1, Math.floor(quantity)));

export const cartStore = {
  getLines: (): readonly CartLine[] => lines,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Adds to the line's quantity (capped at the per-line limit). Returns false when the cart already has the maximum number of lines. */
  add(productId: string, quantity = 1, variantId?: string): boolean {
    const existing = lines.find((line) => sameLine(line, productId, variantId));
    const made = (q: number): CartLine => ({ productId, ...(variantId ? { variantId } : {}), quantity: q });
    if (existing) {
      commit(lines.map((line) => (line === existing ? made(clampQuantity(line.quantity + quantity)) : line)));
      return true;
    }
    if (lines.length >= MAX_CART_LINES) return false;
    commit([...lines, made(clampQuantity(quantity))]);
    return true;
  },
  setQuantity(productId: string, quantity: number, variantId?: string): void {
    if (!lines.some((line) => sameLine(line, productId, variantId))) return;
    commit(lines.map((line) => (sameLine(line, productId, variantId) ? { ...line, quantity: clampQuantity(quantity) } : line)));
  },
  remove(productId: string, variantId?: string): void {
    commit(lines.filter((line) => !sameLine(line, productId, variantId)));
  },
  clear(): void {
    commit(EMPTY);
  },
};

const countOf = (cart: readonly CartLine[]) => cart.reduce((sum, line) => sum + line.quantity, 0);

/** The cart's lines; re-renders when they change (here or in another tab). */
export const useCartLines = (): readonly CartLine[] => useSyncExternalStore(cartStore.subscribe, cartStore.getLines, cartStore.getLines);

/** Total units in the cart, for the header badge. */
export const useCartCount = (): number =>
  useSyncExternalStore(
    cartStore.subscribe,
    () => countOf(lines),
    () => countOf(lines),
  );

/** How many units of one product (or one of its variants) are already in the cart. */
export const useCartQuantity = (productId: string, variantId?: string): number =>
  useSyncExternalStore(
    cartStore.subscribe,
    () => lines.find((line) => sameLine(line, productId, variantId))?.quantity ?? 0,
    () => 0,
  );
