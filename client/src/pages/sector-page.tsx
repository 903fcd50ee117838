import { Link } from "wouter";
import { Breadcrumbs } from "@client/components/ui/breadcrumbs";
import { ErrorState } from "@client/components/ui/error-state";
import { SectionHeading } from "@client/components/ui/layout";
import { NotFoundState } from "@client/components/ui/not-found-state";
import { Skeleton } from "@client/components/ui/skeleton";
import { isApiError } from "@client/lib/api";
import { pluralize } from "@client/lib/format";
import { useSector } from "@client/features/catalog/api/sectors";
import { SectorBrandList } from "@client/features/catalog/components/brand-list";
import { ProductResults } from "@client/features/catalog/components/product-results";
import { SectorIcon } from "@client/features/catalog/components/sector-icon";
import { SortSelect, useListSort } from "@client/features/catalog/components/sort-select";

export default function SectorPage({ slug }: { slug: string }) {
  const sector = useSector(slug);
  const [sort, setSort] = useListSort();

  if (sector.isError) {
    if (isApiError(sector.error) && sector.error.isNotFound) {
      return <NotFoundState title="Sector not found" message="This sector doesn't exist (any more). Pick another one from the list above." />;
    }
    return <ErrorState error={sector.error} title="We couldn't load this sector" onRetry={() => void sector.refetch()} retrying={sector.isRefetching} />;
  }

  return (
    <>
      {sector.data && <title>{`${sector.data.name} · FruitfulPlanet`}</title>}
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: sector.data?.name ?? "Sector" }]} />
      <header className="flex flex-col gap-5 rounded-3xl border border-brand-100 bg-gradient-to-br from-brand-50 to-white p-6 sm:flex-row sm:items-center sm:p-8">
        {sector.isPending ? (
          <div aria-busy="true" className="w-full space-y-3">
            <span role="status" className="sr-only">
              Loading sector
            </span>
            <Skeleton className="h-9 w-1/3" />
            <Skeleton className="h-5 w-2/3" />
          </div>
        ) : (
          <>
            <span
              aria-hidden="true"
              className="flex size-20 shrink-0 items-center justify-center rounded-2xl bg-white text-brand-700 shadow-sm ring-1 ring-brand-100"
            >
              <SectorIcon emoji={sector.data.emoji} className="size-10" />
            </span>
            <div>
              <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{sector.data.name}</h1>
              {sector.data.description && <p className="mt-2 max-w-2xl text-stone-700">{sector.data.description}</p>}
              <p className="mt-3 text-sm font-medium text-stone-600">
                {pluralize(sector.data.brandCount, "brand")} · {pluralize(sector.data.productCount, "product")}
              </p>
            </div>
          </>
        )}
      </header>

      <section aria-labelledby="sector-brands" className="mt-10">
        <SectionHeading id="sector-brands" title="Brands" />
        <SectorBrandList sector={slug} />
      </section>

      <section aria-labelledby="sector-products" className="mt-12">
        <SectionHeading
          id="sector-products"
          title="Products"
          action={
            // Outside the results, so the control stays put (and keeps focus) while the re-sorted list loads.
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <SortSelect value={sort} onChange={setSort} />
              <Link href={`/search?sector=${encodeURIComponent(slug)}`} className="text-sm font-semibold text-brand-800 hover:underline">
                More filters <span aria-hidden="true">→</span>
              </Link>
            </div>
          }
        />
        <ProductResults
          filters={{ sector: slug, sort }}
          emptyTitle="No products in this sector yet"
          emptyDescription="Check back soon — new brands join every week."
        />
      </section>
    </>
  );
}
