/**
 * Dollars typed by an admin ↔ integer cents, exactly: the text is split at the decimal point and read as
 * two integers, never through a float (Number("0.29") * 100 is 28.999…).
 */

export type DollarsParse = { ok: true; cents: number } | { ok: false; message: string };

/** What a price input accepts: "12", "12.5", "12.50", ".99", "$1,299.99" (commas only as thousands separators). */
const DOLLARS = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{0,2}))?$/;

/** "1,299.99" → 129999; blank or malformed text → a message for the field. */
export function parseDollars(input: string): DollarsParse {
  const text = input.trim().replace(/^\$\s*/, "");
  if (text === "") return { ok: false, message: "Enter a price" };
  if (text.startsWith("-")) return { ok: false, message: "The price can't be negative" };
  const match = DOLLARS.exec(text);
  if (!match || (match[1] === undefined && !match[2])) {
    if (/^[\d,]*\.\d{3,}$/.test(text)) return { ok: false, message: "Use at most 2 decimal places (cents)" };
    return { ok: false, message: "Enter the price in dollars, like 4.99" };
  }
  const whole = (match[1] ?? "0").replaceAll(",", "");
  if (whole.length > 9) return { ok: false, message: "That price is too large" };
  const fraction = (match[2] ?? "").padEnd(2, "0");
  return { ok: true, cents: Number(whole) * 100 + Number(fraction) };
}

/** 129999 → "1299.99"; 500 → "5.00" (what the input shows when editing). */
export function centsToDollarsText(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return `${whole}.${String(rest).padStart(2, "0")}`;
}
