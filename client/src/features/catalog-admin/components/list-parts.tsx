import type { ReactNode } from "react";
import type { Sector } from "@shared/contracts/catalog";
import { Button } from "@client/components/ui/button";
import { ListCount, LoadMore, type PagedQuery } from "@client/components/ui/list-paging";
import { QueryErrorState } from "@client/components/ui/query-error-state";

/** Placeholder rows while a table's first page loads. */
export function TableSkeleton({ rows = 6, label }: { rows?: number; label: string }) {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">{label}</p>
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

/** Row action buttons (Edit / Delete), each naming its row for screen readers. */
export function RowActions({ name, onEdit, onDelete, deleteLabel = "Delete" }: { name: string; onEdit: () => void; onDelete: () => void; deleteLabel?: string }) {
  return (
    <span className="flex justify-end gap-1">
      <Button variant="ghost" size="sm" onClick={onEdit}>
        Edit<span className="sr-only"> {name}</span>
      </Button>
      <Button variant="ghost" size="sm" onClick={onDelete} className="text-red-700 hover:bg-red-50 hover:text-red-800">
        {deleteLabel}<span className="sr-only"> {name}</span>
      </Button>
    </span>
  );
}

/** What AdminListBody reads from a useQuery or useInfiniteQuery result. */
interface ListQuery {
  isPending: boolean;
  isError: boolean;
  data: unknown;
  error: Error | null;
  refetch: () => unknown;
  isRefetching: boolean;
}

interface AdminListBodyProps<T> {
  /** The rows' singular noun: "brand" → "Loading brands", "Showing 3 brands". */
  noun: string;
  query: ListQuery;
  /** The rows loaded so far (every page), after any filtering on the client. */
  items: T[];
  /** The infinite query behind `items`, for "more available" and Load more; absent for lists loaded whole. */
  pages?: PagedQuery;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  testId: string;
  /** The table of the rows. */
  children: (items: T[]) => ReactNode;
}

/** A catalog table's place on the page: its skeleton, its load error, its empty state, or count + table + Load more. */
export function AdminListBody<T>({ noun, query, items, pages, empty, testId, children }: AdminListBodyProps<T>) {
  const plural = `${noun}s`;
  if (query.isPending) return <TableSkeleton label={`Loading ${plural}`} />;
  if (query.isError && !query.data) {
    return <QueryErrorState error={query.error} title={`We couldn't load the ${plural}`} onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
  }
  if (items.length === 0) return empty;
  return (
    <>
      <ListCount count={items.length} noun={noun} hasMore={pages?.hasNextPage ?? false} testId={testId} className="mb-3" />
      {children(items)}
      {pages && <LoadMore query={pages} noun={plural} />}
    </>
  );
}

/** The sector filter's options: every sector, plus the URL's sector while it is not among them (a shared link before the list has loaded, or one deleted since), so it stays selectable. */
export function sectorFilterOptions(sectors: readonly Sector[] | undefined, selected: string | undefined) {
  return [
    ...(sectors ?? []).map((s) => ({ value: s.slug, label: s.name })),
    ...(selected && !sectors?.some((s) => s.slug === selected) ? [{ value: selected, label: selected }] : []),
  ];
}
