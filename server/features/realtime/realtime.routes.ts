import { wsTicket, type WsTicketJson } from "@shared/contracts/realtime";
import { routeTable } from "../../lib/route-table";
import type { WsTickets } from "./ws-tickets";

/** The HTTP side of /ws: tickets that open one WebSocket without a token in the URL (ADR 048). */
export const realtimeRoutes = routeTable<WsTickets>(
  {
    mount: "/api/v1",
    tag: { name: "Realtime", description: "Tickets for the WebSocket /ws (messages in shared/realtime.ts)." },
    schemas: { WsTicket: [wsTicket, "Open /ws?ticket=<ticket> before expiresAt; a ticket opens one socket."] },
    commonErrors: true,
    cacheControl: "no-store",
  },
  (route) => [
    route({
      method: "post",
      path: "/realtime/ticket",
      operationId: "issueWebSocketTicket",
      summary: "Get a single-use ticket for opening the WebSocket",
      description:
        "For clients that authenticate with a bearer token (browsers may open /ws with their session cookie alone): the ticket opens `/ws?ticket=…` once, within 30 s, on any replica. Bearer tokens are never accepted in the WebSocket URL, where proxies would log them.",
      access: "signedIn",
      responses: { 200: { description: "A fresh ticket.", schema: wsTicket } },
      errors: ["unauthenticated", "csrf_failed"],
      handler: ({ user }, tickets): WsTicketJson => tickets.issue(user.id),
    }),
  ],
);
