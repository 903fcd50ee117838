import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { productSorts, type ProductSort } from "@shared/contracts/catalog";
import { buttonClasses } from "@client/components/ui/button";
import { centsToDollars, dollarsToCents } from "@client/lib/format";
import { useProductFacets, type ProductFilters } from "../api/products";
import { defaultSort, sortLabels } from "../search-params";
import { ProductFacets, selectedBucket } from "./product-facets";

/** What the form holds while the shopper types: prices as the dollars they see. */
interface Draft {
  q: string;
  sector: string;
  brand: string;
  minDollars: string;
  maxDollars: string;
  inStock: boolean;
  /** undefined: the list's default (best match with words, newest without). */
  sort: ProductSort | undefined;
}

const toDraft = (filters: ProductFilters): Draft => ({
  q: filters.q ?? "",
  sector: filters.sector ?? "",
  brand: filters.brand ?? "",
  minDollars: centsToDollars(filters.minPrice),
  maxDollars: centsToDollars(filters.maxPrice),
  inStock: filters.inStock ?? false,
  sort: filters.sort,
});

type DraftResult = { filters: ProductFilters; error?: undefined } | { filters?: undefined; error: string };

function fromDraft(draft: Draft): DraftResult {
  const minPrice = dollarsToCents(draft.minDollars);
  const maxPrice = dollarsToCents(draft.maxDollars);
  if (draft.minDollars.trim() && minPrice === undefined) return { error: "Enter the minimum price as a number of dollars, like 5 or 4.99." };
  if (draft.maxDollars.trim() && maxPrice === undefined) return { error: "Enter the maximum price as a number of dollars, like 20 or 19.99." };
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) return { error: "The minimum price must not be more than the maximum." };
  const q = draft.q.trim() || undefined;
  return {
    filters: {
      q,
      sector: draft.sector || undefined,
      brand: draft.brand || undefined,
      minPrice,
      maxPrice,
      inStock: draft.inStock || undefined,
      // "Best match" needs words to match; without them the list falls back to its default.
      sort: draft.sort === "relevance" && !q ? undefined : draft.sort,
    },
  };
}

const fieldClasses =
  "mt-1.5 block h-10 w-full rounded-lg border border-stone-300 bg-white px-3 text-sm text-stone-900 shadow-sm focus:border-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600/40 disabled:bg-stone-100 disabled:text-stone-500";
const labelClasses = "block text-sm font-medium text-stone-800";

interface ProductFiltersFormProps {
  /** The filters currently applied (from the URL). */
  filters: ProductFilters;
  /** A stable text of `filters` (the query string): when it changes, the form resets to it. */
  filtersKey: string;
  onApply: (filters: ProductFilters) => void;
}

/** A typed field (words, a custom price) applies once the shopper pauses this long, or at once on Enter. */
const TYPING_PAUSE_MS = 600;

/**
 * Search filters, all applied at once, with no "Apply" button (issue 13 walkthrough): the facets (sector, brand,
 * price range, in stock: checkable, with counts) and the sort on change; typed fields (words, a custom price
 * range) after a pause in typing or on Enter, so each keystroke does not fire a request.
 */
export function ProductFiltersForm({ filters, filtersKey, onApply }: ProductFiltersFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(filters));
  const [error, setError] = useState<string>();
  // Back/forward or the header search changed the URL: show what is applied now.
  const [syncedKey, setSyncedKey] = useState(filtersKey);
  if (syncedKey !== filtersKey) {
    setSyncedKey(filtersKey);
    setDraft(toDraft(filters));
    setError(undefined);
  }

  // The same query as the results below (facets ride on its first page).
  const facets = useProductFacets(filters);

  function apply(next: Draft) {
    setDraft(next);
    const result = fromDraft(next);
    if (result.error !== undefined) {
      setError(result.error);
      return;
    }
    setError(undefined);
    onApply(result.filters);
  }

  // Typing schedules an apply of the latest draft; another keystroke before the pause restarts the wait.
  const latestDraft = useRef(draft);
  latestDraft.current = draft;
  const [typedAt, setTypedAt] = useState(0);
  useEffect(() => {
    if (typedAt === 0) return;
    const timer = setTimeout(() => apply(latestDraft.current), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // apply is recreated each render; only a new keystroke should restart the timer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typedAt]);
  const typed = (next: Draft) => {
    setDraft(next);
    setTypedAt(Date.now());
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTypedAt(0);
    apply(draft);
  }

  const hasWords = Boolean(draft.q.trim());
  const sortOptions = productSorts.filter((s) => s !== "relevance" || hasWords);
  const shownSort = draft.sort === "relevance" && !hasWords ? "newest" : (draft.sort ?? defaultSort({ q: hasWords ? draft.q : undefined }));

  const customPrice = (
    <div className="mt-3">
      <p className="text-xs font-medium text-stone-700">Or a custom range (USD)</p>
      <div className="mt-1 grid grid-cols-2 gap-3">
        <div>
          <label htmlFor={`${id}-min`} className="text-xs text-stone-700">
            Min price
          </label>
          <input
            id={`${id}-min`}
            type="number"
            inputMode="decimal"
            min={0}
            step="0.01"
            value={draft.minDollars}
            onChange={(e) => typed({ ...draft, minDollars: e.target.value })}
            placeholder="0"
            aria-invalid={error?.includes("minimum") || undefined}
            className={`${fieldClasses} mt-1`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-max`} className="text-xs text-stone-700">
            Max price
          </label>
          <input
            id={`${id}-max`}
            type="number"
            inputMode="decimal"
            min={0}
            step="0.01"
            value={draft.maxDollars}
            onChange={(e) => typed({ ...draft, maxDollars: e.target.value })}
            placeholder="Any"
            aria-invalid={error?.includes("maximum") || undefined}
            className={`${fieldClasses} mt-1`}
          />
        </div>
      </div>
    </div>
  );

  return (
    <form
      onSubmit={submit}
      // Enter in a typed field applies at once (a form with several fields and no submit button has no implicit submission).
      onKeyDown={(event) => {
        if (event.key === "Enter" && event.target instanceof HTMLInputElement) event.currentTarget.requestSubmit();
      }}
      aria-label="Filter products"
      className="space-y-5"
      noValidate
    >
      <div>
        <label htmlFor={`${id}-q`} className={labelClasses}>
          Keywords
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={draft.q}
          maxLength={100}
          onChange={(e) => typed({ ...draft, q: e.target.value })}
          placeholder="e.g. apple"
          className={fieldClasses}
        />
      </div>

      <div>
        <label htmlFor={`${id}-sort`} className={labelClasses}>
          Sort by
        </label>
        <select id={`${id}-sort`} value={shownSort} onChange={(e) => apply({ ...draft, sort: e.target.value as ProductSort })} className={fieldClasses}>
          {sortOptions.map((sort) => (
            <option key={sort} value={sort}>
              {sortLabels[sort]}
            </option>
          ))}
        </select>
      </div>

      <ProductFacets
        facets={facets.data}
        busy={facets.isPlaceholderData}
        failed={facets.isError && !facets.data}
        selection={{
          sector: filters.sector ?? "",
          brand: filters.brand ?? "",
          price: selectedBucket(filters.minPrice, filters.maxPrice),
          inStock: filters.inStock ?? false,
        }}
        onSector={(sector) => apply({ ...draft, sector, brand: "" })}
        onBrand={(brand) => apply({ ...draft, brand })}
        onPrice={(range) =>
          apply({
            ...draft,
            minDollars: range === "any" || !range.minCents ? "" : centsToDollars(range.minCents),
            maxDollars: range === "any" ? "" : centsToDollars(range.maxCents),
          })
        }
        onInStock={(inStock) => apply({ ...draft, inStock })}
        priceExtra={customPrice}
      />

      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}

      <div className="flex flex-wrap gap-2 pt-1">
        <Link href="/search" className={buttonClasses({ variant: "ghost" })}>
          Reset all filters
        </Link>
      </div>
    </form>
  );
}
