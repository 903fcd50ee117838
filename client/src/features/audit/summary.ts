import { formatMoney } from "@client/lib/format";

export interface SummaryLine {
  label: string;
  /** Set for before → after pairs. */
  before?: string;
  value: string;
}

const MAX_TEXT = 80;

function text(value: unknown, key = "", currency = "USD"): string {
  if (value === null || value === undefined) return "—";
  // Money is stored in minor units: show it as the shop shows prices.
  if (key.endsWith("Cents") && typeof value === "number") return formatMoney(value, currency);
  const raw = typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
  return raw.length > MAX_TEXT ? `${raw.slice(0, MAX_TEXT - 1)}…` : raw;
}

/** "totalCents" → "total": the amount is already shown as money. */
const label = (key: string): string => (key.endsWith("Cents") ? key.slice(0, -5) : key);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * An audit summary as short lines: `before`/`after` objects become one "field: old → new" line per field,
 * every other key one "key: value" line.
 */
export function summaryLines(summary: Record<string, unknown>): SummaryLine[] {
  const lines: SummaryLine[] = [];
  const currency = typeof summary.currency === "string" ? summary.currency : "USD";
  const { before, after, ...rest } = summary;
  if (isRecord(before) || isRecord(after)) {
    const was = isRecord(before) ? before : {};
    const now = isRecord(after) ? after : {};
    for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
      lines.push({ label: label(key), before: text(was[key], key, currency), value: text(now[key], key, currency) });
    }
  } else {
    if (before !== undefined) rest.before = before;
    if (after !== undefined) rest.after = after;
  }
  for (const [key, value] of Object.entries(rest)) lines.push({ label: label(key), value: text(value, key, currency) });
  return lines;
}
