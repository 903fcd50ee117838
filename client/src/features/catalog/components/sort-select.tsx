import { useId } from "react";
import { useLocation, useSearch } from "wouter";
import { productSorts, type ProductSort } from "@shared/contracts/catalog";
import { sortLabels } from "../search-params";

/** Sorts that make sense without search words ("best match" needs them). */
const listSorts = productSorts.filter((sort): sort is Exclude<ProductSort, "relevance"> => sort !== "relevance");
type ListSort = (typeof listSorts)[number];
const DEFAULT_SORT: ListSort = "newest";

/**
 * A sector or brand page's sort, in the URL (`?sort=price`) so a reload or a shared link keeps it; replace, not
 * push: re-sorting the same page is not a new page for Back. An unknown value reads as the default.
 */
export function useListSort(): [ListSort, (sort: ListSort) => void] {
  const [location, navigate] = useLocation();
  const value = new URLSearchParams(useSearch()).get("sort");
  const sort = listSorts.find((s) => s === value) ?? DEFAULT_SORT;
  const setSort = (next: ListSort) => navigate(next === DEFAULT_SORT ? location : `${location}?sort=${next}`, { replace: true });
  return [sort, setSort];
}

export function SortSelect({ value, onChange }: { value: ListSort; onChange: (sort: ListSort) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-stone-700">
        Sort by
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value as ListSort)}
        className="h-9 rounded-lg border border-stone-300 bg-white px-2 text-sm text-stone-900 shadow-sm focus:border-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600/40"
      >
        {listSorts.map((sort) => (
          <option key={sort} value={sort}>
            {sortLabels[sort]}
          </option>
        ))}
      </select>
    </div>
  );
}
