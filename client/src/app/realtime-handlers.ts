import { authRealtime } from "@client/features/auth/realtime";
import { catalogAdminRealtime } from "@client/features/catalog-admin/realtime";
import { catalogRealtime } from "@client/features/catalog/realtime";
import { ordersRealtime } from "@client/features/orders/realtime";
import { inboxRealtime } from "@client/features/inbox/realtime";
import type { RealtimeHandler } from "@client/features/realtime/handlers";

/**
 * Every feature that reacts to WebSocket messages, in one list: a new feature adds its handler here. (The staff
 * dashboard's live figures are not here: the dashboard page listens for `metrics` itself while it is open.)
 */
export const realtimeHandlers: readonly RealtimeHandler[] = [authRealtime, ordersRealtime, catalogRealtime, catalogAdminRealtime, inboxRealtime];
