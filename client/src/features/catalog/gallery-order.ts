/**
 * The product page's gallery order for the shopper's choice (ADR 068): pictures bound to one of the chosen
 * option values come first (in their gallery order), then the rest. Unbound pictures show every variant.
 */
export function galleryOrder<M extends { optionValue: { name: string; value: string } | null }>(media: readonly M[], chosen: Record<string, string>): M[] {
  const shows = (m: M) => m.optionValue !== null && chosen[m.optionValue.name] === m.optionValue.value;
  return [...media.filter(shows), ...media.filter((m) => !shows(m))];
}
