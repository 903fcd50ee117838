/** Longest generated base slug: leaves room for a "-<n>" suffix within the 120-character slug limit. */
const MAX_BASE_LENGTH = 100;

/**
 * A URL slug from a display name: lowercase ASCII letters and digits separated by single hyphens,
 * diacritics stripped ("Crème Brûlée" → "creme-brulee"). Names with nothing usable (only emoji,
 * say) fall back to `fallback`.
 */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // combining marks left by the decomposition
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[œŒ]/g, "oe")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_BASE_LENGTH)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** `base` if free, else the first free of base-2, base-3, … (`taken` holds base and every base-* slug in use). */
export function nextFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
