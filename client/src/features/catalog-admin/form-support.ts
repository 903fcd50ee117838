import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { isApiError } from "@client/lib/api";

/**
 * Plainer words for the shared schemas' generic messages ("Invalid input: expected number, received NaN"),
 * given to zodResolver as the per-parse error map. Messages the schemas spell out themselves
 * (the slug rule, say) still win: zod prefers a schema's own message.
 */
export const friendlyIssue = (issue: z.core.$ZodRawIssue): string | undefined => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "number") return "Enter a whole number";
      if (issue.input === undefined) return "This field is required";
      return undefined;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "This field is required";
      if (issue.origin === "number") return `Must be at least ${String(issue.minimum)}`;
      return undefined;
    case "too_big":
      if (issue.origin === "string") return `Use at most ${String(issue.maximum)} characters`;
      if (issue.origin === "number") return `Must be at most ${String(issue.maximum)}`;
      return undefined;
    default:
      return undefined;
  }
};

/**
 * One form for create and edit: the create schema checks a new object, the update schema (the same rules,
 * every field optional) an edit. Typed by the create schema's input (the form holds every field either way)
 * and the update schema's output (which covers both results).
 */
export function createOrUpdateResolver<C extends z.ZodType<FieldValues, FieldValues>, U extends z.ZodType<FieldValues, FieldValues>>(
  create: C,
  update: U,
  editing: boolean,
): Resolver<z.input<C>, unknown, z.output<U>> {
  const resolver = editing ? zodResolver(update, { error: friendlyIssue }) : zodResolver(create, { error: friendlyIssue });
  return resolver as unknown as Resolver<z.input<C>, unknown, z.output<U>>;
}

/**
 * A resolver whose message for an EMPTY field is the given one ("Choose a brand") instead of the schema's
 * rule for a filled one ("Must be a valid id").
 */
export function withEmptyMessages<I extends FieldValues, C, O>(
  resolver: Resolver<I, C, O>,
  messages: Partial<Record<keyof I & string, string>>,
): Resolver<I, C, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const errors = result.errors as Record<string, { message?: string } | undefined>;
    for (const [field, message] of Object.entries(messages)) {
      const value = (values as Record<string, unknown>)[field];
      const error = errors[field];
      if (error && (value === "" || value === undefined)) errors[field] = { ...error, message };
    }
    return { ...result, errors: errors as FieldErrors<I> } as Awaited<ReturnType<Resolver<I, C, O>>>;
  };
}

/** register() option for optional text that the schema wants absent rather than empty (slug): "" → undefined. */
export const emptyAsUndefined = { setValueAs: (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value) };

/** The fields an admin changed, for a PATCH that sends only those (the audit trail then shows only real changes). */
export function changedValues<T extends Record<string, unknown>>(values: T, dirty: Partial<Record<keyof T, unknown>>): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (dirty[key]) patch[key] = values[key];
  }
  return patch;
}

/**
 * A failed delete in plain words. 409 conflict means children are left; the server's sentence is fine,
 * but the console says what to do about it in its own words.
 */
export function deleteErrorMessage(error: unknown, conflictMessage: string): string {
  if (isApiError(error) && error.code === "conflict") return conflictMessage;
  if (isApiError(error) && error.status === 404) return "It was already deleted. Close this and the list will refresh.";
  return error instanceof Error ? error.message : "Something went wrong. Please try again.";
}
