import { Router } from "express";
import { notFound } from "../../lib/app-error";

/**
 * Generated product pictures: every product's default imageUrl is /images/products/<slug>.svg.
 * Mounted outside /api so the API rate limit never throttles a page full of images; the picture
 * depends only on the name, so browsers may cache it forever.
 */
export const PRODUCT_IMAGE_PREFIX = "/images/products/";
export const productImagePath = (slug: string) => `${PRODUCT_IMAGE_PREFIX}${slug}.svg`;

const IMAGE_FILE = /^([a-z0-9-]{1,160})\.svg$/;
const CACHE_FOREVER = "public, max-age=31536000, immutable";

/** FNV-1a: a tiny, stable 32-bit hash; the same name always gets the same colours and shape. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** HSL → #rrggbb (hex colours render the same in every SVG consumer, hsl() does not). */
function hsl(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** The name's words, capitalised, in at most two lines of ~18 characters. */
function captionLines(name: string): string[] {
  const words = name
    .split("-")
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= 18 || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > 2) lines.splice(1, lines.length - 1, `${lines[1]}…`);
  return lines.map((l) => (l.length > 22 ? `${l.slice(0, 21)}…` : l));
}

/** Three simple silhouettes (round fruit, pear, jar), picked by the hash. */
const SHAPES = [
  `<circle cx="200" cy="165" r="88" fill="url(#f)"/><path d="M200 80q4-28 22-38" stroke="#5b3a1e" stroke-width="7" fill="none" stroke-linecap="round"/><path d="M206 76q34-34 66-10q-30 30-66 10z" fill="#3f9d4a"/>`,
  `<path d="M200 70c-26 0-32 40-38 62c-36 22-52 50-52 78c0 44 40 64 90 64s90-20 90-64c0-28-16-56-52-78c-6-22-12-62-38-62z" fill="url(#f)"/><path d="M200 72q-2-22 14-34" stroke="#5b3a1e" stroke-width="6" fill="none" stroke-linecap="round"/>`,
  `<rect x="132" y="98" width="136" height="170" rx="26" fill="url(#f)"/><rect x="146" y="74" width="108" height="30" rx="8" fill="#fff" opacity=".85"/><rect x="150" y="150" width="100" height="56" rx="10" fill="#fff" opacity=".35"/>`,
];

export function productImageSvg(name: string): string {
  const h = hash(name);
  const hue = h % 360;
  const bgFrom = hsl(hue, 0.7, 0.56);
  const bgTo = hsl((hue + 40 + ((h >>> 9) % 80)) % 360, 0.65, 0.4);
  const fruitHue = (hue + 150 + ((h >>> 17) % 60)) % 360;
  const shape = SHAPES[(h >>> 5) % SHAPES.length]!;
  const lines = captionLines(name).map(escapeXml);
  const firstY = lines.length > 1 ? 318 : 338;
  const caption = lines.map((l, i) => `<tspan x="200" y="${firstY + i * 36}">${l}</tspan>`).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-label="${lines.join(" ")}">` +
    `<defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="${bgFrom}"/><stop offset="1" stop-color="${bgTo}"/></linearGradient>` +
    `<radialGradient id="f" cx=".35" cy=".3" r=".8"><stop offset="0" stop-color="${hsl(fruitHue, 0.9, 0.78)}"/><stop offset="1" stop-color="${hsl(fruitHue, 0.7, 0.45)}"/></radialGradient></defs>` +
    `<rect width="400" height="400" fill="url(#g)"/>` +
    `<circle cx="${60 + (h % 90)}" cy="${50 + ((h >>> 3) % 60)}" r="46" fill="#fff" opacity=".12"/><circle cx="${310 + ((h >>> 7) % 60)}" cy="${250 + ((h >>> 11) % 50)}" r="70" fill="#fff" opacity=".1"/>` +
    `<ellipse cx="200" cy="262" rx="86" ry="12" fill="#000" opacity=".15"/>${shape}` +
    `<text font-family="system-ui,-apple-system,Segoe UI,sans-serif" font-size="30" font-weight="700" fill="#fff" stroke="#000" stroke-opacity=".3" stroke-width="5" stroke-linejoin="round" paint-order="stroke" text-anchor="middle">${caption}</text></svg>`
  );
}

export function productImageRoutes(): Router {
  const router = Router();
  router.get("/products/:file", (req, res) => {
    const match = IMAGE_FILE.exec(req.params.file);
    if (!match) throw notFound("Image");
    res.setHeader("Cache-Control", CACHE_FOREVER);
    res.type("image/svg+xml").send(productImageSvg(match[1]!));
  });
  return router;
}
