import { describe, expect, it } from "vitest";
import { centsToDollarsText, parseDollars } from "./money";

describe("parseDollars", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12.50", 1250],
    ["0.29", 29],
    ["0.57", 57],
    ["1.00", 100],
    [".99", 99],
    ["$4.99", 499],
    ["1,299.99", 129999],
    [" 19.99 ", 1999],
    ["0", 0],
    ["1000000", 100000000],
    ["12.", 1200],
  ])("when the text is %j, then it is exactly %i cents", (text, cents) => {
    expect(parseDollars(text)).toEqual({ ok: true, cents });
  });

  it("when every cent value from $0.00 to $20.00 is typed, then each converts exactly (no float drift)", () => {
    for (let cents = 0; cents <= 2000; cents += 1) {
      expect(parseDollars(centsToDollarsText(cents))).toEqual({ ok: true, cents });
    }
  });

  it.each([
    ["", "Enter a price"],
    ["-1", "The price can't be negative"],
    ["1.999", "Use at most 2 decimal places (cents)"],
    ["abc", "Enter the price in dollars, like 4.99"],
    ["1,29.00", "Enter the price in dollars, like 4.99"],
    [".", "Enter the price in dollars, like 4.99"],
    ["1e3", "Enter the price in dollars, like 4.99"],
    ["9999999999", "That price is too large"],
  ])("when the text is %j, then it is refused with %j", (text, message) => {
    expect(parseDollars(text)).toEqual({ ok: false, message });
  });
});

describe("centsToDollarsText", () => {
  it("when cents are shown for editing, then they have two decimals", () => {
    expect(centsToDollarsText(0)).toBe("0.00");
    expect(centsToDollarsText(5)).toBe("0.05");
    expect(centsToDollarsText(129999)).toBe("1299.99");
  });
});
