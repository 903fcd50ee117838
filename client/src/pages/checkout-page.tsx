import { Breadcrumbs } from "@client/components/ui/breadcrumbs";
import { CheckoutView } from "@client/features/orders/components/checkout-view";

/** Open to everyone: a signed-out shopper checks out as a guest (issue 11) or signs in from the form. */
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
