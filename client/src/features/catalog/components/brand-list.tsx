import { Link } from "wouter";
import { ErrorState } from "@client/components/ui/error-state";
import { Skeleton } from "@client/components/ui/skeleton";
import { formatCount } from "@client/lib/format";
import { useSectorBrands } from "../api/brands";

/** The brands of one sector as pill links with their product counts. */
export function SectorBrandList({ sector }: { sector: string }) {
  const brands = useSectorBrands(sector);
  if (brands.isPending) {
    return (
      <div aria-busy="true" className="flex flex-wrap gap-2">
        <span role="status" className="sr-only">
          Loading brands
        </span>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-32 rounded-full" />
        ))}
      </div>
    );
  }
  if (brands.isError) {
    return <ErrorState error={brands.error} title="We couldn't load the brands" onRetry={() => void brands.refetch()} retrying={brands.isRefetching} />;
  }
  if (brands.data.data.length === 0) return <p className="text-sm text-stone-600">No brands in this sector yet.</p>;
  return (
    <ul className="flex flex-wrap gap-2">
      {brands.data.data.map((brand) => (
        <li key={brand.id}>
          <Link
            href={`/brands/${brand.slug}`}
            className="inline-flex items-center gap-2 rounded-full border border-stone-200 bg-white px-4 py-2 text-sm font-medium text-stone-800 shadow-sm transition-colors hover:border-brand-300 hover:bg-brand-50 hover:text-brand-900"
          >
            {brand.name}
            <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-semibold text-stone-700">{formatCount(brand.productCount)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
