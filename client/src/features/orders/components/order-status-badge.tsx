import type { OrderStatus } from "@shared/contracts/orders";
import { statusLabels } from "../order-status";

const tones: Record<OrderStatus, { badge: string; dot: string }> = {
  pending: { badge: "bg-amber-50 text-amber-900 ring-amber-300", dot: "bg-amber-500" },
  paid: { badge: "bg-sky-50 text-sky-900 ring-sky-300", dot: "bg-sky-500" },
  shipped: { badge: "bg-violet-50 text-violet-900 ring-violet-300", dot: "bg-violet-500" },
  delivered: { badge: "bg-brand-50 text-brand-900 ring-brand-300", dot: "bg-brand-600" },
  cancelled: { badge: "bg-stone-100 text-stone-700 ring-stone-300", dot: "bg-stone-400" },
};

/** The order's status as a coloured pill; the word carries the meaning, the colour only helps scanning. */
export function OrderStatusBadge({ status, size = "sm" }: { status: OrderStatus; size?: "sm" | "md" }) {
  const tone = tones[status];
  const sizing = size === "md" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs";
  return (
    <span
      data-testid="order-status"
      data-status={status}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full font-semibold ring-1 ring-inset ${tone.badge} ${sizing}`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${tone.dot}`} />
      {statusLabels[status]}
    </span>
  );
}
