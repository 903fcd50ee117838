import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { mailTemplateNames } from "@shared/contracts/mail";
import type { Order } from "@shared/contracts/orders";
import { jobs } from "@shared/schema";
import { anonymousAgent, signedInAgent } from "../../test/agents";
import { makeOrder, makeProduct, makeUser, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { startSmtpSink, type SmtpSink } from "../../test/smtp-sink";
import { waitFor } from "../../test/wait-for";
import { JOB_PRIORITIES } from "../jobs/jobs.types";
import { mailTemplates } from "./templates";

let smtp: SmtpSink;
let t: TestApp;
let stored: TestApp;
let admin: Awaited<ReturnType<typeof signedInAgent>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: "Shop <shop@example.test>", PUBLIC_BASE_URL: "https://shop.example.test" });
  stored = await createTestApp(); // no SMTP_URL: mails are only stored
  admin = await signedInAgent(stored, "admin");
});
afterAll(() => smtp.close());

/** A paid order of a new customer, as the API shows it. */
async function paidOrder(app: TestApp) {
  const customer = await makeUser(app.db, { name: "Grace Hopper" });
  const product = await makeProduct(app.db, { name: `Quince jam ${uniqueSuffix()}` });
  const row = await makeOrder(app.db, { userId: customer.id, productId: product.id, quantity: 3, unitPriceCents: 1234, status: "paid", name: product.name });
  const order = (await app.services.orders.findById(row.id)) as Order;
  return { customer, product, order };
}

describe("mail over SMTP", () => {
  it("when an order confirmation is sent, then the SMTP server receives it with the order number, totals, address and a text part", async () => {
    const { customer, product, order } = await paidOrder(t);
    await t.services.mail.deliver({
      template: "order-confirmation",
      to: { userId: customer.id },
      props: { order, customerName: customer.name },
      dedupeKey: `order-confirmation:${order.id}`,
    });

    const [mail] = smtp.to(customer.email);
    expect(mail?.subject).toBe(`Order ${order.number} confirmed`);
    expect(mail?.from?.text).toBe('"Shop" <shop@example.test>');
    expect(mail?.text).toContain(product.name);
    expect(mail?.text).toMatch(/Total\s+\$37\.02/); // 3 × $12.34, no tax or shipping in the factory order
    expect(mail?.text).toContain("1 Test Street");
    expect(mail?.text).toContain(`https://shop.example.test/orders/${order.id}`);
    expect(mail?.html).toContain(`href="https://shop.example.test/orders/${order.id}"`);
    expect(mail?.html).toContain("$37.02");

    const outbox = await t.services.mail.listOutbox({ role: "admin" }, { limit: 100, template: "order-confirmation" });
    const entry = outbox.data.find((m) => m.to === customer.email);
    expect(entry).toMatchObject({ subject: `Order ${order.number} confirmed`, status: "sent", error: null, sentAt: expect.any(String) });
  });

  it("when the same dedupe key is delivered twice, then one mail is sent and one outbox row kept", async () => {
    const { customer, order } = await paidOrder(t);
    const payload = {
      template: "order-shipped",
      to: { email: customer.email },
      props: { order, customerName: customer.name },
      dedupeKey: `order-shipped:${order.id}`,
    };
    await t.services.mail.deliver(payload);
    await t.services.mail.deliver(payload);
    expect(smtp.to(customer.email).map((m) => m.subject)).toEqual([`Order ${order.number} has shipped`]);
    const rows = (await t.services.mail.listOutbox({ role: "admin" }, { limit: 100, template: "order-shipped" })).data.filter((m) => m.to === customer.email);
    expect(rows).toHaveLength(1);
  });

  it("when the SMTP server refuses the recipient, then the failure is recorded and thrown (the queue retries), and the retry sends it", async () => {
    const { customer, order } = await paidOrder(t);
    const payload = {
      template: "order-delivered",
      to: { userId: customer.id },
      props: { order, customerName: customer.name },
      dedupeKey: `order-delivered:${order.id}`,
    };
    smtp.refuseNext(1);
    await expect(t.services.mail.deliver(payload)).rejects.toThrow(/450|unavailable/i);
    let rows = (await t.services.mail.listOutbox({ role: "admin" }, { limit: 100, status: "failed" })).data.filter((m) => m.to === customer.email);
    expect(rows).toEqual([expect.objectContaining({ status: "failed", error: expect.stringMatching(/unavailable/i), sentAt: null })]);

    await t.services.mail.deliver(payload);
    rows = (await t.services.mail.listOutbox({ role: "admin" }, { limit: 100, template: "order-delivered" })).data.filter((m) => m.to === customer.email);
    expect(rows).toEqual([expect.objectContaining({ status: "sent", error: null })]);
    expect(smtp.to(customer.email)).toHaveLength(1);
  });
});

describe("account mails", () => {
  it("when someone registers, then one mail — the address confirmation — reaches them in the registration's transaction; a refused registration sends nothing", async () => {
    const email = `newcomer-${uniqueSuffix()}@example.test`;
    const { agent } = await anonymousAgent(t);
    await agent.post("/api/v1/auth/register").send({ email, password: "a-long-enough-password-1", name: "Mae Jemison" }).expect(201);
    const again = await anonymousAgent(t);
    await again.agent.post("/api/v1/auth/register").send({ email, password: "a-long-enough-password-1", name: "Impostor" }).expect(409);

    t.services.jobs.start({ pollMs: 20 });
    try {
      await waitFor(() => smtp.to(email).length === 1, 10_000, "the confirmation mail");
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await t.services.jobs.stop(1_000);
    }
    expect(smtp.to(email)).toHaveLength(1);
    expect(smtp.to(email)[0]!.subject).toBe("Confirm your e-mail address");
    expect(smtp.to(email)[0]!.text).toContain("/verify-email?token=");
  });
});

describe("mail priority (ADR 085)", () => {
  it("when a password reset and an order confirmation are queued, then the reset (someone waits at a screen) is claimed first", async () => {
    const key = uniqueSuffix();
    const user = await makeUser(stored.db);
    for (const template of ["order-confirmation", "password-reset"] as const) {
      await stored.services.mail.enqueue(template, { userId: user.id }, mailTemplates[template].demo as never, { dedupeKey: `${template}:${key}` });
    }
    const rows = await stored.db
      .select({ dedupeKey: jobs.dedupeKey, priority: jobs.priority })
      .from(jobs)
      .where(inArray(jobs.dedupeKey, [`mail:order-confirmation:${key}`, `mail:password-reset:${key}`]));
    expect(Object.fromEntries(rows.map((r) => [r.dedupeKey, r.priority]))).toEqual({
      [`mail:order-confirmation:${key}`]: JOB_PRIORITIES.normal,
      [`mail:password-reset:${key}`]: JOB_PRIORITIES.urgent,
    });
  });
});

describe("mail outbox without SMTP", () => {
  it("when SMTP_URL is unset, then the mail is stored and admins read it, HTML and text, through the API", async () => {
    const user = await makeUser(stored.db, { name: "Katherine Johnson" });
    await stored.services.mail.deliver({ template: "welcome", to: { userId: user.id }, props: { name: user.name } });

    const list = await admin.agent.get("/api/v1/mail/outbox").query({ status: "stored", limit: 100 }).expect(200);
    const summary = (list.body.data as Array<{ id: string; to: string }>).find((m) => m.to === user.email);
    expect(summary).toMatchObject({ subject: "Welcome to FruitfulPlanet", template: "welcome", status: "stored", sentAt: null });
    expect(summary).not.toHaveProperty("html");

    const full = await admin.agent.get(`/api/v1/mail/outbox/${summary!.id}`).expect(200);
    expect(full.body.html).toContain("Welcome, Katherine Johnson!");
    expect(full.body.text).toContain("WELCOME, KATHERINE JOHNSON!");
  });

  it("when the outbox spans pages, then walking the cursor returns each mail once, newest first", async () => {
    const email = `pager-${uniqueSuffix()}@example.test`;
    for (let i = 0; i < 5; i++) await stored.services.mail.deliver({ template: "welcome", to: { email }, props: { name: `Reader ${i}` } });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.agent
        .get("/api/v1/mail/outbox")
        .query({ limit: 2, template: "welcome", ...(cursor && { cursor }) })
        .expect(200);
      seen.push(...(page.body.data as Array<{ id: string; to: string }>).filter((m) => m.to === email).map((m) => m.id));
      cursor = page.body.pagination.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("when an admin asks for previews, then every template is rendered with demo data", async () => {
    const res = await admin.agent.get("/api/v1/mail/previews").expect(200);
    const previews = res.body.data as Array<{ template: string; subject: string; html: string; text: string }>;
    expect(previews.map((p) => p.template)).toEqual([...mailTemplateNames]);
    for (const p of previews) {
      expect(p.subject.length).toBeGreaterThan(5);
      expect(p.html).toMatch(/^<!DOCTYPE html/);
      expect(p.text.length).toBeGreaterThan(50);
    }
    expect(previews[0]!.subject).toBe("Order FP-000123 confirmed");
  });

  it("when a customer or an anonymous caller asks, or the query is invalid, then the outbox answers 403, 401 and 400", async () => {
    const customer = await signedInAgent(stored, "customer");
    await customer.agent.get("/api/v1/mail/outbox").expect(403);
    await customer.agent.get("/api/v1/mail/previews").expect(403);
    await request(stored.app).get("/api/v1/mail/outbox").expect(401);
    const bad = await admin.agent.get("/api/v1/mail/outbox").query({ status: "lost" }).expect(400);
    expect(bad.body.error.code).toBe("validation_failed");
    await admin.agent.get("/api/v1/mail/outbox").query({ cursor: "bm9wZQ" }).expect(400);
    await admin.agent.get(`/api/v1/mail/outbox/${crypto.randomUUID()}`).expect(404);
  });
});
