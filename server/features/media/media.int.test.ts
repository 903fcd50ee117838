import { crc32 } from "node:zlib";
import request from "supertest";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { MEDIA_LIMITS } from "@shared/contracts/media";
import { bearerFor } from "../../test/agents";
import { makeProduct } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { jsonLdBlocks, makeSpaFixture } from "../../test/spa-fixture";
import { sniffImageFormat } from "./image-processing";

const BASE = "https://shop.example.test";
let t: TestApp;
let admin: string;
let shopper: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: BASE }, { serveSpa: true, spaDistDir: makeSpaFixture() });
  admin = (await bearerFor(t, "admin")).authorization;
  shopper = (await bearerFor(t, "customer")).authorization;
});

/** A 900×600 PNG with transparency and a camera's metadata (EXIF with a copyright line) that must not survive. */
const photo = (colour: string) =>
  sharp({ create: { width: 900, height: 600, channels: 4, background: colour } })
    .withExif({ IFD0: { Copyright: "secret-camera-owner" } })
    .png()
    .toBuffer();

/** A real PNG header claiming width × height (the pixel check reads headers only, so no pixels need to exist). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

const upload = (productId: string, bytes: Buffer, type = "image/png", alt = "A test picture", auth = admin) =>
  request(t.app).post(`/api/v1/products/${productId}/media`).query({ alt }).set("Authorization", auth).set("Content-Type", type).send(bytes);
const productOf = async (id: string) => (await request(t.app).get(`/api/v1/products/${id}`).expect(200)).body as { imageUrl: string };
const fetchFile = (url: string) =>
  request(t.app)
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });

describe("product media", () => {
  it("when an admin uploads PNGs, then they are served as AVIF/WebP/JPEG renditions with immutable caching, and the gallery order drives the product's imageUrl", async () => {
    const product = await makeProduct(t.db);
    const first = await upload(product.id, await photo("#d33c"));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ productId: product.id, alt: "A test picture", position: 0, width: 900, height: 600 });
    const srcSet = first.body.srcSet as Record<string, string>;
    expect(srcSet.avif).toMatch(/^\/media\/[0-9a-f]{32}-320\.avif 320w, \/media\/[0-9a-f]{32}-640\.avif 640w, \/media\/[0-9a-f]{32}-900\.avif 900w$/);
    expect(srcSet.webp).toContain("-640.webp 640w");
    expect((await productOf(product.id)).imageUrl).toBe(first.body.src);

    for (const [ext, type, format] of [
      ["avif", "image/avif", "avif"],
      ["webp", "image/webp", "webp"],
      ["jpg", "image/jpeg", "jpeg"],
    ] as const) {
      const url = (first.body.src as string).replace(/900\.jpg$/, `640.${ext}`);
      const res = await fetchFile(url);
      expect(res.status, url).toBe(200);
      expect(res.headers["content-type"]).toBe(type);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      const bytes = res.body as Buffer;
      expect(sniffImageFormat(bytes)).toBe(format);
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height]).toEqual([640, 427]);
      expect(meta.exif).toBeUndefined(); // metadata stripped
      const again = await request(t.app)
        .get(url)
        .set("If-None-Match", res.headers.etag as string);
      expect(again.status).toBe(304);
    }
    expect((await request(t.app).get("/media/0123456789abcdef0123456789abcdef-640.webp")).status).toBe(404);
    expect((await request(t.app).get("/media/not-a-picture.png")).status).toBe(404);

    const second = await upload(product.id, await photo("#3a3"), "image/png", "Green side");
    expect(second.body.position).toBe(1);
    const listed = await request(t.app).get(`/api/v1/products/${product.id}/media`).expect(200);
    expect(listed.body.data.map((m: { id: string }) => m.id)).toEqual([first.body.id, second.body.id]);

    const reordered = await request(t.app)
      .put(`/api/v1/products/${product.id}/media/order`)
      .set("Authorization", admin)
      .send({ ids: [second.body.id, first.body.id] })
      .expect(200);
    expect(reordered.body.data.map((m: { position: number; alt: string }) => [m.position, m.alt])).toEqual([
      [0, "Green side"],
      [1, "A test picture"],
    ]);
    expect((await productOf(product.id)).imageUrl).toBe(second.body.src);
    await request(t.app)
      .put(`/api/v1/products/${product.id}/media/order`)
      .set("Authorization", admin)
      .send({ ids: [first.body.id] })
      .expect(400);

    // The product page's head: Open Graph shows the primary picture, JSON-LD lists both, the AVIF srcset is preloaded.
    const html = (await request(t.app).get(`/products/${product.slug}`).set("Accept", "text/html").expect(200)).text;
    expect(html).toContain(`<meta property="og:image" content="${BASE}${second.body.src}" />`);
    expect(html).toContain(`<link rel="preload" as="image" type="image/avif" imagesrcset="${second.body.srcSet.avif}"`);
    expect(jsonLdBlocks(html).find((b) => b["@type"] === "Product")?.image).toEqual([`${BASE}${second.body.src}`, `${BASE}${first.body.src}`]);

    const renamed = await request(t.app)
      .patch(`/api/v1/products/${product.id}/media/${first.body.id}`)
      .set("Authorization", admin)
      .send({ alt: "Red front" })
      .expect(200);
    expect(renamed.body.alt).toBe("Red front");

    await request(t.app).delete(`/api/v1/products/${product.id}/media/${second.body.id}`).set("Authorization", admin).expect(204);
    expect((await productOf(product.id)).imageUrl).toBe(first.body.src);
    expect((await fetchFile((second.body.src as string).replace(".jpg", ".webp"))).status).toBe(404); // its files went with it
    await request(t.app).delete(`/api/v1/products/${product.id}/media/${first.body.id}`).set("Authorization", admin).expect(204);
    expect((await productOf(product.id)).imageUrl).not.toContain("/media/"); // back to the generated picture
  });

  it("when an upload is not an image, too large or damaged, or comes from a shopper, then it is refused with a clear error and nothing is stored", async () => {
    const product = await makeProduct(t.db);
    const textAsPng = await upload(product.id, Buffer.from("hello, I am a text file named picture.png\n"));
    expect(textAsPng.status).toBe(415);
    expect(textAsPng.body.error).toMatchObject({ code: "unsupported_media_type", message: expect.stringContaining("not a PNG, JPEG, WebP or AVIF") });
    expect((await upload(product.id, await photo("#fff"), "text/plain")).status).toBe(415);

    const huge = await upload(product.id, await pngClaiming(10_000, 6_000));
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatchObject({ code: "payload_too_large", message: expect.stringContaining("60.0 megapixels") });
    const heavy = await upload(product.id, Buffer.alloc(MEDIA_LIMITS.maxBytes + 1));
    expect(heavy.status).toBe(413);
    expect(heavy.body.error.code).toBe("payload_too_large");

    const valid = await photo("#00f");
    const truncated = await upload(product.id, valid.subarray(0, 120));
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.code).toBe("validation_failed");
    const noAlt = await upload(product.id, valid, "image/png", "");
    expect(noAlt.status).toBe(400);
    expect(noAlt.body.error.details[0].path).toBe("alt");
    expect((await upload(product.id, valid, "image/png", "x", shopper)).status).toBe(403);

    expect((await request(t.app).get(`/api/v1/products/${product.id}/media`).expect(200)).body.data).toEqual([]);
    expect((await productOf(product.id)).imageUrl).toBe(product.imageUrl);
  });

  it("when an admin binds a picture to a colour, then the gallery says so; a value the product lacks is refused, null unbinds, and shoppers may not", async () => {
    const product = await makeProduct(t.db);
    await request(t.app)
      .patch(`/api/v1/products/${product.id}`)
      .set("Authorization", admin)
      .send({
        options: [{ name: "Colour", values: ["Red", "Blue"] }],
        variants: [
          { optionValues: { Colour: "Red" }, priceCents: 1000, stock: 2 },
          { optionValues: { Colour: "Blue" }, priceCents: 1000, stock: 2 },
        ],
      })
      .expect(200);
    const picture = (await upload(product.id, await photo("#c00f"))).body as { id: string; optionValue: unknown };
    expect(picture.optionValue).toBeNull();
    const patch = (body: object, auth = admin) =>
      request(t.app).patch(`/api/v1/products/${product.id}/media/${picture.id}`).set("Authorization", auth).send(body);

    const bound = await patch({ optionValue: { name: "Colour", value: "Red" } });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ alt: "A test picture", optionValue: { name: "Colour", value: "Red" } });
    const gallery = await request(t.app).get(`/api/v1/products/${product.id}/media`).expect(200);
    expect(gallery.body.data[0].optionValue).toEqual({ name: "Colour", value: "Red" });

    const wrong = await patch({ optionValue: { name: "Colour", value: "Green" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      code: "validation_failed",
      details: [{ path: "optionValue", message: expect.stringContaining("Colour: Green") }],
    });
    expect((await patch({})).status).toBe(400);
    expect((await patch({ optionValue: null }, shopper)).status).toBe(403);

    const unbound = await patch({ optionValue: null, alt: "A red one" });
    expect(unbound.body).toMatchObject({ alt: "A red one", optionValue: null });
  });

  it("when a product PATCH renames or removes an option value, then pictures bound to it are unbound in the same write; the others keep theirs", async () => {
    const product = await makeProduct(t.db);
    const colours = (values: string[], priceCents = 1000) =>
      request(t.app)
        .patch(`/api/v1/products/${product.id}`)
        .set("Authorization", admin)
        .send({
          options: [{ name: "Colour", values }],
          variants: values.map((value) => ({ optionValues: { Colour: value }, priceCents, stock: 2 })),
        });
    await colours(["Red", "Blue", "Green"]).expect(200);
    const pictures: Record<string, string> = {};
    const bytes = await photo("#c00f"); // the same bytes each time: processed once, three gallery entries
    for (const colour of ["Red", "Blue", "Green"]) {
      const { id } = (await upload(product.id, bytes)).body as { id: string };
      await request(t.app)
        .patch(`/api/v1/products/${product.id}/media/${id}`)
        .set("Authorization", admin)
        .send({ optionValue: { name: "Colour", value: colour } })
        .expect(200);
      pictures[colour] = id;
    }
    const bindings = async () => {
      const gallery = (await request(t.app).get(`/api/v1/products/${product.id}/media`).expect(200)).body as {
        data: Array<{ id: string; optionValue: unknown }>;
      };
      return Object.fromEntries(Object.entries(pictures).map(([colour, id]) => [colour, gallery.data.find((m) => m.id === id)?.optionValue ?? null]));
    };

    // A PATCH that keeps every value (new prices only) leaves the bindings alone.
    await colours(["Red", "Blue", "Green"], 1200).expect(200);
    expect(await bindings()).toEqual({
      Red: { name: "Colour", value: "Red" },
      Blue: { name: "Colour", value: "Blue" },
      Green: { name: "Colour", value: "Green" },
    });

    // Red renamed to Crimson, Green removed: both pictures now show for every variant; Blue keeps its binding.
    await colours(["Crimson", "Blue"]).expect(200);
    expect(await bindings()).toEqual({ Red: null, Blue: { name: "Colour", value: "Blue" }, Green: null });

    // Dropping the options altogether (back to one default variant) unbinds the rest.
    await request(t.app)
      .patch(`/api/v1/products/${product.id}`)
      .set("Authorization", admin)
      .send({ options: [], variants: [{ optionValues: {}, priceCents: 1000, stock: 2 }] })
      .expect(200);
    expect(await bindings()).toEqual({ Red: null, Blue: null, Green: null });
  });
});
