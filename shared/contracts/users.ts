import { z } from "zod";
import { role, personName, user } from "./auth";
import { listOf, pageQuery } from "./common";

export const userListQuery = z
  .object({
    role: role.optional(),
    /** Case-insensitive substring of the email or the name. */
    q: z.string().trim().min(1).max(100).optional(),
    ...pageQuery,
  })
  .strict();
export type UserListQuery = z.input<typeof userListQuery>;
export type UserListFilters = z.output<typeof userListQuery>;

/** Admin edit: only these fields, never email or password (strict: anything else is a 400). */
export const userUpdate = z.object({ name: personName.optional(), role: role.optional() }).strict();
export type UserUpdate = z.infer<typeof userUpdate>;

export const userPage = listOf(user);
