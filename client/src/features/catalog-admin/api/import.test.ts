import { describe, expect, it } from "vitest";
import { ApiError } from "@client/lib/api";
import { rowErrorsFromDetails } from "./import";

describe("rowErrorsFromDetails", () => {
  it("when a refused apply names cells, rows and lines, then each becomes a row error the preview table can show", () => {
    const error = new ApiError(422, "import_failed", "2 of 3 rows have errors; nothing was imported.", [
      { path: "row 12.priceCents", message: "Must be a whole number" },
      { path: "row 1", message: 'Missing column "slug"' },
      { path: "line 3", message: "Invalid closing quote" },
    ]);
    expect(rowErrorsFromDetails(error)).toEqual([
      { row: 12, column: "priceCents", message: "Must be a whole number" },
      { row: 1, column: "", message: 'Missing column "slug"' },
      { row: 0, column: "line 3", message: "Invalid closing quote" },
    ]);
  });

  it("when the failure is not an API error, then there are no row errors", () => {
    expect(rowErrorsFromDetails(new Error("offline"))).toEqual([]);
  });
});
