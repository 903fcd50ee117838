import { describe, expect, it } from "vitest";
import { slug } from "@shared/contracts/common";
import { nextFreeSlug, slugify } from "./slugify";

describe("slugify", () => {
  it("when a name has capitals, spaces and punctuation, then the slug is lowercase words joined by single hyphens", () => {
    expect(slugify("  Big Apple -- Co.!  ", "x")).toBe("big-apple-co");
    expect(slugify("Fruit & Veg 2000", "x")).toBe("fruit-veg-2000");
  });

  it("when a name has diacritics and ligatures, then they are reduced to plain ASCII", () => {
    expect(slugify("Crème Brûlée", "x")).toBe("creme-brulee");
    expect(slugify("Straße Øl Æble Œuvre", "x")).toBe("strasse-ol-aeble-oeuvre");
    expect(slugify("ＦＵＬＬ width", "x")).toBe("full-width");
  });

  it("when a name has nothing usable, then the fallback is used", () => {
    expect(slugify("🍓🍓", "product")).toBe("product");
    expect(slugify("---", "brand")).toBe("brand");
  });

  it("when a name is very long, then the slug stays short enough for a suffix and never ends in a hyphen", () => {
    const generated = slugify(`${"ab ".repeat(80)}`, "x");
    expect(generated.length).toBeLessThanOrEqual(100);
    expect(generated.endsWith("-")).toBe(false);
    expect(slug.safeParse(`${generated}-999`).success).toBe(true);
  });

  it("when the base slug is taken, then the first free numbered suffix is chosen", () => {
    expect(nextFreeSlug("apple", new Set())).toBe("apple");
    expect(nextFreeSlug("apple", new Set(["apple"]))).toBe("apple-2");
    expect(nextFreeSlug("apple", new Set(["apple", "apple-2", "apple-3", "apple-pie"]))).toBe("apple-4");
    expect(nextFreeSlug("apple", new Set(["apple", "apple-3"]))).toBe("apple-2");
  });
});
