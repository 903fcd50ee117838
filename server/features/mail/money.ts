/** Creating Intl formatters is slow; one per currency is enough. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/**
 * Integer minor units → "$1,234.56" in the currency's own minor digits (JPY 500 → "¥500"). The amount reaches
 * Intl as an exact decimal string, never as a float divided by 100.
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const formatter = formatterFor(currency);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const sign = minorUnits < 0 ? "-" : "";
  const units = String(Math.abs(minorUnits)).padStart(digits + 1, "0");
  const decimal = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  return formatter.format(`${sign}${decimal}` as Intl.StringNumericLiteral);
}
