// npm run bench:catalog-detail — GET /api/v1/products/:slug (the newest shopper-visible product) under load: the
// app, uncached and cached, against the raw node:http + pg server's named prepared statement. Same settings and
// environment as bench/catalog-list.ts (bench/lib/catalog-compare.ts).
import pg from "pg";
import { compareCatalogRead } from "./lib/catalog-compare";

async function newestVisibleSlug(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string }>(
      "select p.slug from products p join brands b on b.id = p.brand_id where p.status = 'active' and b.status = 'active' order by p.created_at desc limit 1",
    );
    if (!rows[0]) throw new Error("no visible product in the bench database");
    return `/api/v1/products/${rows[0].slug}`;
  } finally {
    await client.end();
  }
}

compareCatalogRead("catalog-detail", newestVisibleSlug).catch((err: unknown) => {
  console.error(`bench:catalog-detail failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
