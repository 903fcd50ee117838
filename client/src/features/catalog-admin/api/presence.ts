import { skipToken, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { PresenceEditor } from "@shared/realtime";
import { useConnection } from "@client/features/realtime/use-realtime";
import { realtime } from "@client/lib/ws";
import { catalogAdminKeys } from "./keys";

/**
 * Announces that this admin has the product's form open, for as long as the caller is mounted (again after every
 * reconnect: the server forgets a closed socket's presence), and returns everyone with it open, this admin
 * included. The list arrives as `presence` messages (realtime.ts puts them in the query cache). ADR 071.
 */
export function useEditingPresence(productId: string): PresenceEditor[] {
  const resource = `product:${productId}`;
  const { status, opens } = useConnection();
  useEffect(() => {
    if (status !== "live") return;
    realtime.send({ type: "presence.enter", resource });
    return () => realtime.send({ type: "presence.leave", resource });
  }, [resource, status, opens]);
  return useQuery<PresenceEditor[]>({ queryKey: catalogAdminKeys.presence(resource), queryFn: skipToken }).data ?? [];
}
