import { describe, expect, it } from "vitest";
import { changedSince, type ConflictFields } from "./edit-conflict";

interface Thing {
  name: string;
  parent: { id: string };
  note: string;
}
const fields: ConflictFields<Thing> = { name: { label: "Name" }, parentId: { label: "Parent", value: (t) => t.parent.id }, note: { label: "Note" } };

describe("changedSince", () => {
  it("when another save changed some fields, then their labels are listed in the form's order, nested ones read through value()", () => {
    const loaded: Thing = { name: "Sun", parent: { id: "a" }, note: "x" };
    expect(changedSince(fields, loaded, { ...loaded })).toEqual([]);
    expect(changedSince(fields, loaded, { name: "Moon", parent: { id: "b" }, note: "x" })).toEqual(["Name", "Parent"]);
  });
});
