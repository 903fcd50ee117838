import { SearchX } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "wouter";
import { Button, buttonClasses } from "@client/components/ui/button";
import { EmptyState } from "@client/components/ui/empty-state";
import { ErrorState } from "@client/components/ui/error-state";
import { Spinner } from "@client/components/ui/skeleton";
import { pluralize } from "@client/lib/format";
import { useProductPages, type ProductFilters } from "../api/products";
import { ProductGrid, ProductGridSkeleton } from "./product-grid";

interface ProductResultsProps {
  filters: ProductFilters;
  /** Where "Reset filters" leads when nothing matches; omit to hide the link. */
  resetHref?: string;
  emptyTitle?: string;
  emptyDescription?: ReactNode;
  /** Optional content shown to the right of the result count (a sort control, say). */
  toolbar?: ReactNode;
  /** Ask for facet counts with the first page (the search page's filters show them). */
  withFacets?: boolean;
  /** Where the "Did you mean …?" link of a fruitless search leads (the server's respelling); omit to hide it. */
  didYouMeanHref?: (q: string) => string;
}

/** A product list over cursors: skeleton, empty, error, the grid and a "Load more" button. */
export function ProductResults({
  filters,
  resetHref,
  emptyTitle = "No products match these filters",
  emptyDescription,
  toolbar,
  withFacets,
  didYouMeanHref,
}: ProductResultsProps) {
  const query = useProductPages(filters, undefined, withFacets);

  if (query.isPending) {
    return (
      <div aria-busy="true" data-testid="product-results">
        <p role="status" className="sr-only">
          Loading products
        </p>
        <div className="mb-4 h-5" />
        <ProductGridSkeleton />
      </div>
    );
  }
  if (query.isError && !query.data) {
    return <ErrorState error={query.error} title="We couldn't load these products" onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
  }

  const products = query.data.pages.flatMap((page) => page.data);
  if (products.length === 0) {
    const didYouMean = didYouMeanHref ? query.data.pages[0]?.didYouMean : undefined;
    return (
      <EmptyState
        icon={SearchX}
        title={emptyTitle}
        description={
          didYouMean ? (
            <span data-testid="did-you-mean">
              Did you mean{" "}
              <Link href={didYouMeanHref!(didYouMean)} className="font-semibold text-brand-800 underline">
                {didYouMean}
              </Link>
              ?
            </span>
          ) : (
            (emptyDescription ?? "Try a different search word, a wider price range, or fewer filters.")
          )
        }
        action={
          resetHref ? (
            <Link href={resetHref} className={buttonClasses({ variant: "secondary" })}>
              Reset filters
            </Link>
          ) : undefined
        }
      />
    );
  }

  return (
    <div aria-busy={query.isFetching} data-testid="product-results">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-sm text-stone-600" data-testid="result-count">
          Showing <span className="font-semibold text-stone-900">{pluralize(products.length, "product")}</span>
          {query.hasNextPage ? " — more available" : ""}
        </p>
        {toolbar}
      </div>
      <ProductGrid products={products} />
      <div className="mt-8 flex flex-col items-center gap-3">
        {query.isFetchNextPageError && (
          <p role="alert" className="text-sm text-red-800">
            {query.error?.message ?? "Loading more products failed."}
          </p>
        )}
        {query.hasNextPage ? (
          <Button variant="secondary" size="lg" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className="min-w-48">
            {query.isFetchingNextPage ? <Spinner label="Loading more products" /> : null}
            {query.isFetchingNextPage ? "Loading…" : query.isFetchNextPageError ? "Try again" : "Load more"}
          </Button>
        ) : (
          query.data.pages.length > 1 && <p className="text-sm text-stone-600">You’ve reached the end of the list.</p>
        )}
      </div>
    </div>
  );
}
