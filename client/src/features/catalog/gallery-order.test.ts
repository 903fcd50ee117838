import { describe, expect, it } from "vitest";
import { galleryOrder } from "./gallery-order";

const picture = (id: string, optionValue: { name: string; value: string } | null = null) => ({ id, optionValue });

describe("galleryOrder", () => {
  const media = [picture("front"), picture("blue", { name: "Colour", value: "Blue" }), picture("red", { name: "Colour", value: "Red" }), picture("back")];

  it("when Red is chosen, then the red picture comes first and the others keep their order", () => {
    expect(galleryOrder(media, { Colour: "Red", Size: "M" }).map((m) => m.id)).toEqual(["red", "front", "blue", "back"]);
  });

  it("when no bound value is chosen, then the gallery order is unchanged", () => {
    expect(galleryOrder(media, { Colour: "Green" }).map((m) => m.id)).toEqual(["front", "blue", "red", "back"]);
    expect(galleryOrder(media, {}).map((m) => m.id)).toEqual(["front", "blue", "red", "back"]);
  });
});
