import { describe, expect, it } from "vitest";
import { quoteProblem } from "@shared/contracts/orders";
import { lineProblem } from "./quote-problems";

describe("lineProblem", () => {
  it("when a line has no problem, then there is nothing to say", () => {
    expect(lineProblem({ problem: null, available: 9, quantity: 2 })).toBeUndefined();
  });

  it("when fewer units are left than asked, then the words say how many and what to do", () => {
    expect(lineProblem({ problem: "insufficient_stock", available: 3, quantity: 5 })).toEqual({
      title: "Only 3 left",
      detail: "You asked for 5. Lower the quantity to 3 to keep it in your order.",
      tone: "warning",
    });
  });

  it.each(quoteProblem.options)("when the quote reports %s, then the shopper gets a title and a next step", (problem) => {
    const result = lineProblem({ problem, available: 1, quantity: 2 });
    expect(result?.title).toMatch(/\w/);
    expect(result?.detail).toMatch(/\.$/);
  });

  it("when a product is archived, then it reads as no longer available", () => {
    expect(lineProblem({ problem: "archived", available: 0, quantity: 1 })?.title).toBe("No longer available");
  });
});
