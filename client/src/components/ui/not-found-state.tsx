import { Leaf } from "lucide-react";
import { Link } from "wouter";
import { buttonClasses } from "./button";

/** Friendly screen for unknown routes and for API 404s (a product or sector that does not exist). */
export function NotFoundState({
  title = "Page not found",
  message = "We couldn't find what you were looking for. It may have moved or sold out for good.",
}: {
  title?: string;
  message?: string;
}) {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto flex max-w-xl flex-col items-center gap-4 py-16 text-center">
      <title>{`${title} · FruitfulPlanet`}</title>
      <Leaf aria-hidden="true" className="size-14 text-brand-700" strokeWidth={1.5} />
      <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">404</p>
      <h1 id="not-found-title" className="text-3xl font-bold tracking-tight text-stone-900">
        {title}
      </h1>
      <p className="text-stone-600">{message}</p>
      <div className="mt-2 flex flex-wrap justify-center gap-3">
        <Link href="/" className={buttonClasses()}>
          Back to the shop
        </Link>
        <Link href="/search" className={buttonClasses({ variant: "secondary" })}>
          Browse all products
        </Link>
      </div>
    </section>
  );
}
