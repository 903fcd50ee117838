import { useCallback, useId } from "react";
import { productSorts, type ProductSort } from "@shared/contracts/catalog";
import { labelClasses } from "@client/components/ui/field-styles";
import { SearchBox } from "@client/components/ui/search-box";
import { Select } from "@client/components/ui/select";
import { useBrandChoices } from "../api/brands";
import type { AdminProductFilters } from "../api/keys";
import { useAdminSectors } from "../api/sectors";
import { defaultAdminSort } from "../search-params";
import { BrandSelectField } from "./brand-select-field";
import { sectorFilterOptions } from "./list-parts";

export const adminSortLabels: Record<ProductSort, string> = {
  relevance: "Best match",
  newest: "Newest first",
  price: "Price: low to high",
  "-price": "Price: high to low",
  name: "Name: A to Z",
};

const statusOptions = [
  { value: "active", label: "Active" },
  { value: "archived", label: "Archived" },
];

interface ProductFiltersBarProps {
  /** The filters in the URL. */
  filters: AdminProductFilters;
  onChange: (filters: AdminProductFilters) => void;
}

/** The product table's filters: words (after a pause), sector, brand, status, in stock and sort; all in the URL. */
export function ProductFiltersBar({ filters, onChange }: ProductFiltersBarProps) {
  const id = useId();
  const sectors = useAdminSectors();
  const brands = useBrandChoices();
  const search = useCallback(
    (q: string | undefined) => onChange({ ...filters, q, sort: filters.sort === "relevance" && !q ? undefined : filters.sort }),
    [filters, onChange],
  );
  const brandList = (brands.data ?? []).filter((b) => !filters.sector || b.sector.slug === filters.sector);
  const sortOptions = productSorts.filter((s) => s !== "relevance" || filters.q).map((s) => ({ value: s, label: adminSortLabels[s] }));

  return (
    <form
      role="search"
      aria-label="Filter products"
      onSubmit={(e) => e.preventDefault()}
      className="grid grid-cols-2 gap-x-3 gap-y-4 lg:grid-cols-3 xl:grid-cols-[minmax(14rem,1.4fr)_repeat(4,minmax(9rem,1fr))_auto] xl:gap-x-4"
    >
      <SearchBox label="Search products" value={filters.q} onSearch={search} placeholder="Name or brand" className="col-span-2 lg:col-span-1" />
      <div>
        <label htmlFor={`${id}-sector`} className={labelClasses}>
          Sector
        </label>
        <Select
          id={`${id}-sector`}
          value={filters.sector ?? ""}
          onChange={(e) => {
            const sector = e.target.value || undefined;
            // A brand of another sector would match nothing: drop it.
            const keepBrand = filters.brand && (!sector || brands.data?.some((b) => b.slug === filters.brand && b.sector.slug === sector));
            onChange({ ...filters, sector, brand: keepBrand ? filters.brand : undefined });
          }}
          placeholderOption="All sectors"
          options={sectorFilterOptions(sectors.data, filters.sector)}
          className="mt-1.5"
        />
      </div>
      <BrandSelectField
        label="Brand"
        brands={
          filters.brand && !brandList.some((b) => b.slug === filters.brand)
            ? [...brandList, ...(brands.data ?? []).filter((b) => b.slug === filters.brand)]
            : brandList
        }
        valueKey="slug"
        placeholderOption={brands.isPending ? "Loading brands…" : "All brands"}
        value={filters.brand ?? ""}
        onChange={(e) => onChange({ ...filters, brand: e.target.value || undefined })}
      />
      <div>
        <label htmlFor={`${id}-status`} className={labelClasses}>
          Status
        </label>
        <Select
          id={`${id}-status`}
          value={filters.status ?? ""}
          onChange={(e) => onChange({ ...filters, status: (e.target.value || undefined) as AdminProductFilters["status"] })}
          placeholderOption="All statuses"
          options={statusOptions}
          className="mt-1.5"
        />
      </div>
      <div>
        <label htmlFor={`${id}-sort`} className={labelClasses}>
          Sort by
        </label>
        <Select
          id={`${id}-sort`}
          value={filters.sort ?? defaultAdminSort(filters)}
          onChange={(e) => onChange({ ...filters, sort: e.target.value as ProductSort })}
          options={sortOptions}
          className="mt-1.5"
        />
      </div>
      <div className="col-span-2 flex items-center gap-2.5 lg:col-span-1 xl:pt-7">
        <input
          id={`${id}-stock`}
          type="checkbox"
          checked={filters.inStock ?? false}
          onChange={(e) => onChange({ ...filters, inStock: e.target.checked ? true : undefined })}
          className="size-4 rounded border-stone-400 accent-brand-700"
        />
        <label htmlFor={`${id}-stock`} className="whitespace-nowrap text-sm font-medium text-stone-800">
          In stock only
        </label>
      </div>
    </form>
  );
}
