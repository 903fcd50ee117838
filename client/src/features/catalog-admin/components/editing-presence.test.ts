import { describe, expect, it } from "vitest";
import { presenceSentence } from "./editing-presence";

describe("presenceSentence", () => {
  it("when other admins have the form open, then they are named, the fourth and later counted", () => {
    expect(presenceSentence([])).toBe("");
    expect(presenceSentence(["Sam"])).toBe("Sam is editing this product too.");
    expect(presenceSentence(["Sam", "Kim"])).toBe("Sam and Kim are editing this product too.");
    expect(presenceSentence(["Sam", "Kim", "Ann"])).toBe("Sam, Kim and Ann are editing this product too.");
    expect(presenceSentence(["Sam", "Kim", "Ann", "Bo"])).toBe("Sam, Kim and 2 others are editing this product too.");
  });
});
