import { Link } from "wouter";
import { Container } from "@client/components/ui/layout";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <Container className="flex flex-col gap-3 py-8 text-sm text-stone-600 sm:flex-row sm:items-center sm:justify-between">
        <p>
          <span className="font-semibold text-stone-800">FruitfulPlanet</span> · open-source commerce, grown in the open.
        </p>
        <nav aria-label="Footer">
          <ul className="flex gap-5">
            <li>
              <Link href="/" className="hover:text-brand-800 hover:underline">
                Home
              </Link>
            </li>
            <li>
              <Link href="/search" className="hover:text-brand-800 hover:underline">
                All products
              </Link>
            </li>
          </ul>
        </nav>
      </Container>
    </footer>
  );
}
