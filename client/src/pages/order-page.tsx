import { useSearch } from "wouter";
import { OrderDetail } from "@client/features/orders/components/order-detail";

/** /orders/:id — `?placed=1` (set by checkout) adds the thank-you banner. */
export default function OrderPage({ id }: { id: string }) {
  const justPlaced = new URLSearchParams(useSearch()).get("placed") === "1";
  return <OrderDetail orderId={id} justPlaced={justPlaced} />;
}
