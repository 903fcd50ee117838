import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Product } from "@shared/contracts/catalog";
import type { ProductVariant } from "@shared/contracts/variants";
import { ProductStockCell } from "./stock-adjuster";

const variant = (id: string, size: string | undefined, stock: number): ProductVariant => ({
  id,
  sku: `tee${size ? `-${size}` : ""}`,
  optionValues: size ? { Size: size } : {},
  priceCents: 2000,
  compareAtPriceCents: null,
  stock,
});

function productWith(variants: ProductVariant[]): Product {
  return {
    id: "00000000-0000-4000-8000-0000000000a1",
    slug: "tee",
    name: "Organic Tee",
    description: "",
    priceCents: 2000,
    currency: "USD",
    stock: variants.reduce((sum, v) => sum + v.stock, 0),
    imageUrl: "/tee.svg",
    status: "active",
    brand: { id: "00000000-0000-4000-8000-0000000000b1", slug: "b", name: "B" },
    sector: { id: "00000000-0000-4000-8000-0000000000c1", slug: "s", name: "S" },
    version: 1,
    createdAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-01T10:00:00.000Z",
    options: variants.length > 1 ? [{ name: "Size", values: variants.map((v) => v.optionValues.Size!) }] : [],
    variants,
    priceRange: { minCents: 2000, maxCents: 2000 },
  };
}

const render = (product: Product) =>
  renderToStaticMarkup(
    createElement(QueryClientProvider, { client: new QueryClient() }, createElement(ProductStockCell, { product, onEditVariants: () => undefined })),
  );

describe("ProductStockCell", () => {
  it("when a product has several variants, then the row offers the per-variant editor instead of −/+ (which the server refuses with 409)", () => {
    const html = render(
      productWith([
        variant("00000000-0000-4000-8000-0000000000d1", "S", 3),
        variant("00000000-0000-4000-8000-0000000000d2", "M", 4),
        variant("00000000-0000-4000-8000-0000000000d3", "L", 0),
      ]),
    );
    expect(html).toContain("Edit stock per variant");
    expect(html).toMatch(/data-testid="stock-value"[^>]*>7</);
    expect(html).toContain("in 3 variants");
    expect(html).not.toContain("to the stock of");
    expect(html).not.toContain("Change the stock of");
  });

  it("when a product has one variant, then the inline −/+ adjuster stays", () => {
    const html = render(productWith([variant("00000000-0000-4000-8000-0000000000d1", undefined, 7)]));
    expect(html).toContain("Add 1 to the stock of Organic Tee");
    expect(html).not.toContain("Edit stock per variant");
  });
});
