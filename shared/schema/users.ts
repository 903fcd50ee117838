import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { roles, type Role } from "../contracts/auth";
import { createdAt, id, updatedAt } from "./columns";

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
    /** Set when the owner followed a verification link (issue 11); staff and admin roles need it. */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
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
