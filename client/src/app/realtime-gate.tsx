import { lazy, Suspense } from "react";
import { useMe } from "@client/features/auth/api/auth";

// Its own chunk: the socket client, the zod message union and the features' handlers load only once someone signs in.
const RealtimeConnection = lazy(() => import("./realtime-connection"));

/** Opens the tab's WebSocket while someone is signed in and closes it on sign-out. Mount once, inside the ToastProvider. */
export function RealtimeGate() {
  const me = useMe();
  if (!me.data) return null;
  return (
    <Suspense fallback={null}>
      <RealtimeConnection key={me.data.id} user={me.data} />
    </Suspense>
  );
}
