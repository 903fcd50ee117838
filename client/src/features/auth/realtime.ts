import type { RealtimeHandler } from "@client/features/realtime/handlers";
import { authKeys } from "./api/auth";

/** Who is signed in can change under the socket: both cases below re-check it (route guards follow the answer). */
export const authRealtime: RealtimeHandler = {
  messages: {
    // The cookie now belongs to someone else (signed in elsewhere in this browser).
    welcome: (message, { queryClient, user }) => {
      if (message.user.id !== user.id) void queryClient.invalidateQueries({ queryKey: authKeys.me() });
    },
  },
  // A failed connection may mean the session ended (the upgrade is refused with 401, which a browser cannot see).
  onConnectionLost: ({ queryClient }) => void queryClient.invalidateQueries({ queryKey: authKeys.me() }),
};
