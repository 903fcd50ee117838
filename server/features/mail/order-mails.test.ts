import { describe, expect, it } from "vitest";
import { renderMail } from "./mail.render";
import { orderFixture } from "./templates/demo-data";

describe("order mails", () => {
  it("when an order holds two sizes of one T-shirt, then the confirmation names each line's option values in HTML and text", async () => {
    const base = orderFixture("paid");
    const tee = { productId: "00000000-0000-4000-8000-0000000000b1", name: "Organic Tee", unitPriceCents: 2000, quantity: 1, lineTotalCents: 2000 };
    const order = {
      ...base,
      items: [
        { ...tee, variantId: "00000000-0000-4000-8000-0000000000c1", sku: "organic-tee-s", optionValues: { Size: "S" } },
        { ...tee, variantId: "00000000-0000-4000-8000-0000000000c2", sku: "organic-tee-m", optionValues: { Size: "M", Colour: "Blue" } },
        { ...base.items[1]!, optionValues: {} },
      ],
    };
    for (const template of ["order-confirmation", "guest-order-confirmation"] as const) {
      const props = template === "order-confirmation" ? { order, customerName: "Ada" } : { order: { ...order, guestAccessToken: "t".repeat(40) } };
      const mail = await renderMail(template, props, "https://shop.example.test");
      expect(mail.html, template).toContain("Size: S");
      expect(mail.html, template).toContain("Size: M / Colour: Blue");
      expect(mail.text, template).toContain("Size: S");
      expect(mail.text, template).toContain("Size: M / Colour: Blue");
    }
  });
});
