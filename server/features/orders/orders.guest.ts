import { createHmac, timingSafeEqual } from "node:crypto";
import type { CreatedOrder, Order, OrderCreate, ShippingAddress } from "@shared/contracts/orders";
import type { ActingUser } from "../../lib/acting-user";
import { AppError } from "../../lib/app-error";
import type { OrdersDeps } from "./orders.deps";

/**
 * Guest checkout (issue 11). A guest has no account: the order keeps their e-mail, Idempotency-Keys are scoped
 * to an owner id derived from that e-mail, and the order is opened with a token that is an HMAC of the order id.
 * The token is never stored (nothing to leak from the database) and a replayed 201 can carry it again.
 */

/** Who is buying: a signed-in user (id) or a guest (id null, the e-mail they gave). */
export interface Buyer {
  id: string | null;
  email: string;
  /** The Idempotency-Key scope: the user's id, or a UUID derived from the guest's e-mail. */
  ownerId: string;
  shippingAddress: ShippingAddress;
}

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();

/** A UUID-shaped id from HMAC(key, guest e-mail): the same guest gets the same Idempotency-Key scope. */
export function guestOwnerId(key: Buffer, email: string): string {
  const hex = hmac(key, `guest-owner:${email}`).subarray(0, 16).toString("hex");
  // Version 8 ("custom") and the RFC 9562 variant, so it passes as a UUID everywhere.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const guestAccessToken = (key: Buffer, orderId: string) => hmac(key, `guest-order:${orderId}`).toString("base64url");

/** Constant-time check that `token` opens this order (and only this one). */
export function guestTokenOpens(key: Buffer, orderId: string, token: string): boolean {
  const expected = Buffer.from(guestAccessToken(key, orderId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const withGuestToken = (key: Buffer, order: Order): CreatedOrder => ({ ...order, guestAccessToken: guestAccessToken(key, order.id) });

const invalid = (path: string, message: string, summary: string) => new AppError("validation_failed", summary, [{ path, message }]);

/** The buyer and their shipping address: a saved address for a signed-in user, an inline one otherwise. */
export async function resolveBuyer(deps: OrdersDeps, viewer: ActingUser | undefined, input: OrderCreate): Promise<Buyer> {
  if (!viewer) {
    if (!input.email) throw invalid("email", "Enter your e-mail address for the order confirmation", "Guest checkout needs an e-mail address.");
    if (!input.shippingAddress) throw invalid("shippingAddressId", "Sign in to use a saved address", "Saved addresses need an account.");
    return { id: null, email: input.email, ownerId: guestOwnerId(deps.guestAccessKey, input.email), shippingAddress: input.shippingAddress };
  }
  if (input.email !== undefined) throw invalid("email", "Signed-in orders use your account's address", "Leave out the e-mail when signed in.");
  let shippingAddress = input.shippingAddress;
  if (input.shippingAddressId) {
    shippingAddress = await deps.savedAddress?.(viewer.id, input.shippingAddressId);
    if (!shippingAddress) throw invalid("shippingAddressId", "No such saved address", "The saved address was not found.");
  }
  return { id: viewer.id, email: viewer.email, ownerId: viewer.id, shippingAddress: shippingAddress! };
}
