import { useId, useState, type FormEvent } from "react";
import { stockAdjust, type Product } from "@shared/contracts/catalog";
import { Button } from "@client/components/ui/button";
import { isApiError } from "@client/lib/api";
import { formatCount } from "@client/lib/format";
import { useAdjustStock } from "../api/products";

/** A refused change in words: 409 out_of_stock carries the lowest allowed delta ("Must be at least -3"). */
function stockErrorMessage(error: unknown, delta: number): string {
  if (isApiError(error) && error.code === "out_of_stock") {
    const floor = /(-?\d+)/.exec(error.details.find((d) => d.path === "delta")?.message ?? "");
    const onHand = floor ? -Number(floor[1]) : undefined;
    return onHand !== undefined ? `Only ${formatCount(onHand)} in stock: can't remove ${formatCount(-delta)}.` : "Not enough stock for that change.";
  }
  return error instanceof Error ? error.message : "The stock could not be changed.";
}

const stepButton =
  "inline-flex size-8 items-center justify-center rounded-lg border border-stone-300 bg-white text-base font-semibold text-stone-800 shadow-sm hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50";

/**
 * Inline stock change for one product row: − / + change it by one at once, the box adds or removes any
 * number (Enter or "Apply"). The row shows the new stock immediately; a refusal rolls it back and says why.
 */
export function StockAdjuster({ product }: { product: Product }) {
  const id = useId();
  const adjust = useAdjustStock(product.id);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState("");

  async function change(delta: number) {
    setError(undefined);
    try {
      const updated = await adjust.mutateAsync({ product, delta });
      setAnnouncement(`Stock of ${updated.name} is now ${formatCount(updated.stock)}.`);
      return true;
    } catch (failure) {
      setError(stockErrorMessage(failure, delta));
      return false;
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = draft.trim().replace(/^\+/, "");
    const parsed = stockAdjust.safeParse({ delta: /^-?\d+$/.test(text) ? Number(text) : Number.NaN });
    if (!parsed.success) {
      setError(text === "" || text === "0" ? "Enter how many to add (like 12) or remove (like -3)." : "Enter a whole number, like 12 or -3.");
      return;
    }
    if (await change(parsed.data.delta)) setDraft("");
  }

  return (
    <div role="group" aria-label={`Stock of ${product.name}`} className="min-w-52">
      <form onSubmit={(e) => void submit(e)} noValidate className="flex items-center gap-1.5">
        <button
          type="button"
          className={stepButton}
          onClick={() => void change(-1)}
          disabled={product.stock <= 0}
          aria-label={`Remove 1 from the stock of ${product.name}`}
        >
          <span aria-hidden="true">−</span>
        </button>
        <span
          className={`w-12 text-center text-sm font-semibold tabular-nums ${product.stock <= 0 ? "text-red-700" : "text-stone-900"}`}
          data-testid="stock-value"
        >
          {formatCount(product.stock)}
        </span>
        <button type="button" className={stepButton} onClick={() => void change(1)} aria-label={`Add 1 to the stock of ${product.name}`}>
          <span aria-hidden="true">+</span>
        </button>
        <label htmlFor={`${id}-delta`} className="sr-only">
          Change the stock of {product.name} by
        </label>
        <input
          id={`${id}-delta`}
          type="text"
          inputMode="numeric"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="±"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="ml-1 h-8 w-14 rounded-lg border border-stone-300 bg-white px-2 text-sm tabular-nums text-stone-900 shadow-sm placeholder:text-stone-500 focus:border-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600/40"
        />
        <button
          type="submit"
          className="h-8 rounded-lg px-2 text-sm font-medium text-brand-800 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Apply<span className="sr-only"> stock change to {product.name}</span>
        </button>
      </form>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1.5 max-w-64 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </div>
  );
}

/**
 * The stock cell of a product row. A product with one variant gets the inline adjuster. With several, a
 * product-level change is refused (409, ADR 050: which size?), so the cell shows the total and opens the product
 * form, whose variant table edits each variant's stock (ADR 067) — never a control that can only fail.
 */
export function ProductStockCell({ product, onEditVariants }: { product: Product; onEditVariants: () => void }) {
  if (product.variants.length <= 1) return <StockAdjuster product={product} />;
  return (
    <div className="flex min-w-52 flex-wrap items-center gap-x-2 gap-y-1">
      <span className={`text-sm font-semibold tabular-nums ${product.stock <= 0 ? "text-red-700" : "text-stone-900"}`} data-testid="stock-value">
        {formatCount(product.stock)}
      </span>
      <span className="text-xs text-stone-600">in {formatCount(product.variants.length)} variants</span>
      <Button variant="secondary" size="sm" onClick={onEditVariants}>
        Edit stock per variant<span className="sr-only"> of {product.name}</span>
      </Button>
    </div>
  );
}
