import request from "supertest";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../test/harness";

describe("generated product images", () => {
  it("when a valid name is requested, then a small cacheable SVG comes back, the same every time", async () => {
    const { app } = await createTestApp();
    const first = await request(app).get("/images/products/sun-ripened-mango-42.svg").buffer(true);
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(first.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const svg = first.text || String(first.body);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).toContain("linearGradient");
    expect(svg).toContain("Sun Ripened Mango 42");
    expect(Buffer.byteLength(svg)).toBeLessThanOrEqual(2048);

    const again = await request(app).get("/images/products/sun-ripened-mango-42.svg").buffer(true);
    expect(again.text || String(again.body)).toBe(svg);
    const other = await request(app).get("/images/products/tart-green-apple.svg").buffer(true);
    expect(other.status).toBe(200);
    expect(other.text || String(other.body)).not.toBe(svg);
  });

  it("when the name is as long as allowed, then the caption is shortened and the SVG stays within 2 KB", async () => {
    const { app } = await createTestApp();
    const name = Array.from({ length: 32 }, (_, i) => `word${i}`)
      .join("-")
      .slice(0, 160);
    const res = await request(app).get(`/images/products/${name}.svg`).buffer(true);
    expect(res.status).toBe(200);
    const svg = res.text || String(res.body);
    expect(Buffer.byteLength(svg)).toBeLessThanOrEqual(2048);
    expect(svg).toContain("…");
  });

  it("when the name is not lowercase letters, digits and hyphens, then 404 and no image", async () => {
    const { app } = await createTestApp();
    for (const path of ["Mango.svg", "mango.png", "mango", "man%20go.svg", "%3Cscript%3E.svg", `${"a".repeat(161)}.svg`, "a_b.svg", ".svg"]) {
      const res = await request(app).get(`/images/products/${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers["content-type"]).not.toMatch(/svg/);
      expect(res.headers["cache-control"]).toBeUndefined();
    }
  });
});
