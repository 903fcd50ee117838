/** Creating Intl formatters is slow; one per locale+currency is enough. */
const moneyFormatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ""}|${currency}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale ?? "en-US", { style: "currency", currency });
    moneyFormatters.set(key, formatter);
  }
  return formatter;
}

/** Integer minor units → "$12.34" (the currency's own minor digits, so JPY 500 is "¥500"). */
export function formatMoney(minorUnits: number, currency = "USD", locale?: string): string {
  const formatter = moneyFormatter(currency, locale);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorUnits / 10 ** digits);
}

const countFormatter = new Intl.NumberFormat("en-US");
export const formatCount = (value: number): string => countFormatter.format(value);

/** "1 product" / "2,000 products". */
export const pluralize = (count: number, singular: string, plural = `${singular}s`): string => `${formatCount(count)} ${count === 1 ? singular : plural}`;

/** Dollars typed by a shopper ("12.5") → cents (1250); undefined when blank or not a non-negative number. */
export function dollarsToCents(input: string): number | undefined {
  const text = input.trim();
  if (!/^\d+(\.\d{0,2})?$/.test(text)) return undefined;
  return Math.round(Number(text) * 100);
}

/** Cents → the dollars a price input shows ("12.5" → "12.50", 1200 → "12"). */
export function centsToDollars(cents: number | undefined): string {
  if (cents === undefined) return "";
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
