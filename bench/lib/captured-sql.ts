import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { productListQuery } from "@shared/contracts/catalog";
import type { Executor } from "../../server/db";
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
 * and repository build the statement, and an executor that records instead of running receives it.
 * Drizzle's PostgreSQL dialect then renders it to the text + parameters node-postgres is given.
 * Nothing in the app is edited or re-implemented for this.
 */
export async function captureProductListQuery(queryString: Record<string, string>): Promise<CapturedQuery> {
  const captured: SQL[] = [];
  const recorder = {
    async execute(query: SQL) {
      captured.push(query);
      return { rows: [] };
    },
  } as unknown as Executor;
  const service = createCatalogService(createCatalogRepo(recorder));
  await service.listProducts(parseOrThrow(productListQuery, queryString, "query"));
  if (captured.length !== 1) throw new Error(`expected the product list to run exactly one statement, it ran ${captured.length}`);
  const { sql, params } = new PgDialect().sqlToQuery(captured[0]!);
  return { text: sql, params };
}
