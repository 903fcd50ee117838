import { describe, expect, it } from "vitest";
import { parseProductCsv } from "./catalog-csv";
import { groupBySlug } from "./product-csv-variants";

const header = "slug,name,priceCents,currency,stock,status,brandSlug";
const messages = (...rows: string[]) => parseProductCsv([header, ...rows].join("\n")).errors.map((e) => e.message);

describe("CSV import messages", () => {
  it("when a status is not one of the allowed values, then the message names the row, the column, the value and the choices", () => {
    expect(messages("apple,Apple,100,USD,1,published,acme")).toEqual(['Row 2, column "status": "published" is not allowed. Use one of: active, archived.']);
  });

  it("when a required cell is empty, then it says the cell is empty and what to enter (not a type error)", () => {
    const [message] = messages(",Apple,100,USD,1,active,acme");
    expect(message).toBe('Row 2, column "slug" is empty. Enter a value: lowercase letters, digits and single hyphens, e.g. "red-apple".');
  });

  it("when a number or code is malformed, then it shows the cell and an example of a good one", () => {
    expect(messages("apple,Apple,12.50,USD,1,active,acme")).toEqual([
      'Row 2, column "priceCents": "12.50" is not valid. Expected a whole number of cents, e.g. 1999 for 19.99.',
    ]);
    expect(messages("apple,Apple,100,eur,1,active,acme")).toEqual([
      'Row 2, column "currency": "eur" is not valid. Expected a 3-letter currency code in capitals, e.g. "USD" or "EUR".',
    ]);
    expect(messages("apple,Apple,100,USD,-2,active,acme")).toEqual(['Row 2, column "stock": -2 is too small; the lowest allowed is 0.']);
  });

  it("when a slug repeats without option columns, then the later row says which row already has it", () => {
    const parsed = parseProductCsv([header, "apple,Apple,100,USD,1,active,acme", "apple,Apple 2,100,USD,1,active,acme"].join("\n"));
    const errors = [...parsed.errors];
    groupBySlug(parsed.valid, errors);
    expect(errors.map((e) => e.message)).toEqual([
      'Row 3, column "slug": "apple" is already used by row 2; a product without options has one row (variants need option columns).',
    ]);
  });

  it("no message reads like a developer's (no zod wording, no quoted type names)", () => {
    const all = messages("Bad Slug,,x,usd,-1,draft,", "ok,Fine,1,USD,1,active,acme");
    expect(all.length).toBeGreaterThan(3);
    for (const message of all) {
      expect(message).toMatch(/^Row \d+, column "[a-zA-Z]+"/);
      expect(message).not.toMatch(/expected one of|Invalid (option|input)|received undefined/i);
    }
  });
});
