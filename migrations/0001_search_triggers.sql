-- Full-text search over product name, description and brand name (the `q` filter of the product list).
-- The brand name lives in another table, so a generated column cannot hold it; triggers keep
-- products.search_vector current when a product changes or its brand is renamed.
CREATE OR REPLACE FUNCTION products_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A') ||
    setweight(to_tsvector('english', coalesce((SELECT b.name FROM brands b WHERE b.id = NEW.brand_id), '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER products_search_vector_trg
  BEFORE INSERT OR UPDATE OF name, description, brand_id ON products
  FOR EACH ROW EXECUTE FUNCTION products_search_vector_refresh();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION brands_name_propagate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name IS DISTINCT FROM OLD.name THEN
    -- Touching name re-runs products_search_vector_trg for every product of the brand.
    UPDATE products SET name = name WHERE brand_id = NEW.id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER brands_name_propagate_trg
  AFTER UPDATE OF name ON brands
  FOR EACH ROW EXECUTE FUNCTION brands_name_propagate();
