import request from "supertest";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "@shared/schema";
import { signedInAgent } from "../../test/agents";
import { makeProduct, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { ADDRESS, orderBody } from "../../test/orders";
import type { Database } from "../../db";
import { openPrivateDatabase } from "../../test/private-database";
import { startSmtpSink, type SmtpSink } from "../../test/smtp-sink";
import { waitFor } from "../../test/wait-for";

/** Issue 11 §3: profile, password change, e-mail change, saved addresses, checkout with one, export, deletion. */

let smtp: SmtpSink;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: "https://shop.example.test" });
  t.services.jobs.start({ pollMs: 20, concurrency: 2 });
});
afterAll(() => smtp.close());

describe("account self-service", () => {
  it("when the name is changed, then /auth/me shows it", async () => {
    const { agent } = await signedInAgent(t);
    const res = await agent.patch("/api/v1/me").send({ name: "  Ada Renamed " }).expect(200);
    expect(res.body.user.name).toBe("Ada Renamed");
    expect((await agent.get("/api/v1/auth/me")).body.user.name).toBe("Ada Renamed");
  });

  it("when the password is changed, then this session stays, another session and the refresh tokens end", async () => {
    const { agent, user } = await signedInAgent(t);
    const other = request.agent(t.app);
    const csrf = (await other.get("/api/v1/auth/csrf")).body.csrfToken as string;
    await other.post("/api/v1/auth/login").set("X-CSRF-Token", csrf).send({ email: user.email, password: user.password }).expect(200);
    const { refreshToken } = (await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: user.password })).body as {
      refreshToken: string;
    };

    const wrong = await agent.post("/api/v1/auth/password/change").send({ currentPassword: "not my password", newPassword: "a brand new password 99" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe("currentPassword");

    const ownEmail = await agent.post("/api/v1/auth/password/change").send({ currentPassword: user.password, newPassword: user.email });
    expect(ownEmail.status).toBe(400);
    expect(ownEmail.body.error.details).toEqual([{ path: "newPassword", message: expect.stringMatching(/Don't use your e-mail address/) }]);
    await agent.post("/api/v1/auth/password/change").send({ currentPassword: user.password, newPassword: "a brand new password 99" }).expect(204);
    await agent.get("/api/v1/auth/me").expect(200);
    await other.get("/api/v1/auth/me").expect(401);
    await request(t.app).post("/api/v1/auth/token/refresh").send({ refreshToken }).expect(401);
    await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: "a brand new password 99" }).expect(200);
  });

  it("when the e-mail is changed, then it switches only after the link mailed to the new address is used", async () => {
    const { agent, user } = await signedInAgent(t);
    const next = `moved-${uniqueSuffix()}@example.test`;
    const wrong = await agent.post("/api/v1/me/email").send({ email: next, password: "wrong password" });
    expect(wrong.status).toBe(400);
    await agent.post("/api/v1/me/email").send({ email: next, password: user.password }).expect(202);
    expect((await agent.get("/api/v1/auth/me")).body.user.email).toBe(user.email);
    await waitFor(() => smtp.to(next).length > 0, 10_000, "the change mail");
    const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(smtp.to(next)[0]!.text ?? "")![1]!;
    await request(t.app).post("/api/v1/auth/email/verify").send({ token }).expect(204);
    expect((await agent.get("/api/v1/auth/me")).body.user).toMatchObject({ email: next, emailVerified: true });
  });

  it("when addresses are saved, then exactly one is the default, and checkout accepts a saved one by id", async () => {
    const { agent } = await signedInAgent(t);
    const first = (await agent.post("/api/v1/me/addresses").send(ADDRESS).expect(201)).body;
    expect(first.isDefault).toBe(true);
    const second = (
      await agent
        .post("/api/v1/me/addresses")
        .send({ ...ADDRESS, name: "Work", isDefault: true })
        .expect(201)
    ).body;
    let list = (await agent.get("/api/v1/me/addresses").expect(200)).body.data as Array<{ id: string; isDefault: boolean }>;
    expect(list.filter((a) => a.isDefault).map((a) => a.id)).toEqual([second.id]);

    await agent.patch(`/api/v1/me/addresses/${first.id}`).send({ isDefault: true, city: "Shelbyville" }).expect(200);
    await agent.delete(`/api/v1/me/addresses/${first.id}`).expect(204);
    list = (await agent.get("/api/v1/me/addresses").expect(200)).body.data;
    expect(list).toEqual([expect.objectContaining({ id: second.id, isDefault: true })]);

    const product = await makeProduct(t.db);
    const { shippingAddress: _inline, ...body } = orderBody([{ productId: product.id }]);
    const placed = await agent
      .post("/api/v1/orders")
      .send({ ...body, shippingAddressId: second.id })
      .expect(201);
    expect(placed.body.shippingAddress.name).toBe("Work");
    const both = await agent.post("/api/v1/orders").send({ ...body, shippingAddress: ADDRESS, shippingAddressId: second.id });
    expect(both.status).toBe(400);
    const { agent: stranger } = await signedInAgent(t);
    const foreign = await stranger.post("/api/v1/orders").send({ ...body, shippingAddressId: second.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].path).toBe("shippingAddressId");
    await stranger.delete(`/api/v1/me/addresses/${second.id}`).expect(404);
  });

  it("when the data is exported, then it holds the user, their addresses and their orders", async () => {
    const { agent, user } = await signedInAgent(t);
    await agent.post("/api/v1/me/addresses").send(ADDRESS).expect(201);
    const product = await makeProduct(t.db);
    const placed = await agent
      .post("/api/v1/orders")
      .send(orderBody([{ productId: product.id }]))
      .expect(201);
    const exported = (await agent.get("/api/v1/me/export").expect(200)).body;
    expect(exported.user).toMatchObject({ id: user.id, email: user.email });
    expect(exported.addresses).toHaveLength(1);
    expect(exported.orders.map((o: { id: string }) => o.id)).toEqual([placed.body.id]);
  });

  it("when the account is deleted, then orders stay without personal data and the session and password are dead", async () => {
    const { agent, user } = await signedInAgent(t);
    const product = await makeProduct(t.db);
    const placed = await agent
      .post("/api/v1/orders")
      .send(orderBody([{ productId: product.id }]))
      .expect(201);
    const wrong = await agent.delete("/api/v1/me").send({ password: "not it" });
    expect(wrong.status).toBe(400);
    await agent.delete("/api/v1/me").send({ password: user.password }).expect(204);
    await agent.get("/api/v1/auth/me").expect(401);
    await request(t.app).post("/api/v1/auth/token").send({ email: user.email, password: user.password }).expect(401);
    const [kept] = await t.db
      .select()
      .from(orders)
      .where(eq(orders.id, placed.body.id as string));
    expect(kept).toMatchObject({ userId: null, guestEmail: null, totalCents: placed.body.totalCents });
    expect(kept!.shippingAddress).toMatchObject({ name: "Deleted customer", city: ADDRESS.city, country: ADDRESS.country });
    expect(JSON.stringify(kept!.shippingAddress)).not.toContain(ADDRESS.line1);
  });
});

// "The last admin" depends on every row of the users table: a database of its own.
describe("deleting the last admin", () => {
  let database: Database;
  let lone: TestApp;
  beforeAll(async () => {
    database = await openPrivateDatabase("lone_admin_self");
    lone = await createTestApp({}, {}, { database });
  });
  afterAll(async () => {
    await lone.close();
    await database.close();
  });

  it("when the only admin deletes their own account, then 409 and nothing changes", async () => {
    const { agent, user } = await signedInAgent(lone, "admin");
    const res = await agent.delete("/api/v1/me").send({ password: user.password });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/last admin/);
    await agent.get("/api/v1/auth/me").expect(200);
  });
});
