import { Link } from "wouter";
import { Breadcrumbs } from "@client/components/ui/breadcrumbs";
import { ErrorState } from "@client/components/ui/error-state";
import { SectionHeading } from "@client/components/ui/layout";
import { NotFoundState } from "@client/components/ui/not-found-state";
import { Skeleton } from "@client/components/ui/skeleton";
import { isApiError } from "@client/lib/api";
import { pluralize } from "@client/lib/format";
import { useBrand } from "@client/features/catalog/api/brands";
import { ProductResults } from "@client/features/catalog/components/product-results";
import { SortSelect, useListSort } from "@client/features/catalog/components/sort-select";

export default function BrandPage({ slug }: { slug: string }) {
  const brand = useBrand(slug);
  const [sort, setSort] = useListSort();

  if (brand.isError) {
    if (isApiError(brand.error) && brand.error.isNotFound) {
      return <NotFoundState title="Brand not found" message="We don't carry this brand (any more). Try searching for what you need." />;
    }
    return <ErrorState error={brand.error} title="We couldn't load this brand" onRetry={() => void brand.refetch()} retrying={brand.isRefetching} />;
  }

  return (
    <>
      {brand.data && <title>{`${brand.data.name} · FruitfulPlanet`}</title>}
      <Breadcrumbs
        items={[
          { label: "Home", href: "/" },
          ...(brand.data ? [{ label: brand.data.sector.name, href: `/sectors/${brand.data.sector.slug}` }] : []),
          { label: brand.data?.name ?? "Brand" },
        ]}
      />
      <header className="flex flex-col gap-5 rounded-3xl border border-stone-200 bg-white p-6 shadow-sm sm:flex-row sm:items-center sm:p-8">
        {brand.isPending ? (
          <div aria-busy="true" className="w-full space-y-3">
            <span role="status" className="sr-only">
              Loading brand
            </span>
            <Skeleton className="h-9 w-1/3" />
            <Skeleton className="h-5 w-2/3" />
          </div>
        ) : (
          <>
            <span
              aria-hidden="true"
              className="flex size-20 shrink-0 items-center justify-center rounded-2xl bg-brand-700 text-3xl font-bold text-white shadow-sm"
            >
              {brand.data.name.charAt(0).toUpperCase()}
            </span>
            <div>
              <p className="text-sm font-medium text-stone-600">
                <Link href={`/sectors/${brand.data.sector.slug}`} className="text-brand-800 hover:underline">
                  {brand.data.sector.name}
                </Link>
              </p>
              <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{brand.data.name}</h1>
              {brand.data.description && <p className="mt-2 max-w-2xl text-stone-700">{brand.data.description}</p>}
              <p className="mt-3 text-sm font-medium text-stone-600">{pluralize(brand.data.productCount, "product")}</p>
            </div>
          </>
        )}
      </header>

      <section aria-labelledby="brand-products" className="mt-12">
        <SectionHeading
          id="brand-products"
          title="Products"
          action={
            // Outside the results, so the control stays put (and keeps focus) while the re-sorted list loads.
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <SortSelect value={sort} onChange={setSort} />
              {brand.data && (
                <Link
                  href={`/search?sector=${encodeURIComponent(brand.data.sector.slug)}&brand=${encodeURIComponent(slug)}`}
                  className="text-sm font-semibold text-brand-800 hover:underline"
                >
                  More filters <span aria-hidden="true">→</span>
                </Link>
              )}
            </div>
          }
        />
        <ProductResults filters={{ brand: slug, sort }} emptyTitle="No products from this brand yet" emptyDescription="Check back soon." />
      </section>
    </>
  );
}
