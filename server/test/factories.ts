import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import { brands, orderEvents, orderItems, orders, products, sectors, transactions, users, type Role } from "@shared/schema";
import { hashPassword } from "../features/auth/password";

/** Unique per call, so tests never collide on slugs even when they share a database. */
export const uniqueSuffix = () => randomUUID().slice(0, 8);

export async function makeSector(db: Db, overrides: Partial<typeof sectors.$inferInsert> = {}) {
  const s = uniqueSuffix();
  const [row] = await db
    .insert(sectors)
    .values({ name: `Sector ${s}`, slug: `sector-${s}`, description: "A test sector", emoji: "🧪", ...overrides })
    .returning();
  return row!;
}

export async function makeBrand(db: Db, overrides: Partial<typeof brands.$inferInsert> = {}) {
  const sectorId = overrides.sectorId ?? (await makeSector(db)).id;
  const s = uniqueSuffix();
  const [row] = await db
    .insert(brands)
    .values({ name: `Brand ${s}`, slug: `brand-${s}`, description: "A test brand", ...overrides, sectorId })
    .returning();
  return row!;
}

export async function makeProduct(db: Db, overrides: Partial<typeof products.$inferInsert> = {}) {
  const brandId = overrides.brandId ?? (await makeBrand(db)).id;
  const s = uniqueSuffix();
  const [row] = await db
    .insert(products)
    .values({
      name: `Product ${s}`,
      slug: `product-${s}`,
      description: "A test product",
      priceCents: 1999,
      stock: 10,
      imageUrl: `/images/products/product-${s}.svg`,
      ...overrides,
      brandId,
    })
    .returning();
  return row!;
}

/** Many products in one brand, in one statement (keeps pagination tests fast). */
export async function makeProducts(db: Db, brandId: string, rows: Array<Partial<typeof products.$inferInsert>>) {
  return db
    .insert(products)
    .values(
      rows.map((r) => {
        const s = uniqueSuffix();
        return { name: `Product ${s}`, slug: `product-${s}`, priceCents: 1000, stock: 5, ...r, brandId };
      }),
    )
    .returning();
}

/** A made-up word of letters only (full-text search tokenises digits differently), unique per call. */
export const uniqueWord = (prefix = "zq") => `${prefix}${uniqueSuffix().replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)]!)}`;

/** The password of every factory user unless a test picks its own (hashed once per process: argon2 is slow on purpose). */
export const TEST_PASSWORD = "factory-password-1234";
let testPasswordHash: Promise<string> | undefined;

/** A user with a unique email; `password` is returned so tests can sign in. */
export async function makeUser(db: Db, overrides: { role?: Role; email?: string; name?: string; password?: string; verified?: boolean } = {}) {
  const s = uniqueSuffix();
  const password = overrides.password ?? TEST_PASSWORD;
  const passwordHash = overrides.password ? await hashPassword(password) : await (testPasswordHash ??= hashPassword(TEST_PASSWORD));
  const [row] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `user-${s}@example.test`,
      name: overrides.name ?? `User ${s}`,
      role: overrides.role ?? "customer",
      passwordHash,
      // Verified unless a test says otherwise: staff and admin roles require it (issue 11).
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
    })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt, emailVerifiedAt: users.emailVerifiedAt });
  return { ...row!, password };
}

/**
 * `count` users in one statement, all with TEST_PASSWORD (hashed once per process): for tests that need many
 * distinct buyers. Pair with accessTokenFor (agents.ts) to act as them without 200 sign-ins.
 */
export async function makeUsers(db: Db, count: number, role: Role = "customer") {
  const passwordHash = await (testPasswordHash ??= hashPassword(TEST_PASSWORD));
  const s = uniqueSuffix();
  return db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `user-${s}-${i}@example.test`,
        name: `User ${s} ${i}`,
        role,
        passwordHash,
        emailVerifiedAt: new Date(),
      })),
    )
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt, emailVerifiedAt: users.emailVerifiedAt });
}

type OrderStatusValue = (typeof orders.$inferSelect)["status"];

/**
 * An order written straight to the tables in any status, with the history a real one would have
 * (pending first, then each step to `status`) and, once paid, a succeeded test_card charge. Stock is NOT
 * taken from the product: cancelling such an order through the API gives stock back that it never took,
 * which tests account for. For checkout itself use POST /api/v1/orders.
 */
export async function makeOrder(
  db: Db,
  options: { userId: string; productId: string; quantity?: number; unitPriceCents?: number; status?: OrderStatusValue; name?: string },
) {
  const quantity = options.quantity ?? 1;
  const unitPriceCents = options.unitPriceCents ?? 1000;
  const status = options.status ?? "pending";
  const subtotalCents = unitPriceCents * quantity;
  const [order] = await db
    .insert(orders)
    .values({
      userId: options.userId,
      status,
      subtotalCents,
      taxCents: 0,
      shippingCents: 0,
      totalCents: subtotalCents,
      currency: "USD",
      shippingAddress: { name: "Test Buyer", line1: "1 Test Street", city: "Testville", postalCode: "12345", country: "US" },
    })
    .returning();
  await db.insert(orderItems).values({
    orderId: order!.id,
    productId: options.productId,
    // The product's first variant (every product has one: ADR 050), as a checkout would record it.
    variantId: sql`(select id from product_variants where product_id = ${options.productId}::uuid order by position, id limit 1)`,
    sku: sql`coalesce((select sku from product_variants where product_id = ${options.productId}::uuid order by position, id limit 1), '')`,
    name: options.name ?? "Factory item",
    unitPriceCents,
    quantity,
    lineTotalCents: subtotalCents,
  });
  const path: Record<OrderStatusValue, OrderStatusValue[]> = {
    pending: ["pending"],
    paid: ["pending", "paid"],
    shipped: ["pending", "paid", "shipped"],
    delivered: ["pending", "paid", "shipped", "delivered"],
    cancelled: ["pending", "cancelled"],
  };
  const steps = path[status];
  // One millisecond apart, so the history reads in order.
  const start = Date.now() - steps.length;
  await db
    .insert(orderEvents)
    .values(steps.map((s, i) => ({ orderId: order!.id, status: s, actor: i === 0 ? options.userId : "system", at: new Date(start + i) })));
  if (steps.includes("paid")) {
    await db.insert(transactions).values({
      orderId: order!.id,
      kind: "charge",
      status: "succeeded",
      amountCents: subtotalCents,
      currency: "USD",
      provider: "test_card",
      reference: `ch_factory_${uniqueSuffix()}`,
    });
  }
  return order!;
}
