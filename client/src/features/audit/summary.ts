export interface SummaryLine {
  label: string;
  /** Set for before → after pairs. */
  before?: string;
  value: string;
}

const MAX_TEXT = 80;

function text(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const raw = typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
  return raw.length > MAX_TEXT ? `${raw.slice(0, MAX_TEXT - 1)}…` : raw;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * An audit summary as short lines: `before`/`after` objects become one "field: old → new" line per field,
 * every other key one "key: value" line.
 */
export function summaryLines(summary: Record<string, unknown>): SummaryLine[] {
  const lines: SummaryLine[] = [];
  const { before, after, ...rest } = summary;
  if (isRecord(before) || isRecord(after)) {
    const was = isRecord(before) ? before : {};
    const now = isRecord(after) ? after : {};
    for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
      lines.push({ label: key, before: text(was[key]), value: text(now[key]) });
    }
  } else {
    if (before !== undefined) rest.before = before;
    if (after !== undefined) rest.after = after;
  }
  for (const [key, value] of Object.entries(rest)) lines.push({ label: key, value: text(value) });
  return lines;
}
