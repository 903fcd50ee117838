import type { Request } from "express";
import type { z } from "zod";
import { AppError } from "./app-error";

/** Turns zod issues into the contract's `details` ([{ path: "items.0.quantity", message }]). */
export function issuesToDetails(error: z.ZodError, prefix?: string) {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== "").join(".") || prefix || "",
    message: issue.message,
  }));
}

/** The path of the first string (or object key) holding a NUL character, if any. */
function findNul(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...path, key];
    const found = findNul(inner, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * Validates a value against a shared contract schema or throws 400 validation_failed.
 * No input may carry NUL: PostgreSQL text cannot store it (the query would fail with 500), and no name,
 * address, slug or search term needs it. Checked here once for every schema rather than in each one.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: "body" | "query" | "params"): z.output<S> {
  const nulAt = findNul(value);
  if (nulAt)
    throw new AppError("validation_failed", `The request ${where === "params" ? "path" : where} is invalid.`, [
      { path: nulAt.join("."), message: "Must not contain NUL characters" },
    ]);
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError("validation_failed", `The request ${where === "params" ? "path" : where} is invalid.`, issuesToDetails(result.error));
  }
  return result.data;
}

// The one validator routes use: parse what they need from the request, typed by the shared schema.
export const parseBody = <S extends z.ZodType>(schema: S, req: Request) => {
  if (req.body === undefined) throw new AppError("validation_failed", "A JSON request body is required.", [{ path: "", message: "Required" }]);
  return parseOrThrow(schema, req.body, "body");
};
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request) => parseOrThrow(schema, req.query, "query");
export const parseParams = <S extends z.ZodType>(schema: S, req: Request) => parseOrThrow(schema, req.params, "params");

/** Request headers named by the schema's keys ("Idempotency-Key"); an invalid one is a 400, never ignored. */
export function parseHeaders<S extends z.ZodObject>(schema: S, req: Request): z.output<S> {
  const values = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, req.get(name)]));
  const result = schema.safeParse(values);
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
    throw new AppError("validation_failed", `The ${names.join(", ")} header${names.length > 1 ? "s are" : " is"} invalid.`, issuesToDetails(result.error));
  }
  return result.data;
}
