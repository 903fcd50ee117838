import { useEffect, useState } from "react";
import { useLocation, useSearch } from "wouter";
import { OrderDetail } from "@client/features/orders/components/order-detail";

/**
 * /orders/:id — `?placed=1` (set by checkout) shows the thank-you banner once: the flag is dropped from the URL
 * straight away (a reload or a shared link shows no banner), and the shopper can dismiss it.
 */
export default function OrderPage({ id }: { id: string }) {
  const placed = new URLSearchParams(useSearch()).get("placed") === "1";
  const [location, navigate] = useLocation();
  const [thanks, setThanks] = useState(placed);
  useEffect(() => {
    if (placed) navigate(location, { replace: true });
  }, [placed, location, navigate]);
  return <OrderDetail orderId={id} justPlaced={thanks} onDismissThanks={() => setThanks(false)} />;
}
