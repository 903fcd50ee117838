import { X } from "lucide-react";
import type { Facets } from "@shared/contracts/catalog";
import type { ProductFilters } from "../api/products";
import { priceRangeLabel } from "./product-facets";

interface Chip {
  key: string;
  label: string;
  without: ProductFilters;
}

/** One removable chip per applied filter; names come from the facets (the URL holds slugs). */
function chipsOf(filters: ProductFilters, facets: Facets | undefined): Chip[] {
  const chips: Chip[] = [];
  const nameOf = (list: { slug: string; name: string }[] | undefined, slug: string) => list?.find((item) => item.slug === slug)?.name ?? slug;
  if (filters.q)
    chips.push({ key: "q", label: `“${filters.q}”`, without: { ...filters, q: undefined, sort: filters.sort === "relevance" ? undefined : filters.sort } });
  if (filters.sector)
    chips.push({ key: "sector", label: nameOf(facets?.sectors, filters.sector), without: { ...filters, sector: undefined, brand: undefined } });
  if (filters.brand) chips.push({ key: "brand", label: nameOf(facets?.brands, filters.brand), without: { ...filters, brand: undefined } });
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined) {
    chips.push({
      key: "price",
      label: priceRangeLabel({ minCents: filters.minPrice, maxCents: filters.maxPrice }),
      without: { ...filters, minPrice: undefined, maxPrice: undefined },
    });
  }
  if (filters.inStock) chips.push({ key: "inStock", label: "In stock", without: { ...filters, inStock: undefined } });
  return chips;
}

interface ActiveFiltersProps {
  filters: ProductFilters;
  facets: Facets | undefined;
  onApply: (filters: ProductFilters) => void;
}

/** What the results are filtered by, above them: each chip removes its filter at once (issue 13 walkthrough). */
export function ActiveFilters({ filters, facets, onApply }: ActiveFiltersProps) {
  const chips = chipsOf(filters, facets);
  if (chips.length === 0) return null;
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2">
      <h2 className="sr-only">Active filters</h2>
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              onClick={() => onApply(chip.without)}
              className="inline-flex items-center gap-1.5 rounded-full border border-brand-200 bg-brand-50 py-1 pl-3 pr-2 text-sm font-medium text-brand-900 hover:border-brand-400"
            >
              {chip.label}
              <X aria-hidden="true" className="size-3.5" />
              <span className="sr-only">: remove this filter</span>
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button
          type="button"
          onClick={() => onApply({ sort: filters.sort === "relevance" ? undefined : filters.sort })}
          className="text-sm font-semibold text-brand-800 hover:underline"
        >
          Clear all
        </button>
      )}
    </div>
  );
}
