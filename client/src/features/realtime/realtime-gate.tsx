import { lazy, Suspense } from "react";
import { useMe } from "@client/features/auth/api/auth";

// Its own chunk: the socket client and the zod message union load only once someone signs in.
const RealtimeBridge = lazy(() => import("./realtime-bridge"));

/** Opens the tab's WebSocket while someone is signed in and closes it on sign-out. Mount once, inside the ToastProvider. */
export function RealtimeGate() {
  const me = useMe();
  if (!me.data) return null;
  return (
    <Suspense fallback={null}>
      <RealtimeBridge key={me.data.id} user={me.data} />
    </Suspense>
  );
}
