import type { AuditEntry } from "@shared/contracts/audit";
import { catalogAuditActions } from "@shared/contracts/catalog";
import { formatMoney } from "@client/lib/format";

/**
 * Every action code the server records (a unit test scans the server for new ones), each told as a sentence:
 * staff read the log, not the code, and money must read as money ("€205.19", not `totalCents: 20519`).
 */
export const knownAuditActions = [
  "auth.login.succeeded",
  "auth.login.failed",
  "auth.register",
  "auth.logout",
  "auth.password_reset",
  "auth.password_changed",
  "auth.email_verified",
  "auth.mfa.enabled",
  "auth.mfa.disabled",
  "auth.mfa.failed",
  "security.admin_network_denied",
  "user.email_change_requested",
  "user.email_changed",
  "user.deleted_self",
  "user.role_changed",
  "user.updated",
  "user.deleted",
  ...catalogAuditActions,
  "catalog.product.media_added",
  "catalog.product.media_updated",
  "catalog.product.media_removed",
  "order.created",
  "order.status_changed",
  "order.cancelled",
  "order.refunded",
  "webhook.created",
  "webhook.updated",
  "webhook.deleted",
  "webhook.pinged",
  "webhook.delivery_retried",
  "job.retried",
  "settings.flags_changed",
  "cache.purged",
] as const;

type Summary = Record<string, unknown>;
const str = (value: unknown): string | undefined => (typeof value === "string" && value.length > 0 ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const isRecord = (value: unknown): value is Summary => typeof value === "object" && value !== null && !Array.isArray(value);

/** Falls back to the shop's default (the schema's) when a summary predates recording its currency. */
const DEFAULT_CURRENCY = "USD";
export const moneyOf = (cents: number, summary: Summary): string => formatMoney(cents, str(summary.currency) ?? DEFAULT_CURRENCY);

/** Who did it, as the sentence's subject: the actor's e-mail, or "The system" for jobs and reconciliation. */
function subject(entry: Pick<AuditEntry, "actor">): string {
  return entry.actor?.email ?? (entry.actor?.id ? `User ${entry.actor.id.slice(0, 8)}` : "The system");
}

const mediaChange: Record<string, string> = {
  order: "reordered the pictures of",
  alt: "changed a picture's description on",
  option: "changed which option value a picture shows on",
};
const orderRef = (summary: Summary): string => str(summary.number) ?? "an order";

/** A payment outcome is the provider's doing, not the shopper's, even when the shopper's request carried it. */
function paymentReason(reason: string | undefined): string | undefined {
  switch (reason) {
    case "payment_succeeded":
      return "after the payment provider accepted the charge";
    case "payment_declined":
      return "because the payment provider declined the card";
    case "reconciled_charge_succeeded":
      return "after reconciliation found the charge had succeeded";
    case "reconciled_charge_declined":
      return "after reconciliation found the charge was declined";
    case "reconciled_no_charge":
      return "after reconciliation found no charge";
    default:
      return reason?.startsWith("payment_unavailable") ? "because the payment provider could not be reached" : undefined;
  }
}

function entityName(summary: Summary): string {
  const name = str(summary.name) ?? str(summary.slug);
  return name ? `“${name}”` : "";
}

function changedFields(summary: Summary): string {
  // Field names as people say them: "priceCents" is the price.
  const after = isRecord(summary.after) ? Object.keys(summary.after).map((key) => key.replace(/Cents$/, "")) : [];
  return after.length > 0 ? ` (${after.join(", ")})` : "";
}

const catalogNoun: Record<string, string> = { sector: "sector", brand: "brand", product: "product" };

/** One plain sentence for an audit entry; an action this build does not know reads "<actor> did <code>". */
export function auditSentence(entry: Pick<AuditEntry, "actor" | "action" | "summary">): string {
  const who = subject(entry);
  const s = entry.summary;
  const [area, kind, verb] = entry.action.split(".");

  switch (entry.action) {
    case "auth.login.succeeded":
      return `${who} signed in.`;
    case "auth.login.failed":
      return `${who === "The system" ? "Someone" : who} failed to sign in (${s.reason === "unknown_email" ? "unknown e-mail" : "wrong password"}).`;
    case "auth.register":
      return `${who} registered an account.`;
    case "auth.logout":
      return `${who} signed out.`;
    case "auth.password_reset":
      return `${who} set a new password through a reset link; every other sign-in ended.`;
    case "auth.password_changed":
      return `${who} changed their password; their other sign-ins ended.`;
    case "auth.email_verified":
      return `${who} confirmed their e-mail address.`;
    case "auth.mfa.enabled":
      return `${who} turned on two-factor sign-in.`;
    case "auth.mfa.disabled":
      return `${who} turned off two-factor sign-in.`;
    case "auth.mfa.failed":
      return `${who === "The system" ? "Someone" : who} entered a wrong two-factor code${s.step === "disable" ? " while turning it off" : " while signing in"}.`;
    case "security.admin_network_denied": {
      const where = str(s.channel) ? `the ${str(s.channel)} live channel` : `${str(s.method) ?? ""} ${str(s.path) ?? "an admin page"}`.trim();
      return `${who} was refused ${where} from a network outside the admin allow-list.`;
    }
    case "user.email_change_requested":
      return `${who} asked to change their e-mail address (waiting for the new address to confirm).`;
    case "user.email_changed":
      return `${who} changed their e-mail address${str(s.after) ? ` to ${str(s.after)}` : ""}.`;
    case "user.deleted_self":
      return `${who} deleted their own account; their orders stay, without personal details.`;
    case "user.role_changed": {
      const before = isRecord(s.before) ? str(s.before.role) : undefined;
      const after = isRecord(s.after) ? str(s.after.role) : undefined;
      return `${who} changed ${str(s.email) ?? "a user"}'s role from ${before ?? "?"} to ${after ?? "?"}.`;
    }
    case "user.updated":
      return `${who} edited ${str(s.email) ?? "a user"}'s profile${changedFields(s)}.`;
    case "user.deleted":
      return `${who} deleted the account of ${str(s.email) ?? "a user"}.`;
    case "catalog.product.stock_adjusted": {
      const delta = num(s.delta) ?? 0;
      const after = isRecord(s.after) ? num(s.after.stock) : undefined;
      const change = delta >= 0 ? `added ${delta} to` : `removed ${-delta} from`;
      return `${who} ${change} the stock of ${str(s.slug) ?? "a product"}${after === undefined ? "" : ` (now ${after})`}.`;
    }
    case "catalog.product.archived":
      return `${who} archived the product ${str(s.slug) ?? ""} instead of deleting it, because orders refer to it.`.replace("  ", " ");
    case "catalog.products.imported":
      return `${who} imported ${num(s.rows) ?? 0} CSV rows: ${num(s.created) ?? 0} products created, ${num(s.updated) ?? 0} updated.`;
    case "catalog.product.media_added":
      return `${who} added a picture to ${str(s.slug) ?? "a product"}${str(s.alt) ? ` ("${str(s.alt)}")` : ""}.`;
    case "catalog.product.media_updated":
      return `${who} ${mediaChange[str(s.change) ?? "alt"] ?? mediaChange.alt} ${str(s.slug) ?? "a product"}.`;
    case "catalog.product.media_removed":
      return `${who} removed a picture from ${str(s.slug) ?? "a product"}.`;
    case "order.created": {
      const total = num(s.totalCents);
      const lines = num(s.lines);
      return `${who} placed order ${orderRef(s)}${total === undefined ? "" : ` for ${moneyOf(total, s)}`}${lines === undefined ? "" : ` (${lines} ${lines === 1 ? "line" : "lines"})`}.`;
    }
    case "order.status_changed":
    case "order.cancelled": {
      const because = paymentReason(str(s.reason));
      const from = str(s.from);
      const to = str(s.to) ?? (entry.action === "order.cancelled" ? "cancelled" : "?");
      const move = from ? `from ${from} to ${to}` : `to ${to}`;
      // The payment provider decided: credit it, not the shopper whose checkout request carried the answer.
      if (because) return `The payment provider moved order ${orderRef(s)} ${move} ${because}.`;
      return `${who} changed order ${orderRef(s)} ${move}.`;
    }
    case "order.refunded": {
      const amount = num(s.amountCents);
      const money = amount === undefined ? "" : ` ${moneyOf(amount, s)}`;
      if (s.refunded === false) return `The payment provider could not refund${money} for order ${orderRef(s)}.`;
      return `${who} refunded${money} for order ${orderRef(s)}.`;
    }
    case "webhook.created":
      return `${who} added the webhook ${str(s.url) ?? ""}.`.replace(" .", ".");
    case "webhook.updated":
      return `${who} changed a webhook${changedFields(s)}.`;
    case "webhook.deleted":
      return `${who} removed the webhook ${str(s.url) ?? ""}.`.replace(" .", ".");
    case "webhook.pinged":
      return `${who} sent a test ping to a webhook.`;
    case "webhook.delivery_retried":
      return `${who} retried a webhook delivery${str(s.event) ? ` of ${str(s.event)}` : ""}.`;
    case "job.retried":
      return `${who} retried a failed background job${str(s.kind) ? ` (${str(s.kind)})` : ""}.`;
    case "settings.flags_changed": {
      const after = isRecord(s.after) ? Object.entries(s.after).map(([flag, value]) => `${flag} to ${String(value)}`) : [];
      return `${who} set ${after.length ? after.join(", ") : "the feature flags"}.`;
    }
    case "cache.purged":
      return `${who} emptied the ${str(s.namespace) ? `${str(s.namespace)} ` : ""}cache.`;
  }
  if (area === "catalog" && kind && catalogNoun[kind] && verb) {
    const name = entityName(s);
    const fields = verb === "updated" ? changedFields(s) : "";
    return `${who} ${verb} the ${catalogNoun[kind]}${name ? ` ${name}` : ""}${fields}.`;
  }
  return `${who} did ${entry.action}.`;
}
