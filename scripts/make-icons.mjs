// Regenerates the PNG icons and favicon.ico in client/public from favicon.svg, rendered by Chromium (no image tools needed).
// Usage: node scripts/make-icons.mjs   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { chromium } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
const svg = readFileSync("client/public/favicon.svg", "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
async function shot(size, bg, pad = 0) {
  await page.setViewportSize({ width: size, height: size });
  const inner = size - 2 * pad;
  await page.setContent(
    `<html><body style="margin:0;background:${bg}"><div style="padding:${pad}px">${svg.replace("<svg ", `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
  );
  return page.screenshot({ omitBackground: bg === "transparent", type: "png" });
}
writeFileSync("client/public/icon-192.png", await shot(192, "transparent"));
writeFileSync("client/public/icon-512.png", await shot(512, "transparent"));
writeFileSync("client/public/icon-maskable-512.png", await shot(512, "#ffffff", 64));
writeFileSync("client/public/apple-touch-icon.png", await shot(180, "#ffffff", 14));
const png32 = await shot(32, "transparent");
// favicon.ico: one 32×32 PNG image in an ICO container (PNG-in-ICO, supported since Windows Vista and by every browser).
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(1, 4);
const entry = Buffer.alloc(16);
entry[0] = 32;
entry[1] = 32;
entry[2] = 0;
entry[3] = 0;
entry.writeUInt16LE(1, 4);
entry.writeUInt16LE(32, 6);
entry.writeUInt32LE(png32.length, 8);
entry.writeUInt32LE(22, 12);
writeFileSync("client/public/favicon.ico", Buffer.concat([header, entry, png32]));
await browser.close();
