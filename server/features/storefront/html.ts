/**
 * Text that the server writes into HTML it did not build itself: catalog names and descriptions are
 * admin input, so every value is escaped for where it lands.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** For text content and double- or single-quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/**
 * A JSON-LD block. JSON.stringify alone is not enough inside <script>: a name holding `</script>` (or
 * `<!--`) would end the element early and let the rest run as markup. Escaping <, > and & as \u00XX keeps
 * the JSON identical for a parser and leaves the HTML tokenizer nothing to find; U+2028/2029 are escaped
 * for the older JavaScript parsers that treat them as line ends.
 */
export function jsonLdScript(data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `<script type="application/ld+json">${json}</script>`;
}

/** At most `max` characters, cut at a word boundary with an ellipsis (meta descriptions). */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}
