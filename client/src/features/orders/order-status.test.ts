import { describe, expect, it } from "vitest";
import type { Order } from "@shared/contracts/orders";
import { actorLabel, explainStatus } from "./order-status";

const OWNER = "6f1d2c3b-4a59-4e68-9d7c-8b6a5f4e3d21";
const STAFF = "7a2e3d4c-5b6a-4f79-8e8d-9c7b6a5f4e32";
const at = "2026-03-04T10:00:00.000Z";
type Events = Order["events"];

describe("explainStatus", () => {
  it("when the system cancels an order straight from pending, then it reads as a declined payment with nothing charged", () => {
    const events: Events = [
      { status: "pending", at, actor: OWNER },
      { status: "cancelled", at, actor: "system" },
    ];
    expect(explainStatus({ status: "cancelled", events })).toBe("The payment was declined, so this order was cancelled. Nothing was charged.");
  });

  it("when a paid order is cancelled, then it reads as refunded", () => {
    const events: Events = [
      { status: "pending", at, actor: OWNER },
      { status: "paid", at, actor: "system" },
      { status: "cancelled", at, actor: OWNER },
    ];
    expect(explainStatus({ status: "cancelled", events })).toBe("This order was cancelled and its payment refunded.");
  });

  it("when an order is shipped, then the shopper reads that it is on its way", () => {
    expect(explainStatus({ status: "shipped", events: [] })).toBe("Your order is on its way.");
  });
});

describe("actorLabel", () => {
  it.each([
    [OWNER, "owner", "You"],
    [OWNER, "staff", "Customer"],
    ["system", "owner", "System"],
    [STAFF, "owner", "Staff"],
  ] as const)("when the actor is %s and the reader is the %s, then it says %s", (actor, viewer, expected) => {
    expect(actorLabel(actor, { userId: OWNER }, viewer)).toBe(expected);
  });
});
