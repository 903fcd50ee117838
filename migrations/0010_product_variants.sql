CREATE TABLE "product_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"sku" text NOT NULL,
	"option_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"price_cents" integer NOT NULL,
	"compare_at_price_cents" integer,
	"stock" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_variants_price_nonnegative" CHECK ("product_variants"."price_cents" >= 0),
	CONSTRAINT "product_variants_stock_nonnegative" CHECK ("product_variants"."stock" >= 0)
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "variant_id" uuid;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "sku" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "option_values" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "product_variants_sku_unique" ON "product_variants" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "product_variants_product_position_idx" ON "product_variants" USING btree ("product_id","position","id");--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Issue 12: every existing product becomes a single-variant product, its one default variant carrying the
-- product's current price and stock (the SKU is the slug: unique already). Order lines point at it.
INSERT INTO "product_variants" ("product_id", "position", "sku", "option_values", "price_cents", "stock")
SELECT "id", 0, "slug", '{}'::jsonb, "price_cents", "stock" FROM "products";--> statement-breakpoint
UPDATE "order_items" SET "variant_id" = v."id", "sku" = v."sku"
FROM "product_variants" v WHERE v."product_id" = "order_items"."product_id";
--> statement-breakpoint
-- Every product has at least one variant, whoever inserts it (the admin API, the CSV import, the demo seed,
-- test factories): a new product gets its default variant here, from its own price and stock. Writes that
-- bring their own variants replace it in the same transaction (ADR 050).
CREATE OR REPLACE FUNCTION products_default_variant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_variants (product_id, position, sku, option_values, price_cents, stock)
  VALUES (
    NEW.id, 0,
    CASE WHEN EXISTS (SELECT 1 FROM product_variants WHERE sku = NEW.slug) THEN NEW.slug || '-' || left(NEW.id::text, 8) ELSE NEW.slug END,
    '{}'::jsonb, NEW.price_cents, NEW.stock);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER products_default_variant_trg
  AFTER INSERT ON products
  FOR EACH ROW EXECUTE FUNCTION products_default_variant();
