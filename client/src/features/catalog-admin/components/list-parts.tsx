import { Button } from "@client/components/ui/button";
import { Spinner } from "@client/components/ui/skeleton";
import { pluralize } from "@client/lib/format";

interface ListCountProps {
  count: number;
  noun: string;
  hasMore: boolean;
  testId?: string;
}

/** "Showing 25 products — more available": announced politely as the list changes. */
export function ListCount({ count, noun, hasMore, testId }: ListCountProps) {
  return (
    <p role="status" className="text-sm text-stone-600" data-testid={testId}>
      Showing <span className="font-semibold text-stone-900">{pluralize(count, noun)}</span>
      {hasMore ? " — more available" : ""}
    </p>
  );
}

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  failed: boolean;
  errorMessage?: string;
  noun: string;
  onLoadMore: () => void;
}

/** The cursor pager under a table: "Load more", its spinner, and a retry when the next page failed. */
export function LoadMore({ hasMore, loading, failed, errorMessage, noun, onLoadMore }: LoadMoreProps) {
  if (!hasMore && !failed) return null;
  return (
    <div className="mt-6 flex flex-col items-center gap-3">
      {failed && <p role="alert" className="text-sm text-red-800">{errorMessage ?? `Loading more ${noun} failed.`}</p>}
      {hasMore && (
        <Button variant="secondary" onClick={onLoadMore} disabled={loading} className="min-w-40">
          {loading && <Spinner label={`Loading more ${noun}`} />}
          {loading ? "Loading…" : failed ? "Try again" : "Load more"}
        </Button>
      )}
    </div>
  );
}

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
