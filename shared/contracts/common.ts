import { z } from "zod";

export const uuid = z.uuid({ message: "Must be a valid id" });
export const slug = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Must contain only lowercase letters, digits and single hyphens");
/** Money in integer minor units; query strings arrive as text, hence coerce. */
export const cents = z.coerce.number().int("Must be a whole number of cents").min(0).max(100_000_000);
export const currency = z.string().regex(/^[A-Z]{3}$/, "Must be a 3-letter ISO 4217 code");
export const isoDateTime = z.string();

export const limit = z.coerce.number().int().min(1).max(100).default(24);
export const cursor = z.string().min(1).max(500);
/** The paging part of every list query (docs/api.md, Pagination). */
export const pageQuery = { limit, cursor: cursor.optional() };

export const pagination = z.object({ nextCursor: z.string().nullable(), hasMore: z.boolean() });
export type Pagination = z.infer<typeof pagination>;

export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), pagination });
export type ListOf<T> = { data: T[]; pagination: Pagination };

/** `?inStock=true` style booleans: only the literal words, so typos are a 400 rather than silently false. */
export const queryBoolean = z.enum(["true", "false"]).transform((v) => v === "true");

/**
 * `GET /sectors|brands|products/:id` takes the UUID or the slug. The parameter is named `id`, like the write routes'
 * `:id` on the same path, because OpenAPI 3.1 forbids two templated paths that differ only by parameter name.
 */
export const idOrSlugParams = z.object({ id: z.string().trim().min(1).max(120).meta({ description: "The UUID or the slug." }) });
export const idParams = z.object({ id: uuid });

/**
 * The row version of an admin-editable object (issue 16 §3, ADR 056): bumped on every change, sent back as the
 * strong `ETag` of `GET`, and expected in `If-Match` by `PATCH`/`DELETE` (a stale one is 412 `precondition_failed`).
 */
export const version = z.number().int().min(1);
/** `If-Match: "<version>"` (or the ETag of a GET, or `*`); optional, so clients that do not send it keep last-write-wins. */
export const ifMatchHeaders = z.object({
  "If-Match": z
    .string()
    .max(500)
    .optional()
    .meta({ description: 'The `ETag` of the version being changed (`"3"` or the GET\'s tag); a stale one is 412 `precondition_failed`.' }),
});
