import type { User } from "@shared/contracts/auth";
import { RealtimeBridge } from "@client/features/realtime/realtime-bridge";
import { realtimeHandlers } from "./realtime-handlers";

/** The lazily loaded realtime layer: the bridge, given every feature's handler. */
export default function RealtimeConnection({ user }: { user: User }) {
  return <RealtimeBridge user={user} handlers={realtimeHandlers} />;
}
