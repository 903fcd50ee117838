import type { ListOf } from "@shared/contracts/common";
import { AppError } from "./app-error";

/**
 * Opaque keyset cursors (the one pagination helper). A cursor names the sort it belongs to and
 * carries the last row's sort values plus its id, so pages stay exact when sort values repeat.
 * Timestamps must be carried as the database's text (microseconds), never as JS Dates (milliseconds).
 */
export type CursorValue = string | number | null;

export function encodeCursor(sort: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values })).toString("base64url");
}

const malformed = () =>
  new AppError("validation_failed", "The cursor is malformed or belongs to another query.", [
    { path: "cursor", message: "Invalid cursor; use the nextCursor of the previous page" },
  ]);

export function decodeCursor(cursor: string, sort: string, arity: number): CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw malformed();
  }
  if (typeof parsed !== "object" || parsed === null || (parsed as { s?: unknown }).s !== sort || !Array.isArray((parsed as { v?: unknown }).v))
    throw malformed();
  const values = (parsed as { v: unknown[] }).v;
  if (values.length !== arity || !values.every((v) => v === null || typeof v === "string" || typeof v === "number")) throw malformed();
  return values as CursorValue[];
}

/**
 * decodeCursor, then each value must pass its check: the values reach SQL casts, so one of the wrong type
 * must be the contract's 400, never a database error (500).
 */
export function decodeKeyset(cursor: string, sort: string, checks: Array<(value: CursorValue) => boolean>): CursorValue[] {
  const values = decodeCursor(cursor, sort, checks.length);
  if (!checks.every((check, i) => check(values[i]!))) throw malformed();
  return values;
}

/** Builds a list response from `limit + 1` fetched rows: the extra row only tells whether more exist. */
export function toPage<Row, Item>(rows: Row[], limit: number, sort: string, cursorOf: (row: Row) => CursorValue[], toItem: (row: Row) => Item): ListOf<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(toItem),
    pagination: { nextCursor: hasMore && last ? encodeCursor(sort, cursorOf(last)) : null, hasMore },
  };
}
