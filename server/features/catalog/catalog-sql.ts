import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { CursorValue } from "../../lib/pagination";
import { looksLikeUuid } from "../../lib/uuid";

/** Small SQL pieces the catalog's repositories share. */

/** A row plus the values its keyset cursor carries. */
export interface Keyed<T> {
  item: T;
  key: CursorValue[];
}

/** The tables whose rows the catalog's generic writes (slugs, existence, delete) address by name. */
export type CatalogTable = "sectors" | "brands" | "products";

/** "…T12:00:00.123456Z" (cursor text, see cursorTimestamp) → "…T12:00:00.123Z", the shape Date#toISOString gives everywhere else. */
export const isoMillis = (micros: string) => `${micros.slice(0, 23)}Z`;

/**
 * `:idOrSlug` lookups: the condition and, for UUID-shaped values, the order that makes the id win. A
 * non-UUID string never reaches a uuid comparison (PostgreSQL would reject the cast); a UUID-shaped
 * value also matches a slug, the id winning if both exist.
 */
export function idOrSlugMatch(idColumn: AnyColumn | SQL, slugColumn: AnyColumn | SQL, value: string): { where: SQL; order?: SQL } {
  if (!looksLikeUuid(value)) return { where: sql`${slugColumn} = ${value}` };
  return { where: sql`(${idColumn} = ${value}::uuid or ${slugColumn} = ${value})`, order: sql`(${idColumn} = ${value}::uuid) desc` };
}

/** The same lookup as a raw-SQL tail: `where … [order by …] limit 1`. */
export function byIdOrSlug(idColumn: SQL, slugColumn: SQL, value: string): SQL {
  const match = idOrSlugMatch(idColumn, slugColumn, value);
  return match.order ? sql`where ${match.where} order by ${match.order} limit 1` : sql`where ${match.where} limit 1`;
}

export const allOf = (conditions: SQL[]) => (conditions.length ? sql.join(conditions, sql` and `) : sql`true`);

/** Values per IN-list of a lookup statement. */
export const LOOKUP_BATCH = 1_000;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
