import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "@shared/schema";
import { productListQuery } from "@shared/contracts/catalog";
import type { Db } from "../../server/db";
import { createCatalogRepo } from "../../server/features/catalog/catalog.repo";
import { createCatalogService } from "../../server/features/catalog/catalog.service";
import { parseOrThrow } from "../../server/lib/validate";

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/**
 * The exact statement the app sends for a product-list request, captured from the app's own code
 * path: the shared zod schema parses the query string as the route does, the real catalog service
 * and repository build the statement, and Drizzle's node-postgres driver renders it to the text +
 * parameters node-postgres is given; a client that answers with no rows stands in for the pool and
 * Drizzle's query logger records the statement. Nothing in the app is edited or re-implemented for this.
 */
export async function captureProductListQuery(queryString: Record<string, string>): Promise<CapturedQuery> {
  const captured: CapturedQuery[] = [];
  const noRows = { query: async () => ({ rows: [], fields: [] }) };
  const recorder = drizzle({
    client: noRows as never,
    schema,
    logger: { logQuery: (text, params) => void captured.push({ text, params }) },
  }) as unknown as Db;
  const service = createCatalogService(createCatalogRepo(recorder));
  await service.listProducts(parseOrThrow(productListQuery, queryString, "query"));
  if (captured.length !== 1) throw new Error(`expected the product list to run exactly one statement, it ran ${captured.length}`);
  return captured[0]!;
}
