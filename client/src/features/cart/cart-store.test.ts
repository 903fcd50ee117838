import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_QUANTITY_PER_LINE } from "@shared/cart-limits";
import { CART_STORAGE_KEY, parseStoredCart } from "./cart-store";

const APPLE = "0b6f4a52-8a4c-4d7e-9a51-2f1d3c4b5a60";
const PEAR = "1c7e5b63-9b5d-4e8f-8b62-3e2f4d5c6b71";

/** A browser-ish window: a Map-backed localStorage and a real EventTarget for `storage` events. */
function fakeWindow(initial?: string) {
  const data = new Map<string, string>(initial === undefined ? [] : [[CART_STORAGE_KEY, initial]]);
  const localStorage = {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
  const target = new EventTarget();
  const win = { localStorage, addEventListener: target.addEventListener.bind(target), dispatchEvent: target.dispatchEvent.bind(target) };
  return { win, data };
}

/** The store reads storage when its module loads, so each test imports a fresh copy after stubbing window. */
async function loadStore(initial?: string) {
  const { win, data } = fakeWindow(initial);
  vi.stubGlobal("window", win);
  vi.resetModules();
  const module = await import("./cart-store");
  return { ...module, data, win };
}

function storageEvent(key: string | null, newValue: string | null): Event {
  return Object.assign(new Event("storage"), { key, newValue });
}

describe("parseStoredCart", () => {
  it("when the stored cart is valid, then its lines come back", () => {
    const text = JSON.stringify({
      lines: [
        { productId: APPLE, quantity: 2 },
        { productId: PEAR, quantity: 1 },
      ],
    });
    expect(parseStoredCart(text)).toEqual([
      { productId: APPLE, quantity: 2 },
      { productId: PEAR, quantity: 1 },
    ]);
  });

  it.each([
    ["nothing stored", null],
    ["not JSON", "{lines: ["],
    ["an old shape", JSON.stringify([{ id: APPLE, qty: 2 }])],
    ["a quantity of zero", JSON.stringify({ lines: [{ productId: APPLE, quantity: 0 }] })],
    ["a fractional quantity", JSON.stringify({ lines: [{ productId: APPLE, quantity: 1.5 }] })],
    ["a quantity over the limit", JSON.stringify({ lines: [{ productId: APPLE, quantity: MAX_QUANTITY_PER_LINE + 1 }] })],
    ["a product id that is not a UUID", JSON.stringify({ lines: [{ productId: "apple", quantity: 1 }] })],
    ["prices smuggled in as text", JSON.stringify({ lines: [{ productId: APPLE, quantity: "2" }] })],
  ])("when storage holds %s, then the cart is empty", (_label, text) => {
    expect(parseStoredCart(text)).toEqual([]);
  });

  it("when a product appears twice, then only its first line is kept", () => {
    const text = JSON.stringify({
      lines: [
        { productId: APPLE, quantity: 2 },
        { productId: APPLE, quantity: 5 },
      ],
    });
    expect(parseStoredCart(text)).toEqual([{ productId: APPLE, quantity: 2 }]);
  });
});

describe("cartStore", () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it("when the page loads with a saved cart, then the store starts with it", async () => {
    const { cartStore } = await loadStore(JSON.stringify({ lines: [{ productId: APPLE, quantity: 3 }] }));
    expect(cartStore.getLines()).toEqual([{ productId: APPLE, quantity: 3 }]);
  });

  it("when the saved cart is corrupt, then the store starts empty instead of throwing", async () => {
    const { cartStore } = await loadStore("not json at all");
    expect(cartStore.getLines()).toEqual([]);
  });

  it("when a product is added twice, then its quantity adds up, is capped, and the cart is saved", async () => {
    const { cartStore, data } = await loadStore();
    cartStore.add(APPLE, 2);
    cartStore.add(APPLE, 3);
    expect(cartStore.getLines()).toEqual([{ productId: APPLE, quantity: 5 }]);
    cartStore.add(APPLE, 500);
    expect(cartStore.getLines()).toEqual([{ productId: APPLE, quantity: MAX_QUANTITY_PER_LINE }]);
    expect(JSON.parse(data.get(CART_STORAGE_KEY)!)).toEqual({ lines: [{ productId: APPLE, quantity: MAX_QUANTITY_PER_LINE }] });
  });

  it("when quantities change and lines are removed, then listeners hear each change and an empty cart leaves nothing stored", async () => {
    const { cartStore, data } = await loadStore();
    const heard = vi.fn();
    const unsubscribe = cartStore.subscribe(heard);
    cartStore.add(APPLE);
    cartStore.add(PEAR, 2);
    cartStore.setQuantity(PEAR, 7);
    expect(cartStore.getLines()).toEqual([
      { productId: APPLE, quantity: 1 },
      { productId: PEAR, quantity: 7 },
    ]);
    cartStore.remove(APPLE);
    cartStore.clear();
    expect(heard).toHaveBeenCalledTimes(5);
    expect(cartStore.getLines()).toEqual([]);
    expect(data.has(CART_STORAGE_KEY)).toBe(false);
    unsubscribe();
  });

  it("when another tab saves the cart, then this tab adopts it and tells its listeners", async () => {
    const { cartStore, win } = await loadStore();
    const heard = vi.fn();
    cartStore.subscribe(heard);
    win.dispatchEvent(storageEvent(CART_STORAGE_KEY, JSON.stringify({ lines: [{ productId: PEAR, quantity: 4 }] })));
    expect(cartStore.getLines()).toEqual([{ productId: PEAR, quantity: 4 }]);
    expect(heard).toHaveBeenCalledTimes(1);
    win.dispatchEvent(storageEvent(null, null)); // localStorage.clear() in another tab
    expect(cartStore.getLines()).toEqual([]);
  });
});
