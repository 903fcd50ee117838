import { randomUUID } from "node:crypto";
import type { PresenceEditor } from "@shared/realtime";
import type { EventBus } from "../../lib/events";
import type { Logger } from "../../lib/logger";
import { runSafely } from "../../lib/background";
import type { Hub, HubClient } from "./realtime.hub";

export interface PresenceOptions {
  /** How often a replica re-announces its entries; another replica's entries expire after three missed beats (default 10 s). */
  heartbeatMs?: number;
  /** Resources one socket may be present on at once (default 8). */
  maxPerClient?: number;
  now?: () => number;
}

interface RemoteEntry {
  editors: PresenceEditor[];
  at: number;
}

const sameEditors = (a: PresenceEditor[], b: PresenceEditor[]) =>
  a.length === b.length && a.every((e, i) => e.userId === b[i]!.userId && e.name === b[i]!.name);

/**
 * Who is editing what, cluster-wide (issue 16 §3, ADR 071). Each replica is the authority on its own sockets'
 * entries and announces them on the event bus on every change and as a heartbeat; it keeps the other replicas'
 * latest announcements until they go stale. Live and lossy like everything on the bus: nothing is stored.
 */
export function createPresence(hub: Hub, events: EventBus, logger: Logger, options: PresenceOptions = {}) {
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const ttlMs = 3 * heartbeatMs;
  const maxPerClient = options.maxPerClient ?? 8;
  const now = options.now ?? Date.now;
  const replica = randomUUID();
  /** resource → this replica's sockets on it (a user with two tabs has two). */
  const local = new Map<string, Map<HubClient, PresenceEditor>>();
  /** resource → replica id → that replica's editors of it. */
  const remote = new Map<string, Map<string, RemoteEntry>>();

  const byName = (a: PresenceEditor, b: PresenceEditor) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId);

  const localEditors = (resource: string): PresenceEditor[] => {
    const unique = new Map<string, PresenceEditor>();
    for (const editor of local.get(resource)?.values() ?? []) unique.set(editor.userId, editor);
    return [...unique.values()].sort(byName);
  };

  /** Everyone on `resource` across the cluster, one entry per user. */
  const editorsOf = (resource: string): PresenceEditor[] => {
    const unique = new Map(localEditors(resource).map((e) => [e.userId, e]));
    const fresh = now() - ttlMs;
    for (const entry of remote.get(resource)?.values() ?? []) {
      if (entry.at >= fresh) for (const editor of entry.editors) unique.set(editor.userId, editor);
    }
    return [...unique.values()].sort(byName);
  };

  /** Tells this replica's sockets on `resource` the current list; a socket whose account lost the admin role is skipped. */
  const notify = (resource: string) => {
    const watchers = local.get(resource);
    if (!watchers?.size) return;
    const message = { type: "presence", resource, editors: editorsOf(resource) } as const;
    for (const client of watchers.keys()) if (client.user.role === "admin") hub.send(client, message);
  };

  const announce = (resources: Iterable<string>) => {
    const body = Object.fromEntries([...resources].map((r) => [r, localEditors(r)]));
    if (Object.keys(body).length) void events.publish("presence.replica", { replica, resources: body });
  };

  const stopListening = events.subscribe("presence.replica", (event) => {
    if (event.replica === replica) return;
    const answer: string[] = [];
    for (const [resource, editors] of Object.entries(event.resources)) {
      const replicas = remote.get(resource) ?? new Map<string, RemoteEntry>();
      const before = replicas.get(event.replica);
      if (editors.length) replicas.set(event.replica, { editors, at: now() });
      else replicas.delete(event.replica);
      if (replicas.size) remote.set(resource, replicas);
      else remote.delete(resource);
      // A replica new to this resource has not heard our entries yet: answer now rather than at our next beat.
      if (!before && editors.length && local.has(resource)) answer.push(resource);
      if (before ? !editors.length || !sameEditors(before.editors, editors) : editors.length > 0) notify(resource);
    }
    announce(answer);
  });

  const beat = () => {
    announce(local.keys());
    const stale = now() - ttlMs;
    for (const [resource, replicas] of remote) {
      let changed = false;
      for (const [id, entry] of replicas) if (entry.at < stale && replicas.delete(id)) changed = true;
      if (!replicas.size) remote.delete(resource);
      if (changed) notify(resource);
    }
  };
  const timer = setInterval(() => runSafely("presence-heartbeat", logger, beat), heartbeatMs);
  timer.unref();

  const resourcesOf = (client: HubClient) => [...local].filter(([, sockets]) => sockets.has(client)).map(([resource]) => resource);

  const leave = (client: HubClient, resource: string) => {
    const sockets = local.get(resource);
    if (!sockets?.delete(client)) return;
    if (!sockets.size) local.delete(resource);
    announce([resource]);
    notify(resource);
  };

  return {
    /** False when the socket is already on its maximum of resources. Answers the socket with the current list. */
    enter(client: HubClient, resource: string, editor: PresenceEditor): boolean {
      const sockets = local.get(resource);
      if (!sockets?.has(client) && resourcesOf(client).length >= maxPerClient) return false;
      const known = sockets?.get(client);
      local.set(resource, (sockets ?? new Map<HubClient, PresenceEditor>()).set(client, editor));
      if (!known || known.name !== editor.name) announce([resource]);
      notify(resource);
      return true;
    },
    leave,
    /** The socket closed. */
    leaveAll(client: HubClient): void {
      for (const resource of resourcesOf(client)) leave(client, resource);
    },
    /** Shutdown: withdraws this replica's entries at once instead of letting them expire on the others. */
    close(): void {
      clearInterval(timer);
      stopListening();
      const resources = [...local.keys()];
      local.clear();
      announce(resources);
    },
  };
}
export type Presence = ReturnType<typeof createPresence>;
