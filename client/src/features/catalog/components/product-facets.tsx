import { useId, useState, type ReactNode } from "react";
import { priceFacetBuckets, type Facets } from "@shared/contracts/catalog";
import { Skeleton } from "@client/components/ui/skeleton";
import { formatCount, formatMoney, pluralize } from "@client/lib/format";

/** Brands shown before "Show all": the list can run to dozens without a sector chosen. */
const BRANDS_SHOWN = 8;
const TOP_BUCKET_MAX = priceFacetBuckets[priceFacetBuckets.length - 1]!.maxCents;

/** A price bucket as a filter: the top bucket has no upper bound in the URL. */
export interface PriceRange {
  minCents?: number;
  maxCents?: number;
}

export function priceRangeLabel({ minCents = 0, maxCents }: PriceRange): string {
  if (maxCents === undefined || maxCents >= TOP_BUCKET_MAX) return `${formatMoney(minCents)} and up`;
  if (minCents === 0) return `Up to ${formatMoney(maxCents)}`;
  return `${formatMoney(minCents)} to ${formatMoney(maxCents)}`;
}

/** The bucket matching the applied min/max prices, if they are one (a typed custom range usually is not). */
export function selectedBucket(minPrice: number | undefined, maxPrice: number | undefined): PriceRange | "any" | undefined {
  if (minPrice === undefined && maxPrice === undefined) return "any";
  const bucket = priceFacetBuckets.find(
    (b) => b.minCents === (minPrice ?? 0) && (b.maxCents === maxPrice || (b.maxCents === TOP_BUCKET_MAX && maxPrice === undefined)),
  );
  return bucket ? { minCents: bucket.minCents, maxCents: bucket.maxCents === TOP_BUCKET_MAX ? undefined : bucket.maxCents } : undefined;
}

interface FacetOptionProps {
  type: "radio" | "checkbox";
  name: string;
  checked: boolean;
  onChange: () => void;
  label: ReactNode;
  count?: number;
}

/** One checkable filter: a real input with its label, so arrows move within a radio group and Space toggles. */
function FacetOption({ type, name, checked, onChange, label, count }: FacetOptionProps) {
  const id = useId();
  return (
    <li className="flex items-center gap-2.5">
      <input id={id} type={type} name={name} checked={checked} onChange={onChange} className="size-4 shrink-0 border-stone-400 accent-brand-700" />
      <label
        htmlFor={id}
        className={`flex min-w-0 flex-1 items-baseline justify-between gap-2 text-sm ${checked ? "font-semibold text-stone-900" : "text-stone-800"}`}
      >
        <span className="truncate">{label}</span>
        {count !== undefined && (
          <span className="shrink-0 rounded-full bg-stone-100 px-2 text-xs font-medium tabular-nums text-stone-700">
            <span aria-hidden="true">{formatCount(count)}</span>
            {/* Heard as "Fresh Produce (186 products)". */}
            <span className="sr-only"> ({pluralize(count, "product")})</span>
          </span>
        )}
      </label>
    </li>
  );
}

function FacetGroup({ legend, busy, listId, after, children }: { legend: string; busy: boolean; listId?: string; after?: ReactNode; children: ReactNode }) {
  return (
    <fieldset aria-busy={busy || undefined}>
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      <ul id={listId} className={`mt-2 space-y-1.5 transition-opacity ${busy ? "opacity-60" : ""}`}>
        {children}
      </ul>
      {after}
    </fieldset>
  );
}

function FacetSkeleton() {
  return (
    <div aria-hidden="true" className="mt-2 space-y-2">
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-4 w-4/5" />
      ))}
    </div>
  );
}

export interface FacetSelection {
  sector: string;
  brand: string;
  price: PriceRange | "any" | undefined;
  inStock: boolean;
}

interface ProductFacetsProps {
  /** The counts for the applied filters (each facet ignores its own filter); undefined until the first load. */
  facets: Facets | undefined;
  selection: FacetSelection;
  /** True while counts for new filters load (the previous ones stay, dimmed). */
  busy: boolean;
  /** The counts could not be loaded (the results show the error and a retry). */
  failed?: boolean;
  onSector: (slug: string) => void;
  onBrand: (slug: string) => void;
  onPrice: (range: PriceRange | "any") => void;
  onInStock: (inStock: boolean) => void;
  /** Shown under the price ranges (the form's own min/max inputs). */
  priceExtra?: ReactNode;
}

/**
 * Facets of a product search as checkable filters with counts: sector, brand and price as radio groups
 * (one of each applies at a time), availability as a checkbox. A choice that currently matches nothing
 * (a shared link's brand, say) is still listed, so it can be seen and unchecked.
 */
export function ProductFacets({ facets, selection, busy, failed = false, onSector, onBrand, onPrice, onInStock, priceExtra }: ProductFacetsProps) {
  const name = useId();
  const [allBrands, setAllBrands] = useState(false);
  const brandsId = useId();

  if (!facets && failed) {
    return (
      <div className="space-y-3">
        <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-700">The filter counts could not be loaded.</p>
        <p className="text-sm font-medium text-stone-800">Price</p>
        {priceExtra}
      </div>
    );
  }
  if (!facets) {
    return (
      <div className="space-y-5" aria-busy="true">
        {["Sector", "Brand", "Price", "Availability"].map((legend) => (
          <div key={legend}>
            <p className="text-sm font-medium text-stone-800">{legend}</p>
            <FacetSkeleton />
            {legend === "Price" && priceExtra}
          </div>
        ))}
      </div>
    );
  }

  const sectors =
    selection.sector && !facets.sectors.some((s) => s.slug === selection.sector)
      ? [...facets.sectors, { slug: selection.sector, name: selection.sector, count: 0 }]
      : facets.sectors;
  const brands =
    selection.brand && !facets.brands.some((b) => b.slug === selection.brand)
      ? [...facets.brands, { slug: selection.brand, name: selection.brand, count: 0 }]
      : facets.brands;
  const shownBrands = allBrands || brands.length <= BRANDS_SHOWN + 1 ? brands : brands.filter((b, i) => i < BRANDS_SHOWN || b.slug === selection.brand);
  const selectedPrice = selection.price;
  const buckets = facets.price.map((b) => ({ minCents: b.minCents, maxCents: b.maxCents >= TOP_BUCKET_MAX ? undefined : b.maxCents, count: b.count }));
  if (selectedPrice && selectedPrice !== "any" && !buckets.some((b) => b.minCents === selectedPrice.minCents && b.maxCents === selectedPrice.maxCents)) {
    buckets.push({ minCents: selectedPrice.minCents ?? 0, maxCents: selectedPrice.maxCents, count: 0 });
    buckets.sort((a, b) => a.minCents - b.minCents);
  }

  return (
    <div className="space-y-5" data-testid="search-facets">
      <FacetGroup legend="Sector" busy={busy}>
        <FacetOption type="radio" name={`${name}-sector`} checked={!selection.sector} onChange={() => onSector("")} label="All sectors" />
        {sectors.map((sector) => (
          <FacetOption
            key={sector.slug}
            type="radio"
            name={`${name}-sector`}
            checked={selection.sector === sector.slug}
            onChange={() => onSector(sector.slug)}
            label={sector.name}
            count={sector.count}
          />
        ))}
      </FacetGroup>

      <FacetGroup legend="Brand" busy={busy} listId={brandsId}>
        <FacetOption type="radio" name={`${name}-brand`} checked={!selection.brand} onChange={() => onBrand("")} label="All brands" />
        {shownBrands.map((brand) => (
          <FacetOption
            key={brand.slug}
            type="radio"
            name={`${name}-brand`}
            checked={selection.brand === brand.slug}
            onChange={() => onBrand(brand.slug)}
            label={brand.name}
            count={brand.count}
          />
        ))}
        {brands.length > BRANDS_SHOWN + 1 && (
          <li>
            <button
              type="button"
              aria-expanded={allBrands}
              aria-controls={brandsId}
              onClick={() => setAllBrands((open) => !open)}
              className="rounded-md px-1 text-sm font-semibold text-brand-800 underline-offset-2 hover:underline"
            >
              {allBrands ? "Show fewer brands" : `Show all ${formatCount(brands.length)} brands`}
            </button>
          </li>
        )}
      </FacetGroup>

      <FacetGroup legend="Price" busy={busy} after={priceExtra}>
        <FacetOption type="radio" name={`${name}-price`} checked={selectedPrice === "any"} onChange={() => onPrice("any")} label="Any price" />
        {buckets.map((bucket) => (
          <FacetOption
            key={bucket.minCents}
            type="radio"
            name={`${name}-price`}
            checked={
              selectedPrice !== undefined && selectedPrice !== "any" && selectedPrice.minCents === bucket.minCents && selectedPrice.maxCents === bucket.maxCents
            }
            onChange={() => onPrice({ minCents: bucket.minCents, maxCents: bucket.maxCents })}
            label={priceRangeLabel(bucket)}
            count={bucket.count}
          />
        ))}
      </FacetGroup>

      <FacetGroup legend="Availability" busy={busy}>
        <FacetOption
          type="checkbox"
          name={`${name}-stock`}
          checked={selection.inStock}
          onChange={() => onInStock(!selection.inStock)}
          label="In stock only"
          count={facets.inStock}
        />
      </FacetGroup>
    </div>
  );
}
