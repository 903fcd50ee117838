import request from "supertest";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../test/harness";
import { makeBrand, makeProducts, makeSector, uniqueSuffix } from "../../test/factories";

describe("sectors", () => {
  it("when listing sectors, then each carries counts of active brands and shopper-visible products, ordered by name", async () => {
    const { app, db, services } = await createTestApp();
    const s = uniqueSuffix();
    const later = await makeSector(db, { name: `Zz sector ${s}`, emoji: "🍐", description: "Pears and more" });
    const earlier = await makeSector(db, { name: `Aa sector ${s}` });
    const [brandA, brandB] = [await makeBrand(db, { sectorId: later.id }), await makeBrand(db, { sectorId: later.id })];
    const archivedBrand = await makeBrand(db, { sectorId: later.id, status: "archived" });
    await makeProducts(db, brandA.id, [{}, {}, { status: "archived" }]);
    await makeProducts(db, brandB.id, [{ stock: 0 }]);
    await makeProducts(db, archivedBrand.id, [{}, {}]);
    // Factories write behind the catalog service's back; with a shared Redis cache another test may have cached this list.
    await services.catalog.invalidateCache();

    const res = await request(app).get("/api/v1/sectors");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["data"]);
    const names = res.body.data.map((x: { name: string }) => x.name);
    expect(names.indexOf(earlier.name)).toBeGreaterThanOrEqual(0);
    expect(names.indexOf(earlier.name)).toBeLessThan(names.indexOf(later.name));
    const found = res.body.data.find((x: { id: string }) => x.id === later.id);
    expect(found).toEqual({
      id: later.id,
      slug: later.slug,
      name: later.name,
      description: "Pears and more",
      emoji: "🍐",
      brandCount: 2,
      productCount: 3, // two active in A, the out-of-stock one in B; not the archived one, not the archived brand's
      version: 1,
    });
    expect(res.body.data.find((x: { id: string }) => x.id === earlier.id)).toMatchObject({ brandCount: 0, productCount: 0 });
  });

  it("when fetching a sector by slug or id, then it comes back with its counts; unknown keys are 404", async () => {
    const { app, db } = await createTestApp();
    const sector = await makeSector(db);
    const brand = await makeBrand(db, { sectorId: sector.id });
    await makeProducts(db, brand.id, [{}]);
    const bySlug = await request(app).get(`/api/v1/sectors/${sector.slug}`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body).toMatchObject({ id: sector.id, slug: sector.slug, brandCount: 1, productCount: 1 });
    const byId = await request(app).get(`/api/v1/sectors/${sector.id}`);
    expect(byId.body).toEqual(bySlug.body);
    for (const key of ["no-such-sector-here", "6f1c1a3e-0000-4000-8000-000000000001", "NOPE!"]) {
      const res = await request(app).get(`/api/v1/sectors/${encodeURIComponent(key)}`);
      expect(res.status, key).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
  });
});

describe("brands", () => {
  it("when listing brands of a sector in pages, then every active brand comes once, by name then id, with its product count", async () => {
    const { app, db } = await createTestApp();
    const sector = await makeSector(db);
    const s = uniqueSuffix();
    // Two brands share a name, so the id decides their order.
    const made = [];
    for (const name of [`Delta ${s}`, `Alpha ${s}`, `Charlie ${s}`, `Bravo ${s}`, `Bravo ${s}`]) {
      made.push(await makeBrand(db, { sectorId: sector.id, name }));
    }
    await makeBrand(db, { sectorId: sector.id, name: `Archived ${s}`, status: "archived" });
    await makeBrand(db, { name: `Alpha ${s}` }); // another sector
    await makeProducts(db, made[1]!.id, [{}, {}, { status: "archived" }]);

    const seen: Array<{ id: string; name: string; productCount: number }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/brands?sector=${sector.slug}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await request(app).get(url);
      expect(res.status).toBe(200);
      seen.push(...res.body.data);
      cursor = res.body.pagination.nextCursor;
      expect(res.body.pagination.hasMore).toBe(cursor !== null);
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    const bravos = made
      .filter((b) => b.name.startsWith("Bravo"))
      .map((b) => b.id)
      .sort();
    expect(seen.map((b) => b.id)).toEqual([made[1]!.id, ...bravos, made[2]!.id, made[0]!.id]);
    expect(seen[0]).toEqual({
      id: made[1]!.id,
      slug: made[1]!.slug,
      name: `Alpha ${s}`,
      description: "A test brand",
      sector: { id: sector.id, slug: sector.slug, name: sector.name },
      productCount: 2,
      status: "active",
      version: 1,
    });
  });

  it("when searching brands with q, then the name matches case-insensitively and % and _ match only themselves", async () => {
    const { app, db } = await createTestApp();
    const sector = await makeSector(db);
    const s = uniqueSuffix();
    const percent = await makeBrand(db, { sectorId: sector.id, name: `Deals 100% ${s}` });
    const underscore = await makeBrand(db, { sectorId: sector.id, name: `Snake_case ${s}` });
    const plain = await makeBrand(db, { sectorId: sector.id, name: `Deals 1000 SnakeXcase ${s}` });
    const list = async (q: string) =>
      (await request(app).get(`/api/v1/brands?sector=${sector.slug}&q=${encodeURIComponent(q)}`)).body.data.map((b: { id: string }) => b.id);
    expect(await list("100%")).toEqual([percent.id]);
    expect(await list("snake_")).toEqual([underscore.id]);
    expect((await list("DEALS")).sort()).toEqual([percent.id, plain.id].sort());
    expect(await list(s.toUpperCase())).toHaveLength(3);
    expect(await list("\\")).toEqual([]);
  });

  it("when fetching a brand by slug or id, then it comes back; archived or unknown brands are 404", async () => {
    const { app, db } = await createTestApp();
    const brand = await makeBrand(db);
    const archived = await makeBrand(db, { status: "archived" });
    const bySlug = await request(app).get(`/api/v1/brands/${brand.slug}`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body).toMatchObject({ id: brand.id, slug: brand.slug, productCount: 0, status: "active" });
    expect((await request(app).get(`/api/v1/brands/${brand.id}`)).body).toEqual(bySlug.body);
    for (const key of [archived.slug, archived.id, "no-such-brand-here", "6f1c1a3e-0000-4000-8000-000000000002"]) {
      const res = await request(app).get(`/api/v1/brands/${key}`);
      expect(res.status, key).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
  });

  it("when the brand list query is invalid, then 400 validation_failed with details", async () => {
    const { app } = await createTestApp();
    for (const [query, path] of [
      ["limit=0", "limit"],
      ["cursor=%%%", "cursor"],
      ["sector=UPPER", "sector"],
    ] as const) {
      const res = await request(app).get(`/api/v1/brands?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const unknown = await request(app).get("/api/v1/brands?sort=name");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("validation_failed");
  });
});
