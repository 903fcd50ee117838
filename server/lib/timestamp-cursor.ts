import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { AppError } from "./app-error";
import { decodeCursor, encodeCursor } from "./pagination";

/**
 * Keyset cursors over (created_at, id), newest first, for lists sorted by creation time.
 * The timestamp is the database's UTC text with microseconds; both parts are checked before they reach SQL.
 */
const DB_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CreatedAtCursor {
  createdAt: string;
  id: string;
}

/** Select expression giving a timestamptz column as cursor text (UTC, microseconds). */
export const cursorTimestamp = (column: AnyColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function decodeCreatedAtCursor(cursor: string | undefined, sort: string): CreatedAtCursor | undefined {
  if (!cursor) return undefined;
  const [createdAt, id] = decodeCursor(cursor, sort, 2);
  if (typeof createdAt !== "string" || !DB_TIMESTAMP.test(createdAt) || typeof id !== "string" || !UUID.test(id)) {
    throw new AppError("validation_failed", "The cursor is malformed or belongs to another query.", [
      { path: "cursor", message: "Invalid cursor; use the nextCursor of the previous page" },
    ]);
  }
  return { createdAt, id };
}

export const encodeCreatedAtCursor = (sort: string, c: CreatedAtCursor) => encodeCursor(sort, [c.createdAt, c.id]);
