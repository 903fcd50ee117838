import { describe, expect, it } from "vitest";
import { shippingAddress } from "@shared/contracts/orders";
import { countryOptions } from "./countries";

describe("countryOptions", () => {
  it("names every region code in the given language, sorted by name, each a valid shipping country", () => {
    const options = countryOptions("en");
    expect(options.length).toBeGreaterThan(240);
    expect(options).toContainEqual({ value: "DE", label: "Germany" });
    expect(options).toContainEqual({ value: "US", label: "United States" });
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("en").compare));
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
    for (const { value } of options) expect(shippingAddress.shape.country.safeParse(value).success).toBe(true);
  });

  it("uses the shopper's language for the names", () => {
    expect(countryOptions("de")).toContainEqual({ value: "DE", label: "Deutschland" });
  });
});
