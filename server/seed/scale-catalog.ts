import { productImagePath } from "../features/catalog/product-image";
import { createRng, DEMO_CATALOG_DEFAULTS, type DemoCatalog, type DemoProduct } from "./demo-catalog";

/**
 * A catalog of any size for scale tests (`npm run db:seed -- --products 100000`, issue 15 §5). The demo vocabulary
 * names about 2,000 distinct products; beyond that, each further product is a "lot" of a demo product: same brand,
 * words and price band (±15 %), its own slug, id, stock and creation time, so filters, sorts, facets and full-text
 * search see realistic distributions at 50× the size. Deterministic, like the demo catalog.
 */
export function scaleCatalog(base: DemoCatalog, total: number): DemoCatalog {
  if (total <= base.products.length) return { ...base, products: base.products.slice(0, total) };
  const rng = createRng(DEMO_CATALOG_DEFAULTS.seed + total);
  const epochMs = DEMO_CATALOG_DEFAULTS.epoch.getTime();
  const spreadS = DEMO_CATALOG_DEFAULTS.spreadDays * 86_400;
  const products: DemoProduct[] = [...base.products];
  for (let i = base.products.length; i < total; i++) {
    const source = base.products[i % base.products.length]!;
    const lot = Math.floor(i / base.products.length) + 1;
    const slug = `${source.slug}-lot-${lot}`;
    const roll = rng.next();
    const createdAt = new Date(epochMs - rng.int(0, spreadS - 1) * 1000);
    products.push({
      ...source,
      id: rng.uuid(),
      slug,
      name: `${source.name} (lot ${lot})`,
      priceCents: Math.max(1, Math.round(source.priceCents * (0.85 + rng.next() * 0.3))),
      stock: roll < 0.08 ? 0 : rng.int(1, 250),
      imageUrl: productImagePath(slug),
      createdAt,
      updatedAt: createdAt,
    });
  }
  return { ...base, products };
}

/** A one-line progress bar for a terminal (carriage return, no newline until done). */
export function progressBar(label: string, total: number, write: (text: string) => void = (t) => process.stdout.write(t)) {
  const started = performance.now();
  return (done: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    write(
      `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${seconds} s${done >= total ? "\n" : ""}`,
    );
  };
}
