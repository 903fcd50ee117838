import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { ListOf } from "@shared/contracts/common";
import { decodeKeyset, toPage } from "./pagination";
import { looksLikeUuid } from "./uuid";

/**
 * Keyset cursors over (created_at, id), newest first, for lists sorted by creation time.
 * The timestamp is the database's UTC text with microseconds; both parts are checked before they reach SQL.
 */
const DB_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** True for text in cursorTimestamp's format: safe to cast to timestamptz in a keyset condition. */
export const isCursorTimestamp = (value: unknown): value is string => typeof value === "string" && DB_TIMESTAMP.test(value);

export interface CreatedAtCursor {
  createdAt: string;
  id: string;
}

/**
 * The one SQL expression giving a timestamptz as cursor text (UTC, microseconds: a JavaScript Date keeps
 * only milliseconds, so rows created within the same millisecond would otherwise share a cursor).
 */
export const cursorTimestamp = (column: AnyColumn | SQL): SQL<string> => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function decodeCreatedAtCursor(cursor: string | undefined, sort: string): CreatedAtCursor | undefined {
  if (!cursor) return undefined;
  const [createdAt, id] = decodeKeyset(cursor, sort, [isCursorTimestamp, (v) => typeof v === "string" && looksLikeUuid(v)]);
  return { createdAt: createdAt as string, id: id as string };
}

/** A row read with its created_at as cursor text (the repo selects `cursorTimestamp(createdAt)` beside it). */
export interface RowWithCreatedAt<R extends { id: string }> {
  row: R;
  createdAtText: string;
}

/**
 * One page of a newest-first list read with limit + 1 rows: the items, and the (created_at, id) cursor of the
 * last one when more follow. `toItem` gets the cursor text too, so the item's createdAt keeps its microseconds.
 */
export function createdAtPage<R extends { id: string }, T>(
  rows: Array<RowWithCreatedAt<R>>,
  limit: number,
  sort: string,
  toItem: (row: R, createdAtText: string) => T,
): ListOf<T> {
  return toPage(
    rows,
    limit,
    sort,
    (r) => [r.createdAtText, r.row.id],
    (r) => toItem(r.row, r.createdAtText),
  );
}
