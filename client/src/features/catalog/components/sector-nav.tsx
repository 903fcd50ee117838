import { Link, useRoute } from "wouter";
import { useSectors } from "../api/sectors";

/** The header's row of sector links; quietly absent while loading or if sectors fail (the home grid shows the error). */
export function SectorNav() {
  const sectors = useSectors();
  const [, params] = useRoute<{ slug: string }>("/sectors/:slug");
  if (!sectors.data?.length) return <div className="h-11" aria-hidden="true" />;
  return (
    <nav aria-label="Sectors">
      <ul className="-mx-1 flex h-11 items-center gap-1 overflow-x-auto px-1 [scrollbar-width:none]">
        {sectors.data.map((sector) => {
          const current = params?.slug === sector.slug;
          return (
            <li key={sector.id} className="shrink-0">
              <Link
                href={`/sectors/${sector.slug}`}
                aria-current={current ? "page" : undefined}
                className={`inline-flex items-center rounded-full px-3 py-1.5 text-sm font-medium transition-colors ${
                  current ? "bg-brand-700 text-white" : "text-stone-700 hover:bg-brand-50 hover:text-brand-800"
                }`}
              >
                {sector.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
