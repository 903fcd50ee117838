import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditSentence, knownAuditActions } from "./sentence";

const sam = { id: "7f1c2d3e-0000-4000-8000-000000000001", email: "sam@example.test" };
const shopper = { id: "7f1c2d3e-0000-4000-8000-000000000002", email: "ann@example.test" };
const system = { id: null, email: null };

/** One realistic summary per action, shaped as the server writes it. */
const samples: Record<(typeof knownAuditActions)[number], { actor: typeof sam | typeof system; summary: Record<string, unknown> }> = {
  "auth.login.succeeded": { actor: sam, summary: { method: "password" } },
  "auth.login.failed": { actor: sam, summary: { method: "password", reason: "wrong_password" } },
  "auth.register": { actor: shopper, summary: { role: "customer" } },
  "auth.logout": { actor: sam, summary: {} },
  "auth.password_reset": { actor: shopper, summary: {} },
  "auth.password_changed": { actor: shopper, summary: {} },
  "auth.email_verified": { actor: shopper, summary: {} },
  "auth.mfa.enabled": { actor: sam, summary: {} },
  "auth.mfa.disabled": { actor: sam, summary: {} },
  "auth.mfa.failed": { actor: sam, summary: { method: "totp", step: "sign-in" } },
  "security.admin_network_denied": { actor: sam, summary: { method: "GET", path: "/api/v1/users" } },
  "user.email_change_requested": { actor: shopper, summary: {} },
  "user.email_changed": { actor: shopper, summary: { before: "ann@example.test", after: "ann@new.example.test" } },
  "user.deleted_self": { actor: shopper, summary: { role: "customer" } },
  "user.role_changed": { actor: sam, summary: { email: "ann@example.test", before: { role: "customer" }, after: { role: "staff" } } },
  "user.updated": { actor: sam, summary: { email: "ann@example.test", before: { name: "Ann" }, after: { name: "Anne" } } },
  "user.deleted": { actor: sam, summary: { email: "ann@example.test", role: "customer" } },
  "catalog.sector.created": { actor: sam, summary: { slug: "fruit", name: "Fruit" } },
  "catalog.sector.updated": { actor: sam, summary: { slug: "fruit", before: { name: "Fruit" }, after: { name: "Fresh fruit" } } },
  "catalog.sector.deleted": { actor: sam, summary: { slug: "fruit", name: "Fruit" } },
  "catalog.brand.created": { actor: sam, summary: { slug: "acme", name: "Acme" } },
  "catalog.brand.updated": { actor: sam, summary: { slug: "acme", before: { name: "Acme" }, after: { name: "ACME" } } },
  "catalog.brand.deleted": { actor: sam, summary: { slug: "acme", name: "Acme" } },
  "catalog.product.created": { actor: sam, summary: { slug: "apple", name: "Apple" } },
  "catalog.product.updated": { actor: sam, summary: { slug: "apple", before: { priceCents: 100 }, after: { priceCents: 120 } } },
  "catalog.product.deleted": { actor: sam, summary: { slug: "apple", name: "Apple" } },
  "catalog.product.archived": { actor: sam, summary: { slug: "apple", reason: "referenced by orders" } },
  "catalog.product.stock_adjusted": { actor: sam, summary: { slug: "apple", delta: -3, before: { stock: 10 }, after: { stock: 7 } } },
  "catalog.products.imported": { actor: sam, summary: { rows: 12, created: 10, updated: 2 } },
  "catalog.product.media_added": { actor: sam, summary: { slug: "apple", alt: "A red apple" } },
  "catalog.product.media_updated": { actor: sam, summary: { slug: "apple", change: "order" } },
  "catalog.product.media_removed": { actor: sam, summary: { slug: "apple" } },
  "order.created": { actor: shopper, summary: { number: "FP-001042", totalCents: 20519, currency: "EUR", lines: 3 } },
  "order.status_changed": { actor: sam, summary: { number: "FP-001042", from: "paid", to: "shipped" } },
  "order.cancelled": { actor: sam, summary: { number: "FP-001042", from: "paid", to: "cancelled" } },
  "order.refunded": { actor: sam, summary: { number: "FP-001042", amountCents: 20519, currency: "EUR", reference: "re_1" } },
  "webhook.created": { actor: sam, summary: { url: "https://hooks.example.test/a", events: ["order.paid"] } },
  "webhook.updated": { actor: sam, summary: { before: { enabled: true }, after: { enabled: false } } },
  "webhook.deleted": { actor: sam, summary: { url: "https://hooks.example.test/a" } },
  "webhook.pinged": { actor: sam, summary: {} },
  "webhook.delivery_retried": { actor: sam, summary: { endpointId: "x", event: "order.paid" } },
  "job.retried": { actor: sam, summary: { kind: "mail.send" } },
  "settings.flags_changed": { actor: sam, summary: { before: { maintenanceMode: false }, after: { maintenanceMode: true } } },
  "cache.purged": { actor: sam, summary: { namespace: "catalog", purged: 1 } },
};

const sentence = (action: string, actor: { id: string | null; email: string | null } | null, summary: Record<string, unknown>) =>
  auditSentence({ action, actor, summary });

describe("auditSentence", () => {
  it.each(knownAuditActions)("when the action is %s, then it reads as a sentence without the code or raw cents", (action) => {
    const { actor, summary } = samples[action];
    const text = sentence(action, actor, summary);
    expect(text).toMatch(/^\S.*[^.]\.$/);
    expect(text).not.toContain(action);
    expect(text).not.toMatch(/Cents|20519/);
  });

  it("when staff ship an order, then the sentence names them, the order and both statuses", () => {
    expect(sentence("order.status_changed", sam, samples["order.status_changed"].summary)).toBe(
      "sam@example.test changed order FP-001042 from paid to shipped.",
    );
  });

  it("when an order is placed, then the total is money in the order's currency", () => {
    expect(sentence("order.created", shopper, samples["order.created"].summary)).toBe("ann@example.test placed order FP-001042 for €205.19 (3 lines).");
    expect(sentence("order.refunded", sam, { number: "FP-000007", amountCents: 1999 })).toBe("sam@example.test refunded $19.99 for order FP-000007.");
  });

  it("when a payment settles an order during the shopper's checkout, then the provider is credited, not the shopper", () => {
    const text = sentence("order.status_changed", shopper, { number: "FP-001042", from: "pending", to: "paid", reason: "payment_succeeded" });
    expect(text).toBe("The payment provider moved order FP-001042 from pending to paid after the payment provider accepted the charge.");
    expect(text).not.toContain(shopper.email);
    const declined = sentence("order.cancelled", shopper, { number: "FP-001043", from: "pending", to: "cancelled", reason: "payment_declined" });
    expect(declined).not.toContain(shopper.email);
    expect(declined).toContain("declined the card");
  });

  it("when the system reconciles an order, then the sentence says so", () => {
    expect(sentence("order.cancelled", system, { number: "FP-000009", from: "pending", to: "cancelled", reason: "reconciled_no_charge" })).toBe(
      "The payment provider moved order FP-000009 from pending to cancelled after reconciliation found no charge.",
    );
    expect(sentence("job.retried", null, {})).toBe("The system retried a failed background job.");
  });

  it("when an admin binds a picture to an option value, then the sentence says so rather than 'description'", () => {
    expect(sentence("catalog.product.media_updated", sam, { slug: "tee", change: "option" })).toBe(
      "sam@example.test changed which option value a picture shows on tee.",
    );
  });

  it("when an action is unknown to this build, then its code is shown rather than nothing", () => {
    expect(sentence("future.thing", sam, {})).toBe("sam@example.test did future.thing.");
  });

  it("when the server records an action code, then this formatter knows it", () => {
    const root = join(__dirname, "../../../../server/features");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".ts") && !name.includes(".test.")) files.push(path);
      }
    };
    walk(root);
    const written = new Set<string>();
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/action: (?:to === "cancelled" \? )?"([a-z_]+(?:\.[a-z_]+)+)"/g)) written.add(match[1]!);
      for (const match of source.matchAll(/"(catalog\.[a-z_]+\.[a-z_]+)"/g)) written.add(match[1]!);
      // catalog.${kind.entity}.created|updated|deleted for each entity
      for (const match of source.matchAll(/`catalog\.\$\{kind\.entity\}\.([a-z_]+)`/g))
        for (const entity of ["sector", "brand", "product"]) written.add(`catalog.${entity}.${match[1]!}`);
    }
    expect(written.size).toBeGreaterThan(20);
    const known = new Set<string>(knownAuditActions);
    expect([...written].filter((action) => !known.has(action))).toEqual([]);
  });
});
