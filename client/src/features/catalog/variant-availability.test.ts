import { describe, expect, it } from "vitest";
import { resolveChoice, valueState } from "./variant-availability";

const size = { name: "Size", values: ["S", "M", "L"] };
const colour = { name: "Colour", values: ["Red", "Blue"] };
const v = (id: string, optionValues: Record<string, string>, stock: number) => ({ id, optionValues, stock });

describe("valueState", () => {
  const variants = [v("s", { Size: "S" }, 3), v("m", { Size: "M" }, 0)];

  it("when a size has stock, then it is available; sold out, then sold_out; without a variant, then missing", () => {
    expect(valueState([size], variants, {}, 0, "S")).toBe("available");
    expect(valueState([size], variants, {}, 0, "M")).toBe("sold_out");
    expect(valueState([size], variants, {}, 0, "L")).toBe("missing");
  });

  it("when a colour exists only with another size, then it is missing for the chosen size", () => {
    const two = [v("sr", { Size: "S", Colour: "Red" }, 1), v("mb", { Size: "M", Colour: "Blue" }, 1), v("mr", { Size: "M", Colour: "Red" }, 0)];
    expect(valueState([size, colour], two, { Size: "S" }, 1, "Blue")).toBe("missing");
    expect(valueState([size, colour], two, { Size: "M" }, 1, "Blue")).toBe("available");
    expect(valueState([size, colour], two, { Size: "M" }, 1, "Red")).toBe("sold_out");
  });

  it("when judging the first option, then later choices do not matter (every in-stock variant stays reachable)", () => {
    const two = [v("sr", { Size: "S", Colour: "Red" }, 1), v("mb", { Size: "M", Colour: "Blue" }, 1)];
    expect(valueState([size, colour], two, { Size: "S", Colour: "Red" }, 0, "M")).toBe("available");
  });
});

describe("resolveChoice", () => {
  const options = [size, colour];
  const variants = [
    v("sr", { Size: "S", Colour: "Red" }, 2),
    v("sb", { Size: "S", Colour: "Blue" }, 0),
    v("mb", { Size: "M", Colour: "Blue" }, 4),
    v("lr", { Size: "L", Colour: "Red" }, 0),
  ];

  it("when the choice is an in-stock variant, then it is that variant", () => {
    expect(resolveChoice(options, variants, { Size: "M", Colour: "Blue" })?.id).toBe("mb");
  });

  it("when a new size lacks the chosen colour, then the colour moves to one that size has in stock", () => {
    expect(resolveChoice(options, variants, { Size: "M", Colour: "Red" })?.id).toBe("mb");
  });

  it("when the chosen colour is sold out in that size, then an in-stock colour of the same size is taken", () => {
    expect(resolveChoice(options, variants, { Size: "S", Colour: "Blue" })?.id).toBe("sr");
  });

  it("when a sold-out size is asked for, then the first size in stock is taken", () => {
    expect(resolveChoice(options, variants, { Size: "L", Colour: "Blue" })?.id).toBe("sr");
  });

  it("when nothing is in stock, then the existing sold-out variant is chosen rather than none", () => {
    expect(resolveChoice(options, [v("lr", { Size: "L", Colour: "Red" }, 0)], { Size: "L", Colour: "Blue" })?.id).toBe("lr");
  });
});
