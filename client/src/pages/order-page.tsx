import { useEffect, useState } from "react";
import { useLocation, useSearch } from "wouter";
import { OrderDetail } from "@client/features/orders/components/order-detail";

/**
 * /orders/:id — `?placed=1` (set by checkout) shows the thank-you banner once: the flag is dropped from the URL
 * straight away (a reload or a shared link shows no banner), and the shopper can dismiss it. `?access=` is a
 * guest's token from the confirmation mail (issue 11) and stays in the URL.
 */
export default function OrderPage({ id }: { id: string }) {
  const search = new URLSearchParams(useSearch());
  const placed = search.get("placed") === "1";
  const access = search.get("access") ?? undefined;
  const [location, navigate] = useLocation();
  const [thanks, setThanks] = useState(placed);
  useEffect(() => {
    if (placed) navigate(access ? `${location}?access=${encodeURIComponent(access)}` : location, { replace: true });
  }, [placed, access, location, navigate]);
  return <OrderDetail orderId={id} justPlaced={thanks} onDismissThanks={() => setThanks(false)} access={access} />;
}
