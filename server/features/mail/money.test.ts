import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

describe("formatMoney", () => {
  it("when given minor units, then it formats exact amounts in the currency's digits", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(0, "EUR")).toBe("€0.00");
    expect(formatMoney(500, "JPY")).toBe("¥500");
    expect(formatMoney(-1999, "USD")).toBe("-$19.99");
    // A float path would print 90071992547409.91 as ...9.92 or worse; the string path is exact.
    expect(formatMoney(9007199254740991, "USD")).toBe("$90,071,992,547,409.91");
  });
});
