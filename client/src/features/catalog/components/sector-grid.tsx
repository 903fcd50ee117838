import { Link } from "wouter";
import type { Sector } from "@shared/contracts/catalog";
import { EmptyState } from "@client/components/ui/empty-state";
import { ErrorState } from "@client/components/ui/error-state";
import { Skeleton } from "@client/components/ui/skeleton";
import { pluralize } from "@client/lib/format";
import { useSectors } from "../api/sectors";
import { SectorIcon } from "./sector-icon";

// Phones: two compact columns without descriptions, so ten sectors are not ten screens (issue 13).
const gridClasses = "grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4";

export function SectorCard({ sector }: { sector: Sector }) {
  return (
    <article className="group relative flex h-full flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5 transition hover:-translate-y-0.5 hover:border-brand-300 hover:shadow-md focus-within:ring-2 focus-within:ring-brand-600 motion-reduce:transition-none motion-reduce:hover:translate-y-0">
      <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-xl bg-brand-50 text-brand-700 ring-1 ring-brand-100">
        <SectorIcon emoji={sector.emoji} />
      </span>
      <div>
        <h3 className="text-base font-semibold text-stone-900">
          <Link href={`/sectors/${sector.slug}`} className="after:absolute after:inset-0 after:content-[''] focus:outline-none">
            {sector.name}
          </Link>
        </h3>
        {sector.description && <p className="mt-1 line-clamp-2 text-sm text-stone-600 max-sm:hidden">{sector.description}</p>}
      </div>
      <p className="mt-auto text-xs font-medium text-stone-600">
        {pluralize(sector.brandCount, "brand")} · {pluralize(sector.productCount, "product")}
      </p>
    </article>
  );
}

export function SectorGrid() {
  const sectors = useSectors();
  if (sectors.isPending) {
    return (
      <div aria-busy="true" className={gridClasses}>
        <span role="status" className="sr-only">
          Loading sectors
        </span>
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-32 w-full rounded-2xl sm:h-40" />
        ))}
      </div>
    );
  }
  if (sectors.isError) {
    return <ErrorState error={sectors.error} title="We couldn't load the sectors" onRetry={() => void sectors.refetch()} retrying={sectors.isRefetching} />;
  }
  if (sectors.data.length === 0) {
    return <EmptyState title="No sectors yet" description="The catalog is empty. Check back soon." />;
  }
  return (
    <ul className={gridClasses}>
      {sectors.data.map((sector) => (
        <li key={sector.id}>
          <SectorCard sector={sector} />
        </li>
      ))}
    </ul>
  );
}
