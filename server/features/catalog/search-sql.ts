import { sql, type SQL } from "drizzle-orm";

/**
 * The SQL of the product search `q` (ADR 044): full-text ranking (ADR 003) made forgiving.
 *
 * A query is split into words. Each word matches its own lexeme (stemmed, so "bags" finds "bag") or, when it
 * is not a word the catalog knows, a known word it starts or else the closest known word by trigram
 * similarity ("aple" → "apple", "clementnes" → "clementines"); the vocabulary is `search_words` (migration
 * 0004). The last word is also a prefix ("clem" finds clementines), as the shopper may still be typing it.
 *
 * All words must match; when no product in the shop matches them all, any word may ("tea bags": no product
 * mentions bags of tea, the tea is what the shopper wants), ranked by how much of the query matched.
 * Queries using web-search syntax (quotes, -exclusions) keep the strict websearch_to_tsquery meaning.
 *
 * The corrections take one small statement (correctionsOf, via search.repo) before the product statement.
 */

/** Words longer than this are not corrected (nothing in a catalog is that long; bounds the trigram work). */
const MAX_WORD = 40;
/** More words than this are ignored by the forgiving part (the strict part still reads the whole query). */
const MAX_WORDS = 8;
/**
 * Corrections: trigram similarity (0…1) plus a bonus when the first letter agrees (typos rarely hit the
 * first letter: "aple" means apple, not maple). At or above AUTO the correction is searched for; the
 * "did you mean" of a fruitless search accepts weaker ones.
 */
const FIRST_LETTER_BONUS = 0.1;
export const AUTO_CORRECT_SCORE = 0.4;
export const DID_YOU_MEAN_SCORE = 0.25;
/** pg_trgm.similarity_threshold's default: what `%` requires. */
const TRIGRAM_THRESHOLD = 0.3;

/** Lowercase letter/digit runs of the query, in order, at most MAX_WORDS. */
export function searchWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= MAX_WORD).slice(0, MAX_WORDS);
}

/** websearch_to_tsquery syntax beyond plain words: a phrase in quotes or an excluded -word. */
const usesWebSearchSyntax = (q: string) => /"|(^|\s)-[\p{L}\p{N}]/u.test(q);

const textArray = (words: string[]) =>
  sql`array[${sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[]`;

/** The correction score of vocabulary word `word` for query word `token` (both SQL expressions). */
export const correctionScore = (word: SQL, token: SQL) =>
  sql`(similarity(${word}, ${token}) + case when left(${word}, 1) = left(${token}, 1) then ${sql.raw(String(FIRST_LETTER_BONUS))} else 0 end)`;

/**
 * The correction of each word (null when it has none), in query order. A word needs none when it is short, has
 * no letter, or is a known word. A word that starts known words is completed to the shortest of them ("chocolat"
 * → "chocolate": stemming treats the two differently); any other word gets its closest known word scoring at
 * least minScore. For scores that allow it, `%` (similarity ≥ 0.3, pg_trgm's default threshold) narrows the
 * candidates through search_words_trgm_idx; the weaker "did you mean" scan reads the whole vocabulary (only
 * fruitless searches ask, and their answers are cached).
 */
export function correctionsOf(words: string[], minScore: number): SQL {
  // OFFSET 0 keeps the filter below the look-ups: only unknown words are looked up. COALESCE stops at the first.
  return sql`
    select t.word, t.i, coalesce(
      (select k.word from search_words k where k.word like t.word || '%' order by length(k.word), k.word limit 1),
      (select w.word from search_words w
        where ${minScore >= TRIGRAM_THRESHOLD ? sql`w.word % t.word and ` : sql``}${correctionScore(sql`w.word`, sql`t.word`)} >= ${minScore}
        order by ${correctionScore(sql`w.word`, sql`t.word`)} desc, length(w.word), w.word
        limit 1)
    ) as fix
    from (
      select u.word, u.i from unnest(${textArray(words)}) with ordinality as u(word, i)
      where length(u.word) >= 3 and u.word ~ '[[:alpha:]]' and not exists (select 1 from search_words k where k.word = u.word)
      offset 0
    ) t`;
}

/** The correction of each query word that has one (by the word's position, 1-based): correctionsOf's rows. */
export type Corrections = ReadonlyMap<number, string>;

/**
 * to_tsquery text for the words joined by `op`: each word as `'word' | 'fix'`, the last one as prefixes.
 * Words are letter/digit runs (searchWords), so they need no escaping inside the quotes.
 */
export function tsqueryText(words: string[], corrections: Corrections, op: "&" | "|"): string {
  return words
    .map((word, i) => {
      const star = i === words.length - 1 ? ":*" : "";
      const fix = corrections.get(i + 1);
      return fix ? `('${word}'${star} | '${fix}'${star})` : `'${word}'${star}`;
    })
    .join(` ${op} `);
}

/** The search of one `q` over a products row's search vector: what matches and how it ranks. */
export interface ProductSearch {
  matches(vector: SQL): SQL;
  /** A float, higher is better (only meaningful for rows that match). */
  rank(vector: SQL): SQL;
}

/**
 * The search for q given its words' corrections. to_tsquery('english', constant) is immutable, so PostgreSQL
 * folds each query to a constant at planning: the GIN index serves it and no row re-derives it. The
 * all-or-any decision is an uncorrelated exists(), evaluated once per statement.
 */
export function productSearch(q: string, corrections: Corrections): ProductSearch {
  const strict = sql`websearch_to_tsquery('english', ${q})`;
  const words = searchWords(q);
  if (words.length === 0 || usesWebSearchSyntax(q)) {
    return { matches: (v) => sql`${v} @@ ${strict}`, rank: (v) => sql`ts_rank(${v}, ${strict})` };
  }
  const all = sql`to_tsquery('english', ${tsqueryText(words, corrections, "&")})`;
  const any = sql`to_tsquery('english', ${tsqueryText(words, corrections, "|")})`;
  const wholeQueryMatches = sql`exists (select 1 from products x where x.status = 'active' and (x.search_vector @@ ${strict} or x.search_vector @@ ${all}))`;
  return {
    matches: (v) => sql`(${v} @@ ${strict} or ${v} @@ ${all} or (${v} @@ ${any} and not ${wholeQueryMatches}))`,
    // The exact words weigh most, then the forgiving whole query, then each word that matched.
    rank: (v) => sql`(2 * ts_rank(${v}, ${strict}) + ts_rank(${v}, ${all}) + ts_rank(${v}, ${any}))`,
  };
}
