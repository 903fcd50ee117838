import { z } from "zod";
import { isoDateTime } from "./common";

/** POST /api/v1/realtime/ticket: open /ws?ticket=… with it within 30 s; it works once. */
export const wsTicket = z.object({ ticket: z.string(), expiresAt: isoDateTime });
export type WsTicketJson = z.infer<typeof wsTicket>;
