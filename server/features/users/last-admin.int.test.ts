import { eq } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@shared/schema";
import type { Database } from "../../db";
import { bearerFor } from "../../test/agents";
import { createTestApp } from "../../test/harness";
import { openPrivateDatabase } from "../../test/private-database";

// "The last admin" depends on every row of the users table, so this file runs on a database of its own.
let database: Database;
let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  database = await openPrivateDatabase("last_admin");
  t = await createTestApp({}, {}, { database });
});

afterAll(async () => {
  await t.close();
  await database.close();
});

const admins = async () => (await t.db.select({ id: users.id }).from(users).where(eq(users.role, "admin"))).map((r) => r.id);

describe("last-admin guard", () => {
  it("when the only admin demotes or deletes itself, then it is 409 conflict and it stays admin", async () => {
    const only = await bearerFor(t, "admin");
    expect(await admins()).toEqual([only.user.id]);
    const demote = await request(t.app).patch(`/api/v1/users/${only.user.id}`).set("Authorization", only.authorization).send({ role: "staff" });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe("conflict");
    const remove = await request(t.app).delete(`/api/v1/users/${only.user.id}`).set("Authorization", only.authorization);
    expect(remove.status).toBe(409);
    expect(await admins()).toEqual([only.user.id]);
    // Renaming the last admin is fine.
    expect((await request(t.app).patch(`/api/v1/users/${only.user.id}`).set("Authorization", only.authorization).send({ name: "Still Admin" })).status).toBe(
      200,
    );
  });

  it("when two admins demote each other at the same time, then exactly one succeeds and one admin remains", async () => {
    const current = await admins();
    const a = await bearerFor(t, "admin");
    const b = await bearerFor(t, "admin");
    // Leave exactly a and b as admins.
    for (const id of current) await t.db.update(users).set({ role: "customer" }).where(eq(users.id, id));
    const [ab, ba] = await Promise.all([
      request(t.app).patch(`/api/v1/users/${b.user.id}`).set("Authorization", a.authorization).send({ role: "customer" }),
      request(t.app).patch(`/api/v1/users/${a.user.id}`).set("Authorization", b.authorization).send({ role: "customer" }),
    ]);
    const statuses = [ab.status, ba.status].sort();
    // The loser either hits the guard (409) or has already lost its admin role (403): never two demotions.
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expect(await admins()).toHaveLength(1);
  });

  it("when one of two admins is deleted and the survivor then tries to leave, then the survivor is refused", async () => {
    const current = await admins();
    const a = await bearerFor(t, "admin");
    const b = await bearerFor(t, "admin");
    for (const id of current) await t.db.update(users).set({ role: "customer" }).where(eq(users.id, id));
    expect((await request(t.app).delete(`/api/v1/users/${b.user.id}`).set("Authorization", a.authorization)).status).toBe(204);
    expect((await request(t.app).delete(`/api/v1/users/${a.user.id}`).set("Authorization", a.authorization)).status).toBe(409);
    expect(await admins()).toEqual([a.user.id]);
  });
});
