import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns";

/**
 * Runtime settings admins change without a deploy (issue 16 §4): one row per flag, its JSON value. A missing row
 * means the flag's default (shared/contracts/settings.ts), so a new flag needs no data migration.
 */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});
