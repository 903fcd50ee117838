import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { roles, type Role } from "../contracts/auth";
import { createdAt, id, updatedAt, version } from "./columns";

// The contract's list, so the column's enum and the API's role schema cannot drift apart.
export { roles, type Role };

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: roles }).notNull().default("customer"),
    /** Access tokens issued before this instant are dead (logout, revoke, refresh-token reuse; issue 11 §8). */
    tokensValidAfter: timestamp("tokens_valid_after", { withTimezone: true }),
    /** TOTP secret, AES-256-GCM encrypted with a key derived from SESSION_SECRET; set at setup, kept while enabled. */
    mfaSecret: text("mfa_secret"),
    /** When TOTP was switched on; null = off (a secret without it is a setup waiting for its first code). */
    mfaEnabledAt: timestamp("mfa_enabled_at", { withTimezone: true }),
    /** The RFC 6238 time step of the last accepted code: a code is never accepted twice. */
    mfaLastStep: integer("mfa_last_step"),
    /** SHA-256 hashes of the unused recovery codes; one is removed when it is used. */
    mfaRecoveryCodes: text("mfa_recovery_codes").array().notNull().default([]),
    /** Set when the owner followed a verification link (issue 11); staff and admin roles need it. */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** Bumped by a trigger when name, e-mail or role change (issue 16 §3: If-Match on the admin user API). */
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Emails are stored lower-cased by the service; the unique index guards races.
    uniqueIndex("users_email_key").on(t.email),
    index("users_role_created_idx").on(t.role, t.createdAt, t.id),
    index("users_created_idx").on(t.createdAt),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
