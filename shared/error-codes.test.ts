import { describe, expect, it } from "vitest";
import { readErrorBody } from "./error-codes";
import { errorBody } from "./errors";

/** The SPA's zod-free reader and the contract's zod schema must accept and reject the same bodies. */
describe("readErrorBody", () => {
  const samples: unknown[] = [
    { error: { code: "not_found", message: "Product not found" } },
    { error: { code: "validation_failed", message: "Bad", details: [{ path: "a.0", message: "Must be at least 1" }], requestId: "r-1" } },
    { error: { code: "validation_failed", message: "Bad", details: [] } },
    { error: { code: "no_such_code", message: "x" } },
    { error: { code: "toString", message: "x" } },
    { error: { code: "not_found" } },
    { error: { code: "not_found", message: 3 } },
    { error: { code: "not_found", message: "x", details: [{ path: "a" }] } },
    { error: { code: "not_found", message: "x", details: "nope" } },
    { error: { code: "not_found", message: "x", requestId: 7 } },
    { error: "not_found" },
    { error: null },
    [],
    null,
    "text",
    42,
  ];

  it("when given any sample, then it accepts exactly what the zod schema accepts, with the same data", () => {
    for (const sample of samples) {
      const parsed = errorBody.safeParse(sample);
      expect(readErrorBody(sample), JSON.stringify(sample)).toEqual(parsed.success ? parsed.data : undefined);
    }
  });
});
