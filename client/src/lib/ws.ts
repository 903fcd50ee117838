import { serverMessage, WS_CLOSE, WS_PATH, type Channel, type ClientMessage, type ServerMessage } from "@shared/realtime";

/*
 * The SPA's one WebSocket client (messages in shared/realtime.ts): one connection per tab while someone is signed in.
 * - Reconnects with exponential backoff and full jitter (0.5 s doubling to a 30 s cap; the count resets once a
 *   connection has stayed up for a minute), so a restarting server is not hit by every tab at the same instant.
 * - Subscriptions are reference counted: each mounted component asks for its channel; the server hears one
 *   subscribe per channel, and everything still wanted is subscribed again after a reconnect.
 * - Every incoming frame is validated with the shared zod union; anything else is dropped.
 * Framework-free (React reads it through useSyncExternalStore in features/realtime), and every dependency on the
 * browser is injectable so the unit tests drive it with a fake socket and fake timers.
 */

/** `idle`: nobody signed in (no connection wanted). `offline`: the browser is offline, or reconnecting has failed for a while. */
export type ConnectionStatus = "idle" | "connecting" | "live" | "reconnecting" | "offline";

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  /** How many times a connection has opened since start(): a rise past 1 means "reconnected" (something may have been missed). */
  opens: number;
  /** Connection attempts that failed (or dropped early) in a row. */
  failures: number;
}

/** The parts of the browser's WebSocket this client uses (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface BackoffOptions {
  /** First retry window (full jitter: the delay is uniform in [0, window)). */
  baseMs: number;
  /** The window never grows past this. */
  capMs: number;
  /** A connection that stays up this long resets the failure count. */
  stableMs: number;
  /** Unable to reconnect for this long, the status reads `offline` (retries continue at the cap). */
  offlineAfterMs: number;
  /** After close 1001 (server restarting) the first retry comes within this window. */
  goingAwayWindowMs: number;
}

export interface RealtimeClientOptions {
  /** Where to connect; read at each attempt. */
  url: () => string;
  createSocket?: (url: string) => SocketLike;
  /** [0, 1): the jitter source. */
  random?: () => number;
  now?: () => number;
  isOnline?: () => boolean;
  /** Calls back when the browser goes online or offline; returns the way to stop listening. */
  watchOnline?: (onChange: () => void) => () => void;
  backoff?: Partial<BackoffOptions>;
  /** A ping is sent this often while live; a connection silent for two periods is treated as dead. */
  keepaliveMs?: number;
  /** After the last component lets a channel go, wait this long before unsubscribing (a remount soon wants it back). */
  unsubscribeDelayMs?: number;
  /** Messages that failed validation (development diagnostics). */
  onInvalidMessage?: (raw: unknown) => void;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000, stableMs: 60_000, offlineAfterMs: 30_000, goingAwayWindowMs: 2_000 };

const OPEN = 1;
const NORMAL_CLOSURE = 1000;

type MessageListener = (message: ServerMessage) => void;

/** The delay before retry number `failures` (1-based): uniform in [0, min(cap, base · 2^(failures-1))). */
export function backoffDelay(failures: number, backoff: BackoffOptions, random: () => number): number {
  const window = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * window);
}

/** ws: or wss: to match the page, same host, /ws. */
export function defaultSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}${WS_PATH}`;
}

export class RealtimeClient {
  private readonly options: Required<Omit<RealtimeClientOptions, "backoff" | "onInvalidMessage">> & Pick<RealtimeClientOptions, "onInvalidMessage">;
  private readonly backoff: BackoffOptions;

  private snapshot: ConnectionSnapshot = { status: "idle", opens: 0, failures: 0 };
  private readonly stateListeners = new Set<() => void>();
  private readonly messageListeners = new Set<MessageListener>();

  /** Who the connection is for; undefined when stopped. A different identity means a new connection. */
  private identity: string | undefined;
  private socket: SocketLike | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private stableTimer: ReturnType<typeof setTimeout> | undefined;
  private keepaliveTimer: ReturnType<typeof setInterval> | undefined;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private stopWatchingOnline: (() => void) | undefined;
  private lastReceivedAt = 0;
  /** When the current run of failed attempts began (undefined while connected). */
  private disconnectedSince: number | undefined;

  private readonly channelRefs = new Map<Channel, number>();
  private readonly unsubscribeTimers = new Map<Channel, ReturnType<typeof setTimeout>>();

  constructor(options: RealtimeClientOptions) {
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.options = {
      url: options.url,
      createSocket: options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike),
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
      isOnline: options.isOnline ?? (() => typeof navigator === "undefined" || navigator.onLine !== false),
      watchOnline:
        options.watchOnline ??
        ((onChange) => {
          if (typeof window === "undefined") return () => {};
          window.addEventListener("online", onChange);
          window.addEventListener("offline", onChange);
          return () => {
            window.removeEventListener("online", onChange);
            window.removeEventListener("offline", onChange);
          };
        }),
      keepaliveMs: options.keepaliveMs ?? 25_000,
      unsubscribeDelayMs: options.unsubscribeDelayMs ?? 1_000,
      onInvalidMessage: options.onInvalidMessage,
    };
  }

  // ---- Observable state (useSyncExternalStore) ----

  readonly getSnapshot = (): ConnectionSnapshot => this.snapshot;

  readonly subscribeState = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  private setState(patch: Partial<ConnectionSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    if (next.status === this.snapshot.status && next.opens === this.snapshot.opens && next.failures === this.snapshot.failures) return;
    this.snapshot = next;
    for (const listener of this.stateListeners) listener();
  }

  /** What to show while not connected: offline when the browser says so or after failing to reconnect for a while. */
  private waitingStatus(failures: number): ConnectionStatus {
    const downFor = this.disconnectedSince === undefined ? 0 : this.options.now() - this.disconnectedSince;
    if (!this.options.isOnline() || downFor >= this.backoff.offlineAfterMs) return "offline";
    return this.snapshot.opens > 0 || failures > 0 ? "reconnecting" : "connecting";
  }

  // ---- Lifecycle ----

  /**
   * Connects for `identity` (the signed-in user's id). Calling it again for the same identity is a no-op (and
   * cancels a pending stop, so React's mount → unmount → mount keeps one socket); for another identity the old
   * connection is closed first (someone else signed in on this tab).
   */
  start(identity: string): void {
    clearTimeout(this.stopTimer);
    this.stopTimer = undefined;
    if (this.identity === identity) return;
    if (this.identity !== undefined) this.shutdown();
    this.identity = identity;
    this.stopWatchingOnline = this.options.watchOnline(() => this.onlineChanged());
    this.setState({ status: "connecting", opens: 0, failures: 0 });
    this.connect();
  }

  /** Closes the connection (sign-out). Deferred by a tick so an immediate start() for the same user keeps it. */
  stop(): void {
    if (this.identity === undefined || this.stopTimer !== undefined) return;
    this.stopTimer = setTimeout(() => {
      this.stopTimer = undefined;
      this.shutdown();
    }, 0);
  }

  private shutdown(): void {
    this.identity = undefined;
    this.disconnectedSince = undefined;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.stopWatchingOnline?.();
    this.stopWatchingOnline = undefined;
    this.dropSocket(NORMAL_CLOSURE, "Signed out");
    this.setState({ status: "idle", opens: 0, failures: 0 });
  }

  private connect(): void {
    this.reconnectTimer = undefined;
    if (this.identity === undefined) return;
    if (!this.options.isOnline()) {
      this.setState({ status: "offline" }); // onlineChanged() tries again when the browser is back
      return;
    }
    this.setState({ status: this.waitingStatus(this.snapshot.failures) });
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.options.url());
    } catch {
      this.scheduleReconnect(undefined);
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.onOpen(socket);
    socket.onmessage = (event) => this.handleFrame(socket, event.data);
    socket.onclose = (event) => this.onClose(socket, event.code);
    socket.onerror = () => {}; // a close event always follows; that is where retrying is decided
  }

  private onOpen(socket: SocketLike): void {
    if (socket !== this.socket) return;
    this.lastReceivedAt = this.options.now();
    this.disconnectedSince = undefined;
    this.setState({ status: "live", opens: this.snapshot.opens + 1 });
    // Only a connection that stays up a while proves the server is healthy again (no reset for a flapping one).
    this.stableTimer = setTimeout(() => this.setState({ failures: 0 }), this.backoff.stableMs);
    this.keepaliveTimer = setInterval(() => this.keepalive(), this.options.keepaliveMs);
    for (const [channel, refs] of this.channelRefs) if (refs > 0) this.send({ type: "subscribe", channel });
  }

  private handleFrame(socket: SocketLike, data: unknown): void {
    if (socket !== this.socket) return;
    this.lastReceivedAt = this.options.now();
    let parsed: unknown;
    try {
      parsed = typeof data === "string" ? JSON.parse(data) : undefined;
    } catch {
      parsed = undefined;
    }
    const result = serverMessage.safeParse(parsed);
    if (!result.success) {
      this.options.onInvalidMessage?.(data);
      return;
    }
    for (const listener of this.messageListeners) {
      try {
        listener(result.data);
      } catch (error) {
        // One broken listener must not starve the others (or the socket).
        console.error("realtime listener failed", error);
      }
    }
  }

  private onClose(socket: SocketLike, code: number | undefined): void {
    if (socket !== this.socket) return;
    this.clearConnectionTimers();
    this.socket = undefined;
    if (this.identity === undefined) return;
    this.scheduleReconnect(code);
  }

  private scheduleReconnect(code: number | undefined): void {
    const failures = this.snapshot.failures + 1;
    this.disconnectedSince ??= this.options.now();
    let delay: number;
    if (code === WS_CLOSE.goingAway && failures === 1) {
      // The server is restarting (a deploy): come back soon, spread over a short window.
      delay = Math.floor(this.options.random() * this.backoff.goingAwayWindowMs);
    } else if (code === WS_CLOSE.policyViolation) {
      // The server closed us for misbehaving: never hammer it; wait at least half the cap.
      delay = Math.floor(this.backoff.capMs * (0.5 + this.options.random() / 2));
    } else {
      delay = backoffDelay(failures, this.backoff, this.options.random);
    }
    this.setState({ failures, status: this.waitingStatus(failures) });
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private onlineChanged(): void {
    if (this.identity === undefined) return;
    if (!this.options.isOnline()) {
      if (this.snapshot.status !== "live") this.setState({ status: "offline" });
      return;
    }
    // Back online: try at once instead of waiting out a long backoff.
    if (!this.socket) {
      clearTimeout(this.reconnectTimer);
      this.disconnectedSince = undefined;
      this.setState({ failures: 0 });
      this.connect();
    }
  }

  private keepalive(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return;
    if (this.options.now() - this.lastReceivedAt > 2 * this.options.keepaliveMs) {
      // Nothing heard (not even a pong) for two periods: the connection is dead without having said so (sleep, Wi-Fi change).
      this.dropSocket(4000, "No answer to keepalive");
      this.scheduleReconnect(undefined);
      return;
    }
    this.send({ type: "ping" });
  }

  private clearConnectionTimers(): void {
    clearTimeout(this.stableTimer);
    clearInterval(this.keepaliveTimer);
    this.stableTimer = undefined;
    this.keepaliveTimer = undefined;
  }

  /** Detaches and closes the current socket (its late events are ignored). */
  private dropSocket(code: number, reason: string): void {
    this.clearConnectionTimers();
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(code, reason);
    } catch {
      // Already closed or closing: nothing to do.
    }
  }

  /** Sends now if connected, else drops it: what must survive a reconnect is sent again on `live` (as presence is). */
  send(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  // ---- Channels and messages ----

  /** Asks for a channel while the caller needs it; returns the release. The server hears one subscribe per channel. */
  subscribe(channel: Channel): () => void {
    const pending = this.unsubscribeTimers.get(channel);
    if (pending !== undefined) {
      // Released a moment ago and wanted again: the server never heard about it, so nothing to send.
      clearTimeout(pending);
      this.unsubscribeTimers.delete(channel);
      this.channelRefs.set(channel, 1);
    } else {
      const refs = (this.channelRefs.get(channel) ?? 0) + 1;
      this.channelRefs.set(channel, refs);
      if (refs === 1) this.send({ type: "subscribe", channel });
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(channel);
    };
  }

  private release(channel: Channel): void {
    const refs = (this.channelRefs.get(channel) ?? 1) - 1;
    if (refs > 0) {
      this.channelRefs.set(channel, refs);
      return;
    }
    this.unsubscribeTimers.set(
      channel,
      setTimeout(() => {
        this.unsubscribeTimers.delete(channel);
        this.channelRefs.delete(channel);
        this.send({ type: "unsubscribe", channel });
      }, this.options.unsubscribeDelayMs),
    );
  }

  /** Channels some component currently wants (for diagnostics and tests). */
  wantedChannels(): Channel[] {
    return [...this.channelRefs].filter(([channel, refs]) => refs > 0 && !this.unsubscribeTimers.has(channel)).map(([channel]) => channel);
  }

  /** Every valid message, in arrival order; returns the way to stop listening. */
  onMessage(listener: MessageListener): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }
}

/** The tab's one client. Nothing connects until the realtime layer calls start() for a signed-in user. */
export const realtime = new RealtimeClient({
  url: defaultSocketUrl,
  onInvalidMessage: (raw) => {
    if (import.meta.env.DEV) console.warn("realtime: dropped an invalid message", raw);
  },
});
