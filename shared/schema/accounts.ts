import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { sealedText } from "../sealed-columns";
import { users } from "./users";

/** What an account token proves when it comes back: a password reset, an e-mail verification or an e-mail change. */
export const accountTokenPurposes = ["password_reset", "email_verify", "email_change"] as const;

/** Single-use tokens mailed to a person (issue 11): only their SHA-256 is stored. */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: accountTokenPurposes }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The address being verified (e-mail verification and change): a token for an older address proves nothing. */
    email: text("email"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("account_tokens_user_purpose_idx").on(t.userId, t.purpose, t.createdAt)],
);

/** Saved shipping addresses; at most one default per user (partial unique index). */
export const addresses = pgTable(
  "addresses",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Sealed at rest (issue 16 §5, ADR 058): each field is AES-GCM ciphertext under a key id; see sealed.ts.
    name: sealedText("name", "addresses.name").notNull(),
    line1: sealedText("line1", "addresses.line1").notNull(),
    line2: sealedText("line2", "addresses.line2"),
    city: sealedText("city", "addresses.city").notNull(),
    postalCode: sealedText("postal_code", "addresses.postal_code").notNull(),
    country: sealedText("country", "addresses.country").notNull(),
    phone: sealedText("phone", "addresses.phone"),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("addresses_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("addresses_one_default_idx")
      .on(t.userId)
      .where(sql`${t.isDefault}`),
  ],
);
