import { formatMoney } from "@client/lib/format";

export function Price({ cents, currency, className = "" }: { cents: number; currency: string; className?: string }) {
  return (
    <span data-testid="price" data-cents={cents} className={`font-semibold tabular-nums text-stone-900 ${className}`}>
      {formatMoney(cents, currency)}
    </span>
  );
}
