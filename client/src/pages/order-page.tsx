import { useSearch } from "wouter";
import { OrderDetail } from "@client/features/orders/components/order-detail";

/** /orders/:id — `?placed=1` (set by checkout) adds the thank-you banner; `?access=` opens a guest order. */
export default function OrderPage({ id }: { id: string }) {
  const search = new URLSearchParams(useSearch());
  const justPlaced = search.get("placed") === "1";
  // `?access=` is a guest's token from the confirmation mail (issue 11).
  return <OrderDetail orderId={id} justPlaced={justPlaced} access={search.get("access") ?? undefined} />;
}
