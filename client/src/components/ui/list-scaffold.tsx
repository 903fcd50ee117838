import type { ReactNode } from "react";
import { ListCount, LoadMore, type PagedQuery } from "./list-paging";
import { QueryErrorState } from "./query-error-state";

/** Placeholder rows while a table's first page loads. */
export function TableSkeleton({ rows = 6, label }: { rows?: number; label: string }) {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        {label}
      </p>
      <div aria-hidden="true" className="overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm">
        <div className="h-11 bg-stone-50" />
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-6 border-t border-stone-100 px-4 py-4">
            <div className="size-10 animate-pulse rounded-lg bg-stone-200 motion-reduce:animate-none" />
            <div className="h-4 w-48 animate-pulse rounded bg-stone-200 motion-reduce:animate-none" />
            <div className="h-4 w-24 animate-pulse rounded bg-stone-200 motion-reduce:animate-none" />
            <div className="h-8 w-32 animate-pulse rounded bg-stone-200 motion-reduce:animate-none" />
          </div>
        ))}
      </div>
    </div>
  );
}

/** What ListScaffold reads from a useQuery or useInfiniteQuery result. */
export interface ListQuery {
  isPending: boolean;
  isError: boolean;
  data: unknown;
  error: Error | null;
  refetch: () => unknown;
  isRefetching: boolean;
}

interface ListScaffoldProps<T> {
  /** The rows' singular noun: "brand" → "Loading brands", "Showing 3 brands". */
  noun: string;
  /** Irregular plurals ("entries"); "<noun>s" by default. */
  plural?: string;
  /** What the list is called in the loading and error messages ("the audit log"); "the <plural>" by default. */
  title?: string;
  query: ListQuery;
  /** The rows loaded so far (every page), after any filtering on the client. */
  items: T[];
  /** The infinite query behind `items`, for "more available" and Load more; absent for lists loaded whole. */
  pages?: PagedQuery;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  testId?: string;
  /** The count line's words when more pages exist ("older entries available"). */
  moreLabel?: string;
  /** The Load more button's words, and its spinner's label. */
  loadMoreLabel?: string;
  loadingMoreLabel?: string;
  /** The table of the rows. */
  children: (items: T[]) => ReactNode;
}

/**
 * The one body of every admin list: its skeleton while the first page loads, its load error (403/401 aware),
 * its empty state, or the count line + the table + Load more.
 */
export function ListScaffold<T>(props: ListScaffoldProps<T>) {
  const { noun, plural = `${noun}s`, title, query, items, pages, empty, testId, moreLabel, loadMoreLabel, loadingMoreLabel, children } = props;
  if (query.isPending) return <TableSkeleton label={`Loading ${title ?? plural}`} />;
  if (query.isError && !query.data) {
    return (
      <QueryErrorState
        error={query.error}
        title={`We couldn't load ${title ?? `the ${plural}`}`}
        onRetry={() => void query.refetch()}
        retrying={query.isRefetching}
      />
    );
  }
  if (items.length === 0) return empty;
  return (
    <>
      <ListCount
        count={items.length}
        noun={noun}
        plural={plural}
        hasMore={pages?.hasNextPage ?? false}
        moreLabel={moreLabel}
        testId={testId}
        className="mb-3"
      />
      {children(items)}
      {pages && <LoadMore query={pages} noun={plural} label={loadMoreLabel} loadingLabel={loadingMoreLabel} />}
    </>
  );
}
