import { CartView } from "@client/features/cart/components/cart-view";

export default function CartPage() {
  return (
    <>
      <title>Your cart · FruitfulPlanet</title>
      <h1 className="mb-6 text-3xl font-bold tracking-tight text-stone-900">Your cart</h1>
      <CartView />
    </>
  );
}
