import request from "supertest";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, products } from "@shared/schema";
import { bearerFor } from "../../test/agents";
import { makeProduct, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { makeSpaFixture } from "../../test/spa-fixture";

// Issue 16 §4: runtime flags seen by every replica within a second, their effect on the API, and the cache purge.
let a: TestApp;
let b: TestApp;
let admin: Awaited<ReturnType<typeof bearerFor>>;
const defaults = { guestCheckout: true, registrationOpen: true, maintenanceMode: false, lowStockThreshold: 5 };

beforeAll(async () => {
  // Both serve the storefront's pages; b is a second replica on the same database (and Redis, when REDIS_URL is set).
  const spa = { serveSpa: true, spaDistDir: makeSpaFixture() };
  a = await createTestApp({}, spa);
  b = await createTestApp({}, spa);
  admin = await bearerFor(a, "admin");
});
// The worker's database is shared with other files: leave the flags as found.
afterAll(() => request(a.app).patch("/api/v1/settings/flags").set("Authorization", admin.authorization).send(defaults));

const setFlags = (flags: Record<string, unknown>) => request(a.app).patch("/api/v1/settings/flags").set("Authorization", admin.authorization).send(flags);

async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - start;
}

describe("feature flags", () => {
  it("when nobody changed them, then everyone reads the defaults and only staff see the low-stock threshold", async () => {
    const { lowStockThreshold, ...open } = defaults;
    expect((await request(a.app).get("/api/v1/settings/flags").expect(200)).body).toEqual(open);
    expect((await request(a.app).get("/api/v1/settings/flags").set("Authorization", admin.authorization)).body.lowStockThreshold).toBe(lowStockThreshold);
    expect((await setFlags({ noSuchFlag: true })).status).toBe(400);
    const customer = await bearerFor(a, "customer");
    expect((await request(a.app).patch("/api/v1/settings/flags").set("Authorization", customer.authorization).send({ maintenanceMode: true })).status).toBe(
      403,
    );
  });

  it("when maintenance is switched on, then the other replica refuses shoppers within 1 s while admins, sign-in and health keep working", async () => {
    // Without Redis each test app is its own island (no cross-replica events): then the replica that changed it is checked.
    const other = process.env.REDIS_URL ? b : a;
    const customer = await bearerFor(other, "customer");
    expect((await setFlags({ maintenanceMode: true })).body.maintenanceMode).toBe(true);
    await within(1_000, async () => (await request(other.app).get("/api/v1/products").set("Authorization", customer.authorization)).status === 503);
    const refused = await request(other.app).get("/api/v1/products");
    expect(refused.body.error.code).toBe("not_ready");
    expect((await request(other.app).get("/api/v1/products").set("Authorization", admin.authorization)).status).toBe(200);
    expect((await request(other.app).get("/api/v1/settings/flags")).body.maintenanceMode).toBe(true);
    expect((await request(other.app).post("/api/v1/auth/token").send({ email: admin.user.email, password: admin.user.password })).status).toBe(200);
    expect((await request(other.app).get("/api/health/readiness")).status).toBe(200);

    // The storefront's first HTML already says maintenance (ADR 073); sign-in and the console pages stay open.
    const page = (path: string) => request(other.app).get(path).set("Accept", "text/html");
    await within(1_000, async () => (await page("/products/any-fruit")).status === 503);
    const closed = await page("/");
    expect(closed.status).toBe(503);
    expect(closed.headers["retry-after"]).toBe("60");
    expect(closed.text).toContain("<title>Back soon · FruitfulPlanet</title>");
    expect(closed.text).toContain('<meta name="robots" content="noindex" />');
    expect(closed.text).toMatch(/<div id="root"><main[^>]*><h1>We’ll be right back<\/h1>/);
    for (const open of ["/login", "/admin/settings", "/dashboard"]) expect((await page(open)).status).toBe(200);

    await setFlags({ maintenanceMode: false });
    await within(1_000, async () => (await page("/")).status === 200);
    expect((await page("/")).text).toContain('<div id="root"></div>');
    const [entry] = await a.db.select().from(auditLog).where(eq(auditLog.action, "settings.flags_changed")).limit(1);
    expect(entry?.summary).toMatchObject({ after: expect.any(Object) });
  });

  it("when registration and guest checkout are switched off, then those requests are 403", async () => {
    await setFlags({ registrationOpen: false, guestCheckout: false });
    const register = await request(a.app)
      .post("/api/v1/auth/register")
      .send({ email: `r-${uniqueSuffix()}@example.test`, password: "a-long-enough-password-1", name: "R" });
    expect(register.status).toBe(403);
    expect((await request(a.app).post("/api/v1/orders").send({})).status).toBe(403);
    await setFlags({ registrationOpen: true, guestCheckout: true });
  });
});

describe("cache purge", () => {
  it("when data changed behind the cache's back, then a purge makes shoppers see it; customers may not purge", async () => {
    const product = await makeProduct(a.db, { name: "Medlar" });
    expect((await request(a.app).get(`/api/v1/products/${product.id}`)).body.name).toBe("Medlar");
    await a.db.update(products).set({ name: "Medlar Jelly" }).where(eq(products.id, product.id));
    expect((await request(a.app).get(`/api/v1/products/${product.id}`)).body.name).toBe("Medlar"); // still cached

    const purge = await request(a.app).post("/api/v1/cache/purge").set("Authorization", admin.authorization).send({ namespace: "catalog" });
    expect(purge.status).toBe(200);
    expect(purge.body).toMatchObject({ namespace: "catalog", purged: expect.any(Number) });
    // With Redis the cache is one shared hash: the other replica's next read misses too.
    if (process.env.REDIS_URL) expect((await request(b.app).get(`/api/v1/products/${product.id}`)).body.name).toBe("Medlar Jelly");
    expect((await request(a.app).get(`/api/v1/products/${product.id}`)).body.name).toBe("Medlar Jelly");

    const customer = await bearerFor(a, "customer");
    expect((await request(a.app).post("/api/v1/cache/purge").set("Authorization", customer.authorization).send({})).status).toBe(403);
  });
});
