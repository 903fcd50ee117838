import type { BrandRow, ProductRow, SectorRow } from "@shared/schema";
import { demoPicturePath, pictureFor } from "../features/media/demo-pictures";
import { slugify as slugifyName } from "../features/catalog/slugify";
import { CATALOG_WORDS, type ProductTypeWords, type SectorWords } from "./catalog-words";

/**
 * Deterministic demo catalog: the same options always give the same rows (ids and timestamps
 * included), so two seeded databases are identical and screenshots, e2e tests and benchmarks
 * see the same shop. Randomness comes only from a seeded PRNG, never Math.random().
 */

// The demo rows are the tables' own rows (brands take the default status; search vectors come from triggers).
// Products list the columns the generator fills: a column added later takes its default in the demo data.
export type DemoSector = Omit<SectorRow, "version">;
export type DemoBrand = Omit<BrandRow, "status" | "version">;
export type DemoProduct = Pick<
  ProductRow,
  "id" | "slug" | "name" | "description" | "priceCents" | "currency" | "stock" | "imageUrl" | "status" | "brandId" | "createdAt" | "updatedAt"
>;

export interface DemoCatalog {
  sectors: DemoSector[];
  brands: DemoBrand[];
  products: DemoProduct[];
}

export interface DemoCatalogOptions {
  seed?: number;
  productCount?: number;
  archivedCount?: number;
  /** Share of products with zero stock. */
  outOfStockRate?: number;
  /** Timestamps are offsets back from this instant, never from "now", so output does not drift. */
  epoch?: Date;
  /** Products are created within this many days before the epoch. */
  spreadDays?: number;
}

export const DEMO_CATALOG_DEFAULTS = {
  seed: 20_260_101,
  productCount: 2_000,
  archivedCount: 20,
  outOfStockRate: 0.08,
  epoch: new Date("2026-01-01T00:00:00.000Z"),
  spreadDays: 180,
} as const satisfies Required<DemoCatalogOptions>;

const DAY_MS = 86_400_000;

/** mulberry32: tiny, fast, good enough for demo data, and identical on every platform. */
export function createRng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  /** A version-4-shaped UUID drawn from the stream (deterministic, so rows are reproducible). */
  const uuid = () => {
    const hex = Array.from({ length: 16 }, () =>
      Math.floor(next() * 256)
        .toString(16)
        .padStart(2, "0"),
    );
    hex[6] = `4${hex[6]!.slice(1)}`;
    hex[8] = ((parseInt(hex[8]!, 16) & 0x3f) | 0x80).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, pick, shuffle, uuid };
}
export type Rng = ReturnType<typeof createRng>;

/** The server's slugify, with "&" spelled out and apostrophes dropped first ("Chef's Knife" → "chefs-knife"). */
export function slugify(text: string): string {
  return slugifyName(text.replace(/&/g, " and ").replace(/['’]/g, ""), "");
}

interface NameChoice {
  type: ProductTypeWords;
  name: string;
  /** The name without its variant, and the variant (a size, colour or pack): the picture follows both. */
  base: string;
  variant: string;
  /** 0 (cheapest variant) … 1 (dearest). */
  tier: number;
}

/** Every product name a brand can make from its focus types. */
function nameChoices(sector: SectorWords, focus: readonly string[]): NameChoice[] {
  const choices: NameChoice[] = [];
  for (const key of focus) {
    const type = sector.types.find((t) => t.key === key);
    if (!type) throw new Error(`catalog words: brand focus "${key}" is not a type of sector ${sector.slug}`);
    const nouns = type.nouns ?? [""];
    const variants = type.variants ?? [""];
    for (const modifier of type.modifiers)
      for (const noun of nouns)
        variants.forEach((variant, v) => {
          const base = [modifier, noun].filter(Boolean).join(" ");
          choices.push({ type, name: variant ? `${base}, ${variant}` : base, base, variant, tier: variants.length > 1 ? v / (variants.length - 1) : 0.5 });
        });
  }
  return choices;
}

/** Shop-like prices: $4.99, $12.49, $34.95, $149.00 … so equal prices occur naturally. */
function priceCents(rng: Rng, [min, max]: readonly [number, number], tier: number): number {
  // Dearer variants land higher in the type's range, with some overlap between neighbours.
  const position = Math.min(1, Math.max(0, tier * 0.75 + rng.next() * 0.35 - 0.05));
  const dollars = min + (max - min) * position;
  if (dollars < 20) return Math.max(1, Math.floor(dollars)) * 100 + rng.pick([99, 99, 49, 29, 79, 95]);
  if (dollars < 100) return Math.floor(dollars) * 100 + rng.pick([99, 99, 99, 95, 49, 0]);
  const rounded = Math.round(dollars / 10) * 10; // 149.99, 150.00, 149.00
  return rng.pick([rounded * 100 - 1, rounded * 100 - 1, rounded * 100, rounded * 100 - 100]);
}

function description(rng: Rng, sector: SectorWords, type: ProductTypeWords, brandName: string): string {
  const sentences = [type.about];
  const extras = rng.shuffle(sector.extras);
  const extraCount = rng.next() < 0.25 ? 0 : rng.next() < 0.6 ? 1 : 2; // 1–3 sentences in all
  for (const extra of extras.slice(0, extraCount)) sentences.push(extra.replaceAll("{brand}", brandName));
  return sentences.join(" ");
}

/** Splits total over weights so the parts sum exactly to total (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

export function generateDemoCatalog(options: DemoCatalogOptions = {}): DemoCatalog {
  const o = { ...DEMO_CATALOG_DEFAULTS, ...options };
  const rng = createRng(o.seed);
  const epochMs = o.epoch.getTime();
  const ago = (ms: number) => new Date(epochMs - ms);

  const sectors: DemoSector[] = [];
  const brands: DemoBrand[] = [];
  const brandPlans: { brand: DemoBrand; sector: SectorWords; choices: NameChoice[] }[] = [];

  CATALOG_WORDS.forEach((words, s) => {
    const createdAt = ago(365 * DAY_MS - s * 3_600_000);
    const sector: DemoSector = {
      id: rng.uuid(),
      slug: words.slug,
      name: words.name,
      description: words.description,
      emoji: words.emoji,
      createdAt,
      updatedAt: createdAt,
    };
    sectors.push(sector);
    for (const b of words.brands) {
      const brandCreated = ago((o.spreadDays + rng.int(5, 150)) * DAY_MS + rng.int(0, DAY_MS / 1000 - 1) * 1000);
      const brand: DemoBrand = {
        id: rng.uuid(),
        slug: slugify(b.name),
        name: b.name,
        description: b.description,
        sectorId: sector.id,
        createdAt: brandCreated,
        updatedAt: brandCreated,
      };
      brands.push(brand);
      brandPlans.push({ brand, sector: words, choices: nameChoices(words, b.focus) });
    }
  });

  // Brands differ in size (0.7×–1.3× the average) but every brand has products.
  const counts = apportion(
    o.productCount,
    brandPlans.map(() => 0.7 + rng.next() * 0.6),
  );
  const products: DemoProduct[] = [];
  const slugs = new Set<string>();
  brandPlans.forEach(({ brand, sector, choices }, b) => {
    const count = counts[b]!;
    if (count > choices.length) throw new Error(`catalog words: brand ${brand.name} needs ${count} product names but has only ${choices.length}`);
    for (const choice of rng.shuffle(choices).slice(0, count)) {
      const slug = `${brand.slug}-${slugify(choice.name)}`;
      if (slugs.has(slug)) throw new Error(`catalog words: duplicate product slug ${slug}`);
      slugs.add(slug);
      const roll = rng.next();
      const stock = roll < o.outOfStockRate ? 0 : roll < o.outOfStockRate + 0.07 ? rng.int(1, 9) : rng.int(10, 250);
      const createdAt = ago(rng.int(0, o.spreadDays * 86_400 - 1) * 1000);
      products.push({
        id: rng.uuid(),
        slug,
        name: choice.name,
        description: description(rng, sector, choice.type, brand.name),
        priceCents: priceCents(rng, choice.type.price, choice.tier),
        currency: "USD",
        stock,
        imageUrl: demoPicturePath(pictureFor(choice.base, choice.type.key, choice.variant)),
        status: "active",
        brandId: brand.id,
        createdAt,
        updatedAt: createdAt,
      });
    }
  });

  for (const index of rng.shuffle(products.map((_, i) => i)).slice(0, o.archivedCount)) products[index]!.status = "archived";

  return { sectors, brands, products };
}
