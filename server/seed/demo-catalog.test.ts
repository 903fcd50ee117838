import { parseDemoPicture } from "../features/media/demo-pictures";
import { describe, expect, it } from "vitest";
import { createRng, generateDemoCatalog, slugify } from "./demo-catalog";

const catalog = generateDemoCatalog();
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("demo catalog generation", () => {
  it("when generated twice with the same options, then the rows are identical", () => {
    expect(generateDemoCatalog()).toEqual(catalog);
  });

  it("when generated with another seed, then the products differ", () => {
    const other = generateDemoCatalog({ seed: 7 });
    expect(other.products.map((p) => p.slug)).not.toEqual(catalog.products.map((p) => p.slug));
  });

  it("when generated, then it has at least 8 sectors, 60 brands and exactly 2,000 products", () => {
    expect(catalog.sectors.length).toBeGreaterThanOrEqual(8);
    expect(catalog.brands.length).toBeGreaterThanOrEqual(60);
    expect(catalog.products).toHaveLength(2000);
  });

  it("when generated, then every slug is well-formed and unique per table, and ids are unique UUIDs", () => {
    for (const rows of [catalog.sectors, catalog.brands, catalog.products]) {
      const slugs = rows.map((r) => r.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) expect(slug).toMatch(SLUG);
    }
    const ids = [...catalog.sectors, ...catalog.brands, ...catalog.products].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it("when generated, then sectors and brands have names, descriptions and (sectors) an emoji", () => {
    for (const s of catalog.sectors) {
      expect(s.name.length).toBeGreaterThan(2);
      expect(s.description.length).toBeGreaterThan(30);
      expect(s.emoji.length).toBeGreaterThan(0);
    }
    const sectorIds = new Set(catalog.sectors.map((s) => s.id));
    for (const b of catalog.brands) {
      expect(sectorIds.has(b.sectorId)).toBe(true);
      expect(b.description.length).toBeGreaterThan(30);
    }
  });

  it("when generated, then every brand has products and product names are unique within a brand", () => {
    const byBrand = new Map<string, string[]>();
    for (const p of catalog.products) byBrand.set(p.brandId, [...(byBrand.get(p.brandId) ?? []), p.name]);
    expect(byBrand.size).toBe(catalog.brands.length);
    for (const names of byBrand.values()) expect(new Set(names).size).toBe(names.length);
  });

  it("when generated, then prices are positive integer cents in USD and many prices repeat", () => {
    for (const p of catalog.products) {
      expect(Number.isInteger(p.priceCents)).toBe(true);
      expect(p.priceCents).toBeGreaterThan(0);
      expect(p.currency).toBe("USD");
    }
    expect(new Set(catalog.products.map((p) => p.priceCents)).size).toBeLessThan(1000);
    expect(catalog.products.filter((p) => p.priceCents % 100 === 99).length).toBeGreaterThan(800);
  });

  it("when generated, then stock is 0–250 with roughly 8% out of stock, and 20 products are archived", () => {
    for (const p of catalog.products) expect(p.stock >= 0 && p.stock <= 250 && Number.isInteger(p.stock)).toBe(true);
    const outOfStock = catalog.products.filter((p) => p.stock === 0).length;
    expect(outOfStock).toBeGreaterThan(100);
    expect(outOfStock).toBeLessThan(220);
    expect(catalog.products.filter((p) => p.status === "archived")).toHaveLength(20);
    expect(catalog.products.filter((p) => p.status !== "archived" && p.status !== "active")).toHaveLength(0);
  });

  it("when generated, then descriptions have 1–3 sentences and images are drawings of the product's kind (issue 12 §4)", () => {
    for (const p of catalog.products) {
      const sentences = p.description.split(/(?<=[.!?])\s+(?=[A-Z])/); // "Co. collection" is not a break
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(3);
      expect(p.description).not.toContain("{brand}");
      expect(parseDemoPicture(p.imageUrl.replace("/images/demo/", "")), p.imageUrl).toBeDefined();
    }
    const pictureOf = (name: string) => catalog.products.find((p) => p.name.startsWith(name))?.imageUrl;
    expect(pictureOf("Compact Soundbar, Charcoal")).toBe("/images/demo/soundbar-charcoal.svg");
    expect(pictureOf("Clementines")).toMatch(/^\/images\/demo\/citrus-orange\.svg$/);
    expect(pictureOf("The Quiet Orchard")).toMatch(/^\/images\/demo\/book-/);
    expect(pictureOf("Golden Pineapple")).toBe("/images/demo/pineapple-yellow.svg");
  });

  it("when generated, then products are created within the 180 days before the fixed epoch, after their brand", () => {
    const epoch = Date.parse("2026-01-01T00:00:00Z");
    const brandCreated = new Map(catalog.brands.map((b) => [b.id, b.createdAt.getTime()]));
    for (const p of catalog.products) {
      const t = p.createdAt.getTime();
      expect(t).toBeLessThanOrEqual(epoch);
      expect(t).toBeGreaterThan(epoch - 180 * 86_400_000);
      expect(t).toBeGreaterThan(brandCreated.get(p.brandId)!);
      expect(p.updatedAt).toEqual(p.createdAt);
    }
    const days = new Set(catalog.products.map((p) => Math.floor((epoch - p.createdAt.getTime()) / 86_400_000)));
    expect(days.size).toBeGreaterThan(170);
  });
});

describe("seeded PRNG and slugify", () => {
  it("when two generators share a seed, then they produce the same sequence in [0, 1)", () => {
    const a = createRng(42);
    const b = createRng(42);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(values);
    for (const v of values) expect(v >= 0 && v < 1).toBe(true);
  });

  it("when text has accents, ampersands and apostrophes, then the slug is plain kebab-case", () => {
    expect(slugify("Tuna Pâté, 12-Can Pack")).toBe("tuna-pate-12-can-pack");
    expect(slugify("Rootstock & Co.")).toBe("rootstock-and-co");
    expect(slugify("Chef's Knife")).toBe("chefs-knife");
  });
});
