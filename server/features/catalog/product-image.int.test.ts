import request from "supertest";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../test/harness";

const svgOf = (res: request.Response) => res.text || String(res.body);

describe("generated product pictures (issue 12 §4)", () => {
  it("when a product slug is requested, then a cacheable drawing of its kind comes back, with no name written on it", async () => {
    const { app } = await createTestApp();
    const soundbar = await request(app).get("/images/products/pulsewave-audio-compact-soundbar-charcoal.svg").buffer(true);
    expect(soundbar.status).toBe(200);
    expect(soundbar.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(soundbar.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const svg = svgOf(soundbar);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/<text|Soundbar|Pulsewave/i);
    // The same kind as the demo seed's exact URL for it; apples draw something else.
    const exact = await request(app).get("/images/demo/soundbar-charcoal.svg").buffer(true);
    expect(svgOf(exact)).toBe(svg);
    const apple = await request(app).get("/images/products/orchard-lane-gala-apples-2-lb-bag.svg").buffer(true);
    expect(svgOf(apple)).toBe(svgOf(await request(app).get("/images/demo/apple-red.svg").buffer(true)));
  });

  it("when the file name is not a slug or names an unknown drawing, colour or mark, then 404 and no image", async () => {
    const { app } = await createTestApp();
    for (const path of [
      "products/Mango.svg",
      "products/mango.png",
      "products/%3Cscript%3E.svg",
      `products/${"a".repeat(161)}.svg`,
      "demo/unicorn-red.svg",
      "demo/apple-plaid.svg",
      "demo/bag-red-skull.svg",
      "demo/apple.svg",
    ]) {
      const res = await request(app).get(`/images/${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers["content-type"]).not.toMatch(/svg/);
      expect(res.headers["cache-control"]).toBeUndefined();
    }
  });
});
