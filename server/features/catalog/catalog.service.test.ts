import { describe, expect, it, vi } from "vitest";
import type { AuditService } from "../audit/audit.service";
import type { CatalogRepo } from "./catalog.repo";
import { createCatalogService } from "./catalog.service";

/**
 * The races a database decides (a concurrent write slipping between a check and the statement) cannot be
 * timed through HTTP, so these drive the service with a stub repository whose statements fail the way
 * PostgreSQL does (error code + constraint name, as node-postgres and PGlite report them).
 */
const admin = { id: "a0000000-0000-4000-8000-000000000001", email: "admin@example.test", role: "admin" as const };
const ID = "b0000000-0000-4000-8000-000000000002";
const pgError = (code: string, constraint: string) => Object.assign(new Error(`violates ${constraint}`), { code, constraint });
const product = {
  id: ID,
  slug: "pear",
  name: "Pear",
  description: "",
  priceCents: 1,
  currency: "USD",
  stock: 1,
  imageUrl: "",
  status: "active" as const,
  brandId: ID,
  version: 1,
  options: [],
  variants: [{ id: ID, sku: "pear", optionValues: {}, priceCents: 1, compareAtPriceCents: null, stock: 1 }],
};

function serviceWith(statements: Partial<CatalogRepo>) {
  const transaction = vi.fn(async (fn: (tx: undefined) => Promise<unknown>) => fn(undefined));
  // Every statement the service runs in a transaction gets the TxScope last: the stubs see the arguments before it.
  const inTransaction = Object.fromEntries(
    Object.entries(statements).map(([name, stub]) => [name, (...args: unknown[]) => (stub as (...a: unknown[]) => unknown)(...args.slice(0, -1))]),
  );
  const repo = { ...inTransaction, transaction, cacheScope: async () => "test" } as unknown as CatalogRepo;
  const audit = { record: vi.fn(async () => undefined) } as unknown as AuditService;
  return { service: createCatalogService(repo, { audit }), transaction, audit };
}

describe("catalog service: races the database decides", () => {
  it("when a product is added to a brand between the check and the delete, then 409 conflict rather than 400", async () => {
    const { service } = serviceWith({
      lockBrand: async () => ({ id: ID, slug: "b", name: "B", description: "", sectorId: ID, version: 1 }),
      productCountOfBrand: async () => 0,
      delete: async () => {
        throw pgError("23503", "products_brand_id_brands_id_fk");
      },
    });
    await expect(service.deleteBrand(admin, ID, {})).rejects.toMatchObject({ code: "conflict", status: 409 });
  });

  it("when a brand is added to a sector between the check and the delete, then 409 conflict", async () => {
    const { service } = serviceWith({
      lockSector: async () => ({ id: ID, slug: "s", name: "S", description: "", emoji: "", version: 1 }),
      brandCountOfSector: async () => 0,
      delete: async () => {
        throw pgError("23503", "brands_sector_id_sectors_id_fk");
      },
    });
    await expect(service.deleteSector(admin, ID, {})).rejects.toMatchObject({ code: "conflict" });
  });

  it("when an order line appears between the check and the delete, then the product is archived instead", async () => {
    const archiveProduct = vi.fn(async () => undefined);
    const { service, transaction, audit } = serviceWith({
      lockProduct: async () => product,
      productInOrders: async () => false,
      delete: async () => {
        throw pgError("23503", "order_items_product_id_products_id_fk");
      },
      archiveProduct,
    });
    await expect(service.deleteProduct(admin, ID, {})).resolves.toBe("archived");
    expect(transaction).toHaveBeenCalledTimes(2);
    expect(archiveProduct).toHaveBeenCalledWith(ID);
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ action: "catalog.product.archived" }), {}, undefined);
  });

  it("when the brand disappears before the insert, then 400 validation_failed on brandId", async () => {
    const { service } = serviceWith({
      exists: async () => true,
      insertProduct: async () => {
        throw pgError("23503", "products_brand_id_brands_id_fk");
      },
    });
    await expect(service.createProduct(admin, { name: "Pear", priceCents: 1, stock: 1, brandId: ID, slug: "pear" }, {})).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "brandId", message: expect.any(String) }],
    });
  });

  it("when another product takes the slug between the check and the update, then 409 slug_taken on slug", async () => {
    const { service } = serviceWith({
      lockProduct: async () => product,
      slugTakenByOther: async () => false,
      updateProduct: async () => {
        throw pgError("23505", "products_slug_unique");
      },
    });
    await expect(service.updateProduct(admin, ID, { slug: "apple" }, {})).rejects.toMatchObject({
      code: "slug_taken",
      details: [{ path: "slug", message: expect.any(String) }],
    });
  });

  it("when a non-admin calls a write directly, then the service refuses it too", async () => {
    const { service, transaction } = serviceWith({});
    await expect(service.createSector({ ...admin, role: "staff" }, { name: "X" }, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.createSector(undefined, { name: "X" }, {})).rejects.toMatchObject({ code: "unauthenticated" });
    expect(transaction).not.toHaveBeenCalled();
  });
});
