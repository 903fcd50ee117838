ALTER TABLE "products" ADD COLUMN "variants" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Issue 15 (ADR 079): the list reads products.variants instead of aggregating product_variants for every row.
-- The backfill leaves versions alone (no admin-visible change), so the version trigger is off for it.
ALTER TABLE "products" DISABLE TRIGGER "products_version_trg";--> statement-breakpoint
UPDATE "products" p SET "variants" = coalesce((
  SELECT jsonb_agg(jsonb_build_object('id', v.id, 'sku', v.sku, 'optionValues', v.option_values, 'priceCents', v.price_cents,
    'compareAtPriceCents', v.compare_at_price_cents, 'stock', v.stock) ORDER BY v.position, v.id)
  FROM "product_variants" v WHERE v.product_id = p.id), '[]'::jsonb);--> statement-breakpoint
ALTER TABLE "products" ENABLE TRIGGER "products_version_trg";--> statement-breakpoint
-- A new product's default variant (migration 0010) is decided before the row is written, so the row carries its
-- copy from the start (no second UPDATE, no second version); the AFTER trigger inserts that same variant.
CREATE OR REPLACE FUNCTION products_default_variant_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.variants := jsonb_build_array(jsonb_build_object(
    'id', gen_random_uuid(),
    'sku', CASE WHEN EXISTS (SELECT 1 FROM product_variants WHERE sku = NEW.slug) THEN NEW.slug || '-' || left(NEW.id::text, 8) ELSE NEW.slug END,
    'optionValues', '{}'::jsonb, 'priceCents', NEW.price_cents, 'compareAtPriceCents', NULL, 'stock', NEW.stock));
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER products_default_variant_copy_trg
  BEFORE INSERT ON products
  FOR EACH ROW EXECUTE FUNCTION products_default_variant_copy();--> statement-breakpoint
CREATE OR REPLACE FUNCTION products_default_variant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_variants (id, product_id, position, sku, option_values, price_cents, stock)
  VALUES ((NEW.variants->0->>'id')::uuid, NEW.id, 0, NEW.variants->0->>'sku', '{}'::jsonb, NEW.price_cents, NEW.stock);
  RETURN NULL;
END $$;
