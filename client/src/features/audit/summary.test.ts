import { describe, expect, it } from "vitest";
import { summaryLines } from "./summary";

describe("summaryLines", () => {
  it("when a summary has before and after objects, then each changed field is one old → new line", () => {
    expect(summaryLines({ email: "sam@example.test", before: { role: "customer" }, after: { role: "staff" } })).toEqual([
      { label: "role", before: "customer", value: "staff" },
      { label: "email", value: "sam@example.test" },
    ]);
  });

  it("when a summary has plain keys, then each is a key: value line and long values are shortened", () => {
    const lines = summaryLines({ method: "password", reason: "wrong_password", note: "x".repeat(200) });
    expect(lines.slice(0, 2)).toEqual([
      { label: "method", value: "password" },
      { label: "reason", value: "wrong_password" },
    ]);
    expect(lines[2]!.value).toHaveLength(80);
    expect(lines[2]!.value.endsWith("…")).toBe(true);
  });

  it("when a summary is empty, then there are no lines", () => {
    expect(summaryLines({})).toEqual([]);
  });
});

describe("summaryLines money", () => {
  it("when a key holds cents, then it is shown as money in the summary's currency under a plain label", () => {
    expect(summaryLines({ number: "FP-001042", totalCents: 20519, currency: "EUR" })).toEqual([
      { label: "number", value: "FP-001042" },
      { label: "total", value: "€205.19" },
      { label: "currency", value: "EUR" },
    ]);
  });
});
