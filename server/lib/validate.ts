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

/** Validates a value against a shared contract schema or throws 400 validation_failed. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: "body" | "query" | "params"): z.output<S> {
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
