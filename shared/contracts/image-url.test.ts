import { describe, expect, it } from "vitest";
import { productCreate, productCsvRow, productUpdate } from "./catalog";

// The one imageUrl rule is shared by the admin form, the API (create/update) and the CSV import (issue 11 §8).
describe("product imageUrl", () => {
  it.each([["https://cdn.example/apple.png"], ["http://cdn.example/apple.png"], ["/images/products/apple.svg"], [""]])(
    "when imageUrl is %j, then it is accepted",
    (url) => {
      expect(productUpdate.safeParse({ imageUrl: url }).success).toBe(true);
    },
  );

  it.each([
    ["javascript:alert(1)"],
    ["JAVASCRIPT:alert(1)"],
    [" javascript:alert(1)"],
    ["data:image/svg+xml,<svg onload=alert(1)>"],
    ["vbscript:msgbox(1)"],
    ["//evil.example/x.png"],
    ["/\\evil.example/x.png"],
    ["ftp://files.example/x.png"],
    ["https://user:pass@cdn.example/x.png"],
    ["images/relative.png"],
    ["java\tscript:alert(1)"],
  ])("when imageUrl is %j, then it is refused with a readable message", (url) => {
    const result = productUpdate.safeParse({ imageUrl: url });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["imageUrl"]);
    expect(result.error?.issues[0]?.message).toMatch(/https:\/\/ or http:\/\//);
  });

  it("when a product is created or imported from CSV with a javascript: image, then the same rule refuses it", () => {
    const base = { name: "Apple", priceCents: 100, stock: 1, brandId: "7b0c8a1e-1d3c-4f6e-9a0b-2c3d4e5f6a7b" };
    expect(productCreate.safeParse({ ...base, imageUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(
      productCsvRow.safeParse({ slug: "apple", name: "Apple", priceCents: "100", stock: "1", imageUrl: "javascript:alert(1)", brandSlug: "b" }).success,
    ).toBe(false);
  });
});
