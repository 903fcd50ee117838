import { Lock } from "lucide-react";
import { Link } from "wouter";
import { buttonClasses } from "./button";

/** The 403 screen: signed in, but this page needs another role. */
export function ForbiddenState({
  message = "Your account doesn't have the role this page needs. If you think it should, ask an administrator.",
}: {
  message?: string;
}) {
  return (
    <section aria-labelledby="forbidden-title" className="mx-auto flex max-w-xl flex-col items-center gap-4 py-16 text-center">
      <title>Access denied · FruitfulPlanet</title>
      <Lock aria-hidden="true" className="size-14 text-brand-700" strokeWidth={1.5} />
      <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">403</p>
      <h1 id="forbidden-title" className="text-3xl font-bold tracking-tight text-stone-900">
        You don't have access to this page
      </h1>
      <p className="text-stone-600">{message}</p>
      <Link href="/" className={buttonClasses({ className: "mt-2" })}>
        Back to the shop
      </Link>
    </section>
  );
}
