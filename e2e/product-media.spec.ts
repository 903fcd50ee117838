import { crc32 } from "node:zlib";
import sharp from "sharp";
import { expect, test } from "@playwright/test";
import type { BrandList, Product } from "../shared/contracts/catalog";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/seed-data";
import { fillSignIn } from "./fixtures/accounts";

const demoAdmin = DEMO_USERS.find((u) => u.role === "admin")!;

/** A real PNG header claiming 10,000 × 6,000 pixels (60 megapixels); the server reads the header and refuses. */
async function sixtyMegapixelPng(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(10_000, 16);
  png.writeUInt32BE(6_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

test("when an admin uploads a PNG in the console, then the product page shows it through AVIF/WebP srcsets, and a renamed text file and a 60-megapixel image are refused", async ({
  page,
  request,
}) => {
  test.slow(); // sign-in, two refused uploads, one processed upload and the product page
  const run = `${Date.now()}${test.info().retry}`.slice(-8);
  const name = `Scarlet Test Lantern ${run}`;
  const token = (await (await request.post("/api/v1/auth/token", { data: { email: demoAdmin.email, password: DEMO_PASSWORD } })).json()) as {
    accessToken: string;
  };
  const brand = ((await (await request.get("/api/v1/brands?limit=1")).json()) as BrandList).data[0]!;
  const created = await request.post("/api/v1/products", {
    headers: { Authorization: `Bearer ${token.accessToken}` },
    data: { name, priceCents: 1999, stock: 5, brandId: brand.id },
  });
  const product = (await created.json()) as Product;

  await page.goto("/login");
  await fillSignIn(page, demoAdmin.email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: `Account: ${demoAdmin.name}` })).toBeVisible();
  await page.goto(`/admin/catalog/products?q=${encodeURIComponent(name)}`);
  await page.getByRole("button", { name: `Pictures of ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Pictures of ${name}` });
  const files = dialog.locator('input[type="file"]');

  await test.step("a text file named .png and a 60-megapixel PNG are refused with the server's reason", async () => {
    await files.setInputFiles([
      { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("just some notes, not a picture\n") },
      { name: "huge.png", mimeType: "image/png", buffer: await sixtyMegapixelPng() },
    ]);
    await dialog.getByLabel("Description of notes.png").fill("Notes");
    await dialog.getByLabel("Description of huge.png").fill("Huge");
    await dialog.getByRole("button", { name: "Upload 2 pictures" }).click();
    await expect(dialog.getByText(/not a PNG, JPEG, WebP or AVIF image/)).toBeVisible();
    await expect(dialog.getByText(/60\.0 megapixels .*the limit is 40 megapixels/)).toBeVisible();
    await dialog.getByRole("button", { name: "Remove notes.png" }).click();
    await dialog.getByRole("button", { name: "Remove huge.png" }).click();
  });

  await test.step("a real PNG uploads, with its description, and becomes the primary picture", async () => {
    const png = await sharp({ create: { width: 800, height: 800, channels: 3, background: "#c62828" } })
      .png()
      .toBuffer();
    await files.setInputFiles({ name: "lantern.png", mimeType: "image/png", buffer: png });
    await dialog.getByLabel("Description of lantern.png").fill("A scarlet lantern, front view");
    await dialog.getByRole("button", { name: "Upload picture" }).click();
    await expect(dialog.getByTestId("media-row")).toHaveCount(1);
    await expect(dialog.getByLabel("Description (primary picture)")).toHaveValue("A scarlet lantern, front view");
    await dialog.getByRole("button", { name: "Done" }).click();
  });

  await test.step("the product page shows it through srcset, the browser picking AVIF", async () => {
    await page.goto(`/products/${product.slug}`);
    const picture = page.locator("picture").filter({ has: page.getByRole("img", { name: "A scarlet lantern, front view" }) });
    await expect(picture.locator('source[type="image/avif"]')).toHaveAttribute("srcset", /\/media\/[0-9a-f]{32}-320\.avif 320w, .*-800\.avif 800w/);
    await expect(picture.locator('source[type="image/webp"]')).toHaveAttribute("srcset", /\.webp 800w/);
    const img = picture.getByRole("img");
    await expect(img).toHaveAttribute("width", "720");
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.currentSrc : ""))).toMatch(/\.avif$/);
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  });
});
