import { isStaff, type Role } from "@shared/contracts/auth";
import type { Channel } from "@shared/realtime";

/**
 * Channel rules, decided on the server:
 *   orders  – any signed-in user may join; a customer receives only events of their own orders, and
 *             `order.created` goes to staff and admins only (see the hub's event wiring);
 *   metrics – staff and admins only (a customer's subscribe gets `error`/`forbidden`);
 *   catalog – any signed-in user;
 *   notifications – staff and admins only; each receives only their own notifications (ADR 054).
 */
export function mayJoin(channel: Channel, role: Role): boolean {
  return channel === "metrics" || channel === "notifications" ? isStaff(role) : true;
}
