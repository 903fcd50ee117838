/**
 * A small circuit breaker for calls to an outside service (the payment provider, Redis).
 *
 *   closed    – calls pass; `failureThreshold` consecutive failures open the circuit.
 *   open      – calls fail fast with CircuitOpenError (no request reaches the struggling service)
 *               until `coolDownMs` has passed.
 *   half-open – after the cool-down ONE trial call passes (others still fail fast); its success closes
 *               the circuit, its failure opens it for another cool-down.
 *
 * Only what the caller counts as a failure trips it (`isFailure`): a declined card is a normal answer, not an outage.
 */
export type CircuitState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions {
  failureThreshold?: number;
  coolDownMs?: number;
  /** Which thrown errors count as failures (default: all). */
  isFailure?: (err: unknown) => boolean;
  /** Injectable clock for tests. */
  now?: () => number;
}

export class CircuitOpenError extends Error {
  constructor(readonly retryAfterMs: number) {
    super("The circuit is open: the service failed repeatedly and is given time to recover.");
    this.name = "CircuitOpenError";
  }
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private current: CircuitState = "closed";
  private readonly failureThreshold: number;
  private readonly coolDownMs: number;
  private readonly isFailure: (err: unknown) => boolean;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 5;
    this.coolDownMs = options.coolDownMs ?? 30_000;
    this.isFailure = options.isFailure ?? (() => true);
    this.now = options.now ?? Date.now;
  }

  /** The state as a caller would experience it now (an expired cool-down reads as half-open). */
  get state(): CircuitState {
    if (this.current === "open" && this.now() - this.openedAt >= this.coolDownMs) return "half-open";
    return this.current;
  }

  async execute<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === "open" || (state === "half-open" && this.trialInFlight)) {
      throw new CircuitOpenError(Math.max(0, this.coolDownMs - (this.now() - this.openedAt)));
    }
    const trial = state === "half-open";
    if (trial) {
      this.current = "half-open";
      this.trialInFlight = true;
    }
    try {
      const result = await call();
      this.onSuccess();
      return result;
    } catch (err) {
      if (this.isFailure(err)) this.onFailure(trial);
      else this.onSuccess();
      throw err;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private onSuccess(): void {
    this.failures = 0;
    this.current = "closed";
  }

  private onFailure(trial: boolean): void {
    this.failures += 1;
    if (trial || this.failures >= this.failureThreshold) {
      this.current = "open";
      this.openedAt = this.now();
    }
  }
}
