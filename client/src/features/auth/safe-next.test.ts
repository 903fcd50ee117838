import { describe, expect, it } from "vitest";
import { homeFor, loginHref, safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("when next is a path on this site, then it is kept with its query and hash", () => {
    expect(safeNextPath("/admin/users?q=ada&role=staff#top")).toBe("/admin/users?q=ada&role=staff#top");
    expect(safeNextPath("/")).toBe("/");
  });

  it.each([
    ["an absolute URL", "https://evil.example/phish"],
    ["a protocol-relative URL", "//evil.example/phish"],
    ["a backslash trick", "/\\evil.example"],
    ["a tab that URL parsing strips", "/\t/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path without a slash", "admin"],
    ["an empty value", ""],
  ])("when next is %s, then it is refused", (_label, raw) => {
    expect(safeNextPath(raw)).toBeUndefined();
  });

  // The probe's findings (issue 11 §8) and their relatives: the answer is either undefined or a same-origin path.
  it.each([
    ["/.//evil.example", "/evil.example"],
    ["/./../..//evil.example/x", "/evil.example/x"],
    ["/a//b///c?x=1", "/a/b/c?x=1"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["%2F%2Fevil.example", undefined],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/\\evil.example", undefined],
    ["\\/evil.example", undefined],
    ["/\n/evil.example", undefined],
    ["/ /evil.example", "/%20/evil.example"],
    ["javascript:alert(1)", undefined],
    ["JaVaScRiPt:alert(1)", undefined],
    ["/javascript:alert(1)", "/javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>", undefined],
    ["https:evil.example", undefined],
    ["///evil.example", undefined],
    ["/login/", undefined],
    ["/LOGIN", undefined],
    ["/products/apple#reviews", "/products/apple#reviews"],
  ])("when next is %j, then it becomes %j", (raw, expected) => {
    const result = safeNextPath(raw);
    expect(result).toBe(expected);
    if (result !== undefined) expect(new URL(result, "https://shop.example").origin).toBe("https://shop.example");
  });

  it("when next is missing, then there is none", () => {
    expect(safeNextPath(null)).toBeUndefined();
    expect(safeNextPath(undefined)).toBeUndefined();
  });

  it("when next points at the sign-in or registration page, then it is dropped (no loop)", () => {
    expect(safeNextPath("/login?next=/admin")).toBeUndefined();
    expect(safeNextPath("/register")).toBeUndefined();
  });
});

describe("loginHref", () => {
  it("when the person is on a page, then the sign-in link brings them back to it", () => {
    expect(loginHref("/admin/audit?action=user.deleted")).toBe("/login?next=%2Fadmin%2Faudit%3Faction%3Duser.deleted");
    expect(loginHref("/products/apple", "/register")).toBe("/register?next=%2Fproducts%2Fapple");
  });

  it("when the person is home or on an auth page, then no next is added", () => {
    expect(loginHref("/")).toBe("/login");
    expect(loginHref("/login?next=/x")).toBe("/login");
  });
});

describe("homeFor", () => {
  it("when no next is given, then staff land on the dashboard, admins on the admin home and shoppers on the shop", () => {
    expect(homeFor("staff")).toBe("/dashboard");
    expect(homeFor("admin")).toBe("/admin");
    expect(homeFor("customer")).toBe("/");
  });
});
