import { ShoppingBasket } from "lucide-react";
import { Link } from "wouter";
import { buttonClasses } from "@client/components/ui/button";
import { EmptyState } from "@client/components/ui/empty-state";

/** The cart and checkout pages with nothing in the cart: what to do next, and a way to start shopping. */
export function EmptyCart({ description }: { description: string }) {
  return (
    <EmptyState
      icon={ShoppingBasket}
      title="Your cart is empty"
      description={description}
      action={
        <Link href="/search" className={buttonClasses()}>
          Start shopping
        </Link>
      }
    />
  );
}
