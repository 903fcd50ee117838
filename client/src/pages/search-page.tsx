import { useState } from "react";
import { useProductFacets } from "@client/features/catalog/api/products";
import { ActiveFilters } from "@client/features/catalog/components/active-filters";
import { ProductFiltersForm } from "@client/features/catalog/components/product-filters";
import { ProductResults } from "@client/features/catalog/components/product-results";
import { productSearchFilters } from "@client/features/catalog/search-params";
import { filtersHref, useUrlFilters } from "@client/lib/url-filters";

/**
 * All filters live in the URL: a reload, the back button or a shared link shows the same results. Push, not
 * replace: each applied search (a facet, a pause in typing, a removed chip) is a result page of its own that Back
 * should return to, as on any shop's search.
 */
export default function SearchPage() {
  const [filters, apply] = useUrlFilters(productSearchFilters, { history: "push" });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeCount = [filters.sector, filters.brand, filters.minPrice, filters.maxPrice, filters.inStock].filter((v) => v !== undefined).length;
  // The same query as the results (facets ride on its first page): names for the active-filter chips.
  const facets = useProductFacets(filters);
  const title = filters.q ? `Results for “${filters.q}”` : "All products";

  return (
    <>
      <title>{`${title} · FruitfulPlanet`}</title>
      <div className="mb-8">
        <h1 className="text-3xl font-bold tracking-tight text-stone-900">{title}</h1>
        <p className="mt-1 text-stone-600">Narrow things down with the filters, then load as many pages as you like.</p>
      </div>
      <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
        <aside aria-labelledby="filters-title" className="h-fit rounded-2xl border border-stone-200 bg-white p-5 shadow-sm lg:sticky lg:top-36">
          <div className="flex items-center justify-between gap-3">
            <h2 id="filters-title" className="text-base font-semibold text-stone-900">
              Filters
              {activeCount > 0 && <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-900">{activeCount} active</span>}
            </h2>
            {/* Small screens fold the filters away so results come first. */}
            <button
              type="button"
              aria-expanded={filtersOpen}
              aria-controls="search-filters"
              onClick={() => setFiltersOpen((open) => !open)}
              className="rounded-lg px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50 lg:hidden"
            >
              {filtersOpen ? "Hide" : "Show"}
            </button>
          </div>
          <div id="search-filters" className={`mt-4 ${filtersOpen ? "block" : "hidden lg:block"}`}>
            <ProductFiltersForm filters={filters} filtersKey={filtersHref(productSearchFilters, filters)} onApply={apply} />
          </div>
        </aside>
        <section aria-label="Search results">
          <ActiveFilters filters={filters} facets={facets.data} onApply={apply} />
          <ProductResults filters={filters} resetHref="/search" withFacets didYouMeanHref={(q) => filtersHref(productSearchFilters, { ...filters, q })} />
        </section>
      </div>
    </>
  );
}
