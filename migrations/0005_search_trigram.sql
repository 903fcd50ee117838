-- Search that forgives typos (ADR 044). pg_trgm is a trusted contrib extension on PostgreSQL ≥ 13 (the database
-- owner may create it) and ships with PGlite (server/db loads it there).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- The vocabulary a misspelt query word is corrected against: every word of product, brand and sector names.
-- Kept outside the Drizzle schema like the search triggers (only catalog repos read it, through raw SQL).
-- Words are only added: a word left behind by a rename or delete costs a wasted correction, never a wrong match.
CREATE TABLE IF NOT EXISTS search_words (
  word text PRIMARY KEY
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);
--> statement-breakpoint
-- Brand look-ups of the suggest endpoint (`word_similarity(q, name)` via the <% operator).
CREATE INDEX IF NOT EXISTS brands_name_trgm_idx ON brands USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_words_of(name text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(lower(name), '[^[:alnum:]]+') AS w
  WHERE length(w) BETWEEN 3 AND 40 AND w ~ '[[:alpha:]]'
$$;
--> statement-breakpoint
-- Bulk inserts (seed, CSV import) learn their words once per statement, through the transition table.
CREATE OR REPLACE FUNCTION search_words_learn_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
    SELECT DISTINCT w FROM inserted_rows r, search_words_of(r.name) AS w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Renames are rare and row by row; the WHEN clause keeps stock updates (every checkout) away from here.
CREATE OR REPLACE FUNCTION search_words_learn_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word) SELECT w FROM search_words_of(NEW.name) AS w ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER products_search_words_ins AFTER INSERT ON products
  REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_learn_inserted();
--> statement-breakpoint
CREATE TRIGGER products_search_words_upd AFTER UPDATE OF name ON products
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION search_words_learn_renamed();
--> statement-breakpoint
CREATE TRIGGER brands_search_words_ins AFTER INSERT ON brands
  REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_learn_inserted();
--> statement-breakpoint
CREATE TRIGGER brands_search_words_upd AFTER UPDATE OF name ON brands
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION search_words_learn_renamed();
--> statement-breakpoint
CREATE TRIGGER sectors_search_words_ins AFTER INSERT ON sectors
  REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_learn_inserted();
--> statement-breakpoint
CREATE TRIGGER sectors_search_words_upd AFTER UPDATE OF name ON sectors
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION search_words_learn_renamed();
--> statement-breakpoint
INSERT INTO search_words (word)
  SELECT DISTINCT w FROM (SELECT name FROM products UNION ALL SELECT name FROM brands UNION ALL SELECT name FROM sectors) n, search_words_of(n.name) AS w
  ON CONFLICT DO NOTHING;
