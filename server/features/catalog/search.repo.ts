import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { SuggestedRef } from "@shared/contracts/search";
import { executorOf, type Db, type TxScope } from "../../db";
import { containsPattern } from "../../lib/like";
import { AUTO_CORRECT_SCORE, correctionsOf, DID_YOU_MEAN_SCORE, productSearch, searchWords, type Corrections, type ProductSearch } from "./search-sql";

/**
 * The search statements that are not product lists (search-sql.ts, ADR 044): the vocabulary look-ups behind
 * typo correction and "did you mean", and the brand and sector look-ups of the suggest box.
 */

/**
 * Corrections per database, remembered for a minute: the vocabulary changes rarely, and a stale answer is harmless
 * (the query's own word is always searched too, a correction only adds an alternative). This spares the look-up
 * statement on repeated queries, a list's facets (same q, same request) and every further page.
 */
const CORRECTIONS_TTL_MS = 60_000;
const correctionCaches = new WeakMap<Db, LRUCache<string, Promise<Corrections>>>();

/** The corrections of misspelt words (search-sql.ts); no statement when no word is long enough to need one. */
function correctWords(db: Db, words: string[], minScore: number, tx?: TxScope): Promise<Corrections> {
  if (!words.some((w) => w.length >= 3)) return Promise.resolve(new Map());
  const load = async () => {
    const { rows } = await executorOf(db, tx).execute<{ i: string | number; fix: string | null }>(correctionsOf(words, minScore));
    return new Map(rows.filter((r) => r.fix !== null).map((r) => [Number(r.i), r.fix!])) as Corrections;
  };
  // Inside a transaction the look-up must see the transaction's own writes: no cache there.
  if (tx) return load();
  let cache = correctionCaches.get(db);
  if (!cache) correctionCaches.set(db, (cache = new LRUCache({ max: 2_000, ttl: CORRECTIONS_TTL_MS })));
  const key = `${minScore}:${words.join(" ")}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = load();
    cache.set(key, pending);
    // A failed look-up is not remembered: the next request asks again.
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

/** The product search for q: its words corrected against the catalog's vocabulary, then the SQL to match and rank. */
export async function analyzeSearch(db: Db, q: string, tx?: TxScope): Promise<ProductSearch> {
  return productSearch(q, await correctWords(db, searchWords(q), AUTO_CORRECT_SCORE, tx));
}

/** Brands and sectors are matched on their name: containing q, or close to it by trigram word similarity. */
type RefRow = { id: string; slug: string; name: string };

export function createSearchRepo(db: Db) {
  return {
    /** q respelt with the catalog's closest words (weaker matches than the automatic correction), or undefined. */
    async didYouMean(q: string): Promise<string | undefined> {
      const words = searchWords(q);
      const fixes = await correctWords(db, words, DID_YOU_MEAN_SCORE);
      if (fixes.size === 0) return undefined;
      return words.map((w, i) => fixes.get(i + 1) ?? w).join(" ");
    },

    /**
     * Active brands whose name contains q or is close to it (`<%`: word_similarity ≥ 0.6, pg_trgm's default;
     * both served by brands_name_trgm_idx), closest first.
     */
    async suggestBrands(q: string, take: number): Promise<SuggestedRef[]> {
      const { rows } = await db.execute<RefRow>(sql`
        select b.id, b.slug, b.name from brands b
        where b.status = 'active' and (b.name ilike ${containsPattern(q)} or ${q} <% b.name)
        order by word_similarity(${q}, b.name) desc, b.name, b.id
        limit ${take}`);
      return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name }));
    },

    /** Sectors the same way (a handful of rows: no index needed). */
    async suggestSectors(q: string, take: number): Promise<SuggestedRef[]> {
      const { rows } = await db.execute<RefRow>(sql`
        select s.id, s.slug, s.name from sectors s
        where s.name ilike ${containsPattern(q)} or ${q} <% s.name
        order by word_similarity(${q}, s.name) desc, s.name, s.id
        limit ${take}`);
      return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name }));
    },
  };
}
