import { pluralize } from "@client/lib/format";
import { Button } from "./button";
import { Spinner } from "./skeleton";

interface ListCountProps {
  count: number;
  noun: string;
  /** Irregular plurals ("entries"); "<noun>s" by default. */
  plural?: string;
  hasMore: boolean;
  /** What " — …" says when more pages exist. */
  moreLabel?: string;
  testId?: string;
  className?: string;
}

/** "Showing 25 products — more available": announced politely as the list changes. */
export function ListCount({ count, noun, plural, hasMore, moreLabel = "more available", testId, className = "" }: ListCountProps) {
  return (
    <p role="status" className={`text-sm text-stone-600 ${className}`} data-testid={testId}>
      Showing <span className="font-semibold text-stone-900">{pluralize(count, noun, plural)}</span>
      {hasMore ? ` — ${moreLabel}` : ""}
    </p>
  );
}

/** What LoadMore reads from a useInfiniteQuery result. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: Error | null;
  fetchNextPage: () => unknown;
}

interface LoadMoreProps {
  query: PagedQuery;
  /** Plural noun of the rows: "Loading more orders", "Loading more orders failed." */
  noun: string;
  /** The button's words. */
  label?: string;
  /** The spinner's screen-reader label while the next page loads. */
  loadingLabel?: string;
}

/** The cursor pager under a list: "Load more", its spinner, and a retry when the next page failed. */
export function LoadMore({ query, noun, label = "Load more", loadingLabel = `Loading more ${noun}` }: LoadMoreProps) {
  const { hasNextPage: hasMore, isFetchingNextPage: loading, isFetchNextPageError: failed } = query;
  if (!hasMore && !failed) return null;
  return (
    <div className="mt-6 flex flex-col items-center gap-3">
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          {query.error?.message ?? `Loading more ${noun} failed.`}
        </p>
      )}
      {hasMore && (
        <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={loading} className="min-w-40">
          {loading && <Spinner label={loadingLabel} />}
          {loading ? "Loading…" : failed ? "Try again" : label}
        </Button>
      )}
    </div>
  );
}
