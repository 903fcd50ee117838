import { freshProduce } from "./catalog-words/fresh-produce";
import { pantry } from "./catalog-words/pantry";
import { kitchen } from "./catalog-words/kitchen";
import { homeGarden } from "./catalog-words/home-garden";
import { outdoors } from "./catalog-words/outdoors";
import { wellness } from "./catalog-words/wellness";
import { electronics } from "./catalog-words/electronics";
import { booksGames } from "./catalog-words/books-games";
import { kids } from "./catalog-words/kids";
import { pets } from "./catalog-words/pets";

/**
 * Hand-written vocabulary for the demo catalog (demo-catalog.ts turns it into rows).
 * Product names are built as "<modifier> <noun>, <variant>"; every brand draws only from the
 * product types it focuses on, so names fit the brand and the sector.
 */

export interface ProductTypeWords {
  key: string;
  modifiers: readonly string[];
  /** Appended after the modifier; omit when the modifier already names the product. */
  nouns?: readonly string[];
  /** Sizes, colours, packs…; listed from cheapest to dearest (later variants cost more). */
  variants?: readonly string[];
  /** Whole-dollar price range of the type. */
  price: readonly [min: number, max: number];
  /** First sentence of every description of this type. */
  about: string;
}

export interface BrandWords {
  name: string;
  description: string;
  /** Keys of the sector's product types this brand makes. */
  focus: readonly string[];
}

export interface SectorWords {
  slug: string;
  name: string;
  description: string;
  emoji: string;
  brands: readonly BrandWords[];
  types: readonly ProductTypeWords[];
  /** Optional later sentences of product descriptions; "{brand}" is replaced by the brand name. */
  extras: readonly string[];
}

/** Every sector's vocabulary, one file per sector under catalog-words/, in the demo catalog's order. */
export const CATALOG_WORDS: readonly SectorWords[] = [freshProduce, pantry, kitchen, homeGarden, outdoors, wellness, electronics, booksGames, kids, pets];
