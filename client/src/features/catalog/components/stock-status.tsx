/** At or below this many units we nudge the shopper with "Only N left". */
export const LOW_STOCK_THRESHOLD = 5;

export function stockLabel(stock: number): string {
  if (stock <= 0) return "Out of stock";
  if (stock <= LOW_STOCK_THRESHOLD) return `Only ${stock} left`;
  return "In stock";
}

export function StockStatus({ stock, size = "sm" }: { stock: number; size?: "sm" | "md" }) {
  const tone =
    stock <= 0
      ? "bg-stone-100 text-stone-700 ring-stone-300"
      : stock <= LOW_STOCK_THRESHOLD
        ? "bg-amber-50 text-amber-900 ring-amber-300"
        : "bg-brand-50 text-brand-800 ring-brand-200";
  const dot = stock <= 0 ? "bg-stone-400" : stock <= LOW_STOCK_THRESHOLD ? "bg-amber-500" : "bg-brand-500";
  const sizing = size === "md" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs";
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full font-medium ring-1 ring-inset ${tone} ${sizing}`}>
      <span aria-hidden="true" className={`size-1.5 rounded-full ${dot}`} />
      {stockLabel(stock)}
    </span>
  );
}
