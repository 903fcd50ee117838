import { useId, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { productSorts, type ProductSort } from "@shared/contracts/catalog";
import { Button, buttonClasses } from "@client/components/ui/button";
import { centsToDollars, dollarsToCents } from "@client/lib/format";
import { useSectorBrands } from "../api/brands";
import type { ProductFilters } from "../api/products";
import { useSectors } from "../api/sectors";
import { defaultSort, sortLabels } from "../search-params";

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

/**
 * Search filters. Selects and the checkbox apply at once; typed fields (words, prices) apply on
 * "Apply filters" or Enter, so each keystroke does not fire a request.
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

  const sectors = useSectors();
  const brands = useSectorBrands(draft.sector || undefined);

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

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(draft);
  }

  const brandOptions = brands.data?.data ?? [];
  // A brand from a shared link may not be in the loaded list yet: keep it selectable.
  const brandMissing = draft.brand && !brandOptions.some((b) => b.slug === draft.brand);
  const hasWords = Boolean(draft.q.trim());
  const sortOptions = productSorts.filter((s) => s !== "relevance" || hasWords);
  const shownSort = draft.sort === "relevance" && !hasWords ? "newest" : (draft.sort ?? defaultSort({ q: hasWords ? draft.q : undefined }));

  return (
    <form onSubmit={submit} aria-label="Filter products" className="space-y-5" noValidate>
      <div>
        <label htmlFor={`${id}-q`} className={labelClasses}>Keywords</label>
        <input
          id={`${id}-q`}
          type="search"
          value={draft.q}
          maxLength={100}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          placeholder="e.g. apple"
          className={fieldClasses}
        />
      </div>

      <div>
        <label htmlFor={`${id}-sector`} className={labelClasses}>Sector</label>
        <select
          id={`${id}-sector`}
          value={draft.sector}
          onChange={(e) => apply({ ...draft, sector: e.target.value, brand: "" })}
          className={fieldClasses}
        >
          <option value="">All sectors</option>
          {sectors.data?.map((sector) => (
            <option key={sector.id} value={sector.slug}>{sector.name}</option>
          ))}
          {draft.sector && !sectors.data?.some((s) => s.slug === draft.sector) && <option value={draft.sector}>{draft.sector}</option>}
        </select>
      </div>

      <div>
        <label htmlFor={`${id}-brand`} className={labelClasses}>Brand</label>
        <select
          id={`${id}-brand`}
          value={draft.brand}
          disabled={!draft.sector && !draft.brand}
          aria-describedby={!draft.sector ? `${id}-brand-hint` : undefined}
          onChange={(e) => apply({ ...draft, brand: e.target.value })}
          className={fieldClasses}
        >
          <option value="">All brands</option>
          {brandOptions.map((brand) => (
            <option key={brand.id} value={brand.slug}>{brand.name}</option>
          ))}
          {brandMissing && <option value={draft.brand}>{draft.brand}</option>}
        </select>
        {!draft.sector && (
          <p id={`${id}-brand-hint`} className="mt-1 text-xs text-stone-600">Choose a sector to pick one of its brands.</p>
        )}
      </div>

      <fieldset>
        <legend className={labelClasses}>Price (USD)</legend>
        <div className="mt-1.5 grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={`${id}-min`} className="text-xs text-stone-700">Min price</label>
            <input
              id={`${id}-min`}
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              value={draft.minDollars}
              onChange={(e) => setDraft({ ...draft, minDollars: e.target.value })}
              placeholder="0"
              aria-invalid={error?.includes("minimum") || undefined}
              className={`${fieldClasses} mt-1`}
            />
          </div>
          <div>
            <label htmlFor={`${id}-max`} className="text-xs text-stone-700">Max price</label>
            <input
              id={`${id}-max`}
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              value={draft.maxDollars}
              onChange={(e) => setDraft({ ...draft, maxDollars: e.target.value })}
              placeholder="Any"
              aria-invalid={error?.includes("maximum") || undefined}
              className={`${fieldClasses} mt-1`}
            />
          </div>
        </div>
      </fieldset>

      <div className="flex items-center gap-2.5">
        <input
          id={`${id}-stock`}
          type="checkbox"
          checked={draft.inStock}
          onChange={(e) => apply({ ...draft, inStock: e.target.checked })}
          className="size-4 rounded border-stone-400 accent-brand-700"
        />
        <label htmlFor={`${id}-stock`} className="text-sm font-medium text-stone-800">In stock only</label>
      </div>

      <div>
        <label htmlFor={`${id}-sort`} className={labelClasses}>Sort by</label>
        <select id={`${id}-sort`} value={shownSort} onChange={(e) => apply({ ...draft, sort: e.target.value as ProductSort })} className={fieldClasses}>
          {sortOptions.map((sort) => (
            <option key={sort} value={sort}>{sortLabels[sort]}</option>
          ))}
        </select>
      </div>

      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>
      )}

      <div className="flex flex-wrap gap-2 pt-1">
        <Button type="submit" className="flex-1">Apply filters</Button>
        <Link href="/search" className={buttonClasses({ variant: "ghost" })}>Reset</Link>
      </div>
    </form>
  );
}
