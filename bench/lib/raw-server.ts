// The physical-limit baseline for bench/catalog-list and bench/catalog-detail: bare node:http + pg, written
// independently of the app (its own SQL, no app code), answering
//   GET /api/v1/products?limit=N         (newest first, shopper-visible products, the app's JSON and cursor)
//   GET /api/v1/products/:slug           (one shopper-visible product)
// with NAMED prepared statements (parsed and planned once per connection, generic plans) and, when the client
// accepts it, the same content coding the app would choose (br, else gzip) at the fastest level. No framework,
// no middleware, no validation, no logging, no cache. Started by the bench as a child process.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import pg from "pg";

interface Variant {
  id: string;
  sku: string;
  optionValues: Record<string, string>;
  priceCents: number;
  compareAtPriceCents: number | null;
  stock: number;
}
type Row = Record<string, string | number> & { options: unknown[]; variants: Variant[] };

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`raw-server: ${name} is required`);
  return value;
}

const port = Number(required("PORT"));
const host = process.env.HOST ?? "127.0.0.1";
const pageSize = Number(required("BASELINE_PAGE_SIZE"));
const imagePrefix = required("BASELINE_IMAGE_PREFIX");

const pool = new pg.Pool({ connectionString: required("DATABASE_URL"), max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
pool.on("error", (err) => console.error(`idle database client error: ${err.message}`));

// Variants come from products.variants, the schema's copy of each product's variants (ADR 079): a hand-written
// statement reads the column rather than aggregating product_variants per row. jsonb hands its keys back in its own
// order, so toVariant writes the contract's order out (the bodies are the app's byte for byte).
const COLUMNS = `p.id, p.slug, p.name, p.description, p.price_cents, p.currency, p.stock, p.image_url, p.status, p.version,
  p.options, p.variants,
  b.id as brand_id, b.slug as brand_slug, b.name as brand_name, s.id as sector_id, s.slug as sector_slug, s.name as sector_name,
  to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
  to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as updated_at`;
const FROM = `from products p join brands b on b.id = p.brand_id join sectors s on s.id = b.sector_id
  where p.status = 'active' and b.status = 'active'`;
const LIST = { name: "raw_list", text: `select ${COLUMNS} ${FROM} order by p.created_at desc, p.id desc limit ${pageSize + 1}` };
const DETAIL = { name: "raw_detail", text: `select ${COLUMNS} ${FROM} and p.slug = $1 limit 1` };

const isoMillis = (micros: string) => `${micros.slice(0, 23)}Z`;
const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify({ s: "newest", v: values })).toString("base64url");

const toVariant = (v: Variant): Variant => ({
  id: v.id,
  sku: v.sku,
  optionValues: v.optionValues,
  priceCents: v.priceCents,
  compareAtPriceCents: v.compareAtPriceCents,
  stock: v.stock,
});

function priceRange(r: Row) {
  if (r.variants.length === 0) return { minCents: r.price_cents, maxCents: r.price_cents };
  let minCents = Infinity;
  let maxCents = -Infinity;
  for (const v of r.variants) {
    if (v.priceCents < minCents) minCents = v.priceCents;
    if (v.priceCents > maxCents) maxCents = v.priceCents;
  }
  return { minCents, maxCents };
}

/** The contract's Product, keys in the app's order (the bench compares bodies byte for byte). */
function toProduct(r: Row) {
  const slug = r.slug as string;
  return {
    id: r.id,
    slug,
    name: r.name,
    description: r.description,
    priceCents: r.price_cents,
    currency: r.currency,
    stock: r.stock,
    status: r.status,
    sector: { id: r.sector_id, slug: r.sector_slug, name: r.sector_name },
    version: r.version,
    options: r.options,
    variants: r.variants.map(toVariant),
    imageUrl: r.image_url || `${imagePrefix}${slug}.svg`,
    priceRange: priceRange(r),
    brand: { id: r.brand_id, slug: r.brand_slug, name: r.brand_name },
    createdAt: isoMillis(r.created_at as string),
    updatedAt: isoMillis(r.updated_at as string),
  };
}

function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown) {
  let bytes = Buffer.from(JSON.stringify(body));
  const headers: Record<string, string | number> = { "Content-Type": "application/json; charset=utf-8" };
  const accept = req.headers["accept-encoding"] ?? "";
  if (bytes.length >= 1024 && /\bbr\b/.test(accept)) {
    bytes = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } });
    headers["Content-Encoding"] = "br";
  } else if (bytes.length >= 1024 && /\bgzip\b/.test(accept)) {
    bytes = gzipSync(bytes, { level: 1 });
    headers["Content-Encoding"] = "gzip";
  }
  headers["Content-Length"] = bytes.length;
  res.writeHead(status, headers);
  res.end(bytes);
}

const failed = (req: IncomingMessage, res: ServerResponse) => (err: Error) => send(req, res, 500, { error: { code: "internal", message: err.message } });

const server = createServer((req, res) => {
  const path = (req.url ?? "/").split("?")[0]!;
  if (req.method === "GET" && path === "/api/v1/products") {
    pool.query<Row>(LIST).then(
      ({ rows }) => {
        const hasMore = rows.length > pageSize;
        const page = hasMore ? rows.slice(0, pageSize) : rows;
        const last = page.at(-1);
        send(req, res, 200, {
          data: page.map(toProduct),
          pagination: { nextCursor: hasMore && last ? encodeCursor([last.created_at, last.id]) : null, hasMore },
        });
      },
      failed(req, res),
    );
    return;
  }
  if (req.method === "GET" && path.startsWith("/api/v1/products/")) {
    pool.query<Row>({ ...DETAIL, values: [decodeURIComponent(path.slice("/api/v1/products/".length))] }).then(
      ({ rows }) => {
        if (rows[0]) send(req, res, 200, toProduct(rows[0]));
        else send(req, res, 404, { error: { code: "not_found", message: "Product not found" } });
      },
      failed(req, res),
    );
    return;
  }
  if (req.method === "GET" && path === "/api/health/readiness") {
    pool.query("select 1").then(
      () => send(req, res, 200, { status: "ready" }),
      () => send(req, res, 503, { status: "not_ready" }),
    );
    return;
  }
  send(req, res, 404, { error: { code: "not_found", message: "Not found" } });
});
server.keepAliveTimeout = 65_000; // as server/index.ts
server.listen(port, host);

function shutdown() {
  server.close();
  server.closeIdleConnections();
  void pool.end().finally(() => process.exit(0));
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
