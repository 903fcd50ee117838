CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "brands" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sectors" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Issue 16 §3 (ADR 056): every change of an admin-editable row bumps its version, whoever writes it (admin PATCH,
-- stock adjustment, checkout, CSV import, a brand rename re-indexing its products), so If-Match sees every write.
CREATE OR REPLACE FUNCTION row_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW IS DISTINCT FROM OLD THEN
    NEW.version := OLD.version + 1;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER sectors_version_trg BEFORE UPDATE ON sectors FOR EACH ROW EXECUTE FUNCTION row_version_bump();
--> statement-breakpoint
CREATE TRIGGER brands_version_trg BEFORE UPDATE ON brands FOR EACH ROW EXECUTE FUNCTION row_version_bump();
--> statement-breakpoint
CREATE TRIGGER products_version_trg BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION row_version_bump();
--> statement-breakpoint
-- Users change for many reasons (sign-in counters, MFA, tokens); only what an admin edits counts.
CREATE TRIGGER users_version_trg BEFORE UPDATE OF name, email, role ON users FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email OR OLD.role IS DISTINCT FROM NEW.role)
  EXECUTE FUNCTION row_version_bump();
