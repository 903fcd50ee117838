/** Creating Intl formatters is slow: one of each, in the browser's own locale and time zone. */
const dateFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const timeFormatter = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

const parse = (iso: string): Date | undefined => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** "Mar 4, 2026" (the reader's locale); the raw text back when it is not a date. */
export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? dateFormatter.format(date) : iso;
}

/** "2:05:09 PM" (the reader's locale and time zone). */
export function formatTime(iso: string): string {
  const date = parse(iso);
  return date ? timeFormatter.format(date) : iso;
}
