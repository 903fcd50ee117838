// The baseline for bench/catalog-list: a bare node:http + pg Pool server answering
// GET /api/v1/products?limit=N with THE SAME statement the app sends (captured from the app's own
// repository by bench/lib/captured-sql.ts and handed over in BASELINE_QUERY), mapped to the same
// JSON shape and pagination envelope. No framework, no middleware, no validation, no logging:
// the floor the app is compared against. Started by the bench as a child process.
import { createServer, type ServerResponse } from "node:http";
import pg from "pg";

interface Query {
  text: string;
  params: unknown[];
}
type Row = Record<string, string | number>;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`raw-server: ${name} is required`);
  return value;
}

const port = Number(required("PORT"));
const host = process.env.HOST ?? "127.0.0.1";
const query = JSON.parse(required("BASELINE_QUERY")) as Query;
const pageSize = Number(required("BASELINE_PAGE_SIZE"));
const sort = required("BASELINE_SORT");
const imagePrefix = required("BASELINE_IMAGE_PREFIX");
if (sort !== "newest") throw new Error(`raw-server: only the default "newest" sort is implemented, got ${sort}`);

// The same pool settings as server/db/index.ts (openPg).
const pool = new pg.Pool({
  connectionString: required("DATABASE_URL"),
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  statement_timeout: 30_000,
});
pool.on("error", (err) => console.error(`idle database client error: ${err.message}`));

const isoMillis = (micros: string) => `${micros.slice(0, 23)}Z`;
const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify({ s: sort, v: values })).toString("base64url");

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
    imageUrl: r.image_url || `${imagePrefix}${slug}.svg`,
    status: r.status,
    brand: { id: r.brand_id, slug: r.brand_slug, name: r.brand_name },
    sector: { id: r.sector_id, slug: r.sector_slug, name: r.sector_name },
    createdAt: isoMillis(r.created_at as string),
    updatedAt: isoMillis(r.updated_at as string),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}

const server = createServer((req, res) => {
  const path = (req.url ?? "/").split("?")[0];
  if (req.method === "GET" && path === "/api/v1/products") {
    pool.query<Row>(query.text, query.params).then(
      ({ rows }) => {
        const hasMore = rows.length > pageSize;
        const page = hasMore ? rows.slice(0, pageSize) : rows;
        const last = page.at(-1);
        send(res, 200, {
          data: page.map(toProduct),
          pagination: { nextCursor: hasMore && last ? encodeCursor([last.created_at, last.id]) : null, hasMore },
        });
      },
      (err: Error) => send(res, 500, { error: { code: "internal", message: err.message } }),
    );
    return;
  }
  if (req.method === "GET" && path === "/api/health/readiness") {
    pool.query("select 1").then(
      () => send(res, 200, { status: "ready" }),
      () => send(res, 503, { status: "not_ready" }),
    );
    return;
  }
  send(res, 404, { error: { code: "not_found", message: "Not found" } });
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
