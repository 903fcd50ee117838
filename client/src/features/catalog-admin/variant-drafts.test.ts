import { describe, expect, it } from "vitest";
import { productCreate, productUpdate, type Product } from "@shared/contracts/catalog";
import { combinations, generateVariants, parseOptionValues, variantDefaults, withVariantLists } from "./variant-drafts";

const size = { name: "Size", values: ["S", "M", "L"] };
const colour = { name: "Colour", values: ["Red", "Blue"] };

describe("variant drafts", () => {
  it("when values are typed with stray commas and spaces, then they become a clean list", () => {
    expect(parseOptionValues(" S, M ,, L ,")).toEqual(["S", "M", "L"]);
  });

  it("when two options are combined, then every pair appears once, in display order", () => {
    expect(combinations([size, colour]).map((c) => `${c.Size}/${c.Colour}`)).toEqual(["S/Red", "S/Blue", "M/Red", "M/Blue", "L/Red", "L/Blue"]);
  });

  it("when combinations are generated, then existing rows keep id, SKU, price and stock and new rows copy the first price", () => {
    const id = "0b0c3a52-4a4b-4f53-9a53-6f2b5a1d9e01";
    const result = generateVariants([size], [{ id, sku: "tee-m", optionValues: { Size: "M" }, priceCents: 1500, compareAtPriceCents: 2000, stock: 7 }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.variants.map((v) => [v.optionValues?.Size, v.priceCents, v.stock, v.id ?? null])).toEqual([
      ["S", 1500, 0, null],
      ["M", 1500, 7, id],
      ["L", 1500, 0, null],
    ]);
    // What the form then holds passes the schema the route uses.
    const body = { name: "Tee", brandId: id, options: [size], variants: result.variants };
    expect(productCreate.safeParse(body).success).toBe(true);
  });

  it("when the options make more than 100 combinations, then generation refuses with the count", () => {
    const many = { name: "N", values: Array.from({ length: 11 }, (_, i) => `v${i}`) };
    const result = generateVariants([many, { ...many, name: "M" }], []);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("121 combinations") });
  });

  it("when an option has no name yet, then generation asks for one", () => {
    expect(generateVariants([{ name: " ", values: ["S"] }], []).ok).toBe(false);
  });

  it("when only a variant row changed, then the PATCH still carries the options beside the variants", () => {
    const values = { options: [size], variants: [{ optionValues: { Size: "S" }, priceCents: 100, stock: 1 }] };
    expect(withVariantLists({ variants: values.variants }, values, { variants: [{ stock: true }] })).toEqual(values);
    expect(withVariantLists({ name: "x" } as Record<string, unknown>, values, {})).toEqual({ name: "x" });
  });

  it("when a product with options is edited, then the form starts from its variant table (no product price) and that passes the update schema", () => {
    const id = "0b0c3a52-4a4b-4f53-9a53-6f2b5a1d9e02";
    const variant = { id, sku: "tee-s", optionValues: { Size: "S" }, priceCents: 900, compareAtPriceCents: null, stock: 2 };
    const withOptions = { priceCents: 900, stock: 2, options: [{ name: "Size", values: ["S"] }], variants: [variant] } as unknown as Product;
    const fields = variantDefaults(withOptions);
    expect(fields).toEqual({ options: [{ name: "Size", values: ["S"] }], variants: [variant] });
    expect(productUpdate.safeParse(fields).success).toBe(true);
    expect(variantDefaults({ ...withOptions, options: [] } as Product)).toEqual({ priceCents: 900, stock: 2 });
  });
});
