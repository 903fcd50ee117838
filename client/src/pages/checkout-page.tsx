import { Breadcrumbs } from "@client/components/ui/breadcrumbs";
import { CheckoutView } from "@client/features/orders/components/checkout-view";

/** Guarded in App.tsx: signed-out shoppers go to /login?next=/checkout and come back here. */
export default function CheckoutPage() {
  return (
    <>
      <title>Checkout · FruitfulPlanet</title>
      <Breadcrumbs items={[{ label: "Cart", href: "/cart" }, { label: "Checkout" }]} />
      <h1 className="mb-6 text-3xl font-bold tracking-tight text-stone-900">Checkout</h1>
      <CheckoutView />
    </>
  );
}
