import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../test/agents";
import { makeBrand, makeProduct, makeSector, makeUser } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";

// Issue 16 §3: versions, strong ETags and If-Match on every admin-editable object (ADR 056).
let t: TestApp;
let admin: Awaited<ReturnType<typeof bearerFor>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await bearerFor(t, "admin");
});
afterAll(() => t.close());

const as = (method: "get" | "patch" | "delete" | "post", path: string) => request(t.app)[method](path).set("Authorization", admin.authorization);

describe("safe concurrent editing", () => {
  it("when two admins loaded the same product and the first saves, then the second's save is 412 with the current version and nothing changes", async () => {
    const product = await makeProduct(t.db, { name: "Quince" });
    const loaded = await as("get", `/api/v1/products/${product.id}`);
    expect(loaded.headers.etag!).toMatch(/^"1-[A-Za-z0-9_-]+"$/);
    expect(loaded.body.version).toBe(1);

    const first = await as("patch", `/api/v1/products/${product.id}`).set("If-Match", loaded.headers.etag!).send({ name: "Quince Jam" });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    expect(first.headers.etag).toMatch(/^"2-/);

    const second = await as("patch", `/api/v1/products/${product.id}`).set("If-Match", loaded.headers.etag!).send({ priceCents: 1 });
    expect(second.status).toBe(412);
    expect(second.body.error).toMatchObject({ code: "precondition_failed", details: [{ path: "version", message: "2" }] });
    const now = await as("get", `/api/v1/products/${product.id}`);
    expect(now.body).toMatchObject({ name: "Quince Jam", priceCents: product.priceCents, version: 2 });

    // Reapplying on the current version (the bare `"<version>"` form) goes through.
    expect((await as("patch", `/api/v1/products/${product.id}`).set("If-Match", '"2"').send({ priceCents: 1 })).status).toBe(200);
    // A stale DELETE changes nothing either.
    expect((await as("delete", `/api/v1/products/${product.id}`).set("If-Match", '"2"')).status).toBe(412);
    expect((await as("delete", `/api/v1/products/${product.id}`).set("If-Match", '"3"')).status).toBe(204);
  });

  it("when an admin adjusts stock, then the product's version moves too, and 304 still works for an unchanged one", async () => {
    const product = await makeProduct(t.db, { stock: 5 });
    const loaded = await as("get", `/api/v1/products/${product.id}`);
    expect((await as("get", `/api/v1/products/${product.id}`).set("If-None-Match", loaded.headers.etag!)).status).toBe(304);
    expect((await as("post", `/api/v1/products/${product.id}/stock`).send({ delta: 2 })).body.version).toBe(2);
    expect((await as("patch", `/api/v1/products/${product.id}`).set("If-Match", loaded.headers.etag!).send({ stock: 0 })).status).toBe(412);
    // No If-Match: last write wins, as before issue 16 (API clients that do not send it keep working).
    expect((await as("patch", `/api/v1/products/${product.id}`).send({ stock: 0 })).status).toBe(200);
  });

  it("when sectors, brands and user roles are edited with a stale If-Match, then 412; a weak tag never matches", async () => {
    const sector = await makeSector(t.db);
    const brand = await makeBrand(t.db, { sectorId: sector.id });
    const user = await makeUser(t.db, { verified: true });
    for (const [path, change] of [
      [`/api/v1/sectors/${sector.id}`, { name: "Renamed sector" }],
      [`/api/v1/brands/${brand.id}`, { name: "Renamed brand" }],
      [`/api/v1/users/${user.id}`, { role: "staff" }],
    ] as const) {
      const loaded = await as("get", path);
      expect(loaded.headers.etag, path).toMatch(/^"1-/);
      expect((await as("patch", path).set("If-Match", `W/${loaded.headers.etag!}`).send(change)).status, path).toBe(412);
      expect((await as("patch", path).set("If-Match", loaded.headers.etag!).send(change)).body.version, path).toBe(2);
      expect((await as("patch", path).set("If-Match", loaded.headers.etag!).send(change)).status, path).toBe(412);
    }
    expect((await as("delete", `/api/v1/brands/${brand.id}`).set("If-Match", '"1"')).status).toBe(412);
  });
});
