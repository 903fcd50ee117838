import type { z } from "zod";

/**
 * CSV import errors are read by shop staff in a spreadsheet, not by developers: each names the row, the column,
 * what the cell holds and what would be accepted ("Row 7, column "status": "published" is not allowed. Use one of: active, archived.").
 */

/** What a good cell looks like, per column, for the messages whose rule alone says too little. */
const examples: Record<string, string> = {
  slug: 'lowercase letters, digits and single hyphens, e.g. "red-apple"',
  brandSlug: 'the slug of an existing brand, e.g. "acme"',
  priceCents: "a whole number of cents, e.g. 1999 for 19.99",
  stock: "a whole number of units, 0 or more",
  currency: 'a 3-letter currency code in capitals, e.g. "USD" or "EUR"',
  imageUrl: "a full web address starting with https://",
};

const quote = (value: string) => `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;

/** Where the problem is, as a spreadsheet user finds it. */
export const cellPlace = (row: number, column: string): string => (column ? `Row ${row}, column "${column}"` : `Row ${row}`);

/** One zod issue on one cell → a plain sentence naming the row, the column, the cell's value and the allowed values. */
export function csvCellMessage(row: number, column: string, issue: z.core.$ZodIssue, value: unknown): string {
  const place = cellPlace(row, column);
  const cell = typeof value === "string" ? value.trim() : "";
  const hint = examples[column];
  const expected = hint ? ` Expected ${hint}.` : "";
  if (cell === "" && (issue.code === "invalid_type" || (issue.code === "too_small" && issue.origin === "string"))) {
    return `${place} is empty. Enter a value${hint ? `: ${hint}` : ""}.`;
  }
  switch (issue.code) {
    case "invalid_value":
      return `${place}: ${quote(cell)} is not allowed. Use one of: ${issue.values.map(String).join(", ")}.`;
    case "too_small":
      return issue.origin === "string"
        ? `${place}: ${quote(cell)} is too short; it needs at least ${String(issue.minimum)} characters.`
        : `${place}: ${cell} is too small; the lowest allowed is ${String(issue.minimum)}.`;
    case "too_big":
      return issue.origin === "string"
        ? `${place} is too long: at most ${String(issue.maximum)} characters are allowed.`
        : `${place}: ${cell} is too large; the highest allowed is ${String(issue.maximum)}.`;
    case "unrecognized_keys":
      return `Row ${row} has a cell in the unknown column ${issue.keys.map(quote).join(", ")}.`;
    default:
      // Format rules (whole number, slug shape, URL, currency code): the cell and what it should look like.
      return `${place}: ${quote(cell)} is not valid.${expected || ` ${issue.message}.`}`;
  }
}
