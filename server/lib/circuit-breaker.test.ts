import { describe, expect, it } from "vitest";
import { CircuitBreaker, CircuitOpenError } from "./circuit-breaker";

const fail = () => Promise.reject(new Error("provider down"));
const succeed = () => Promise.resolve("ok");

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

async function tripOpen(breaker: CircuitBreaker, times: number) {
  for (let i = 0; i < times; i++) await expect(breaker.execute(fail)).rejects.toThrow("provider down");
}

describe("circuit breaker", () => {
  it("when fewer consecutive failures than the threshold happen, then it stays closed and calls pass", async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3 });
    await tripOpen(breaker, 2);
    expect(breaker.state).toBe("closed");
    await expect(breaker.execute(succeed)).resolves.toBe("ok");
  });

  it("when a success comes between failures, then the count starts again", async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3 });
    await tripOpen(breaker, 2);
    await breaker.execute(succeed);
    await tripOpen(breaker, 2);
    expect(breaker.state).toBe("closed");
  });

  it("when the threshold is reached, then it opens and fails fast without calling the service", async () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000, now: c.now });
    await tripOpen(breaker, 3);
    expect(breaker.state).toBe("open");
    let called = false;
    const rejected = breaker.execute(async () => {
      called = true;
      return "ok";
    });
    await expect(rejected).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    c.advance(4_000);
    await expect(breaker.execute(succeed)).rejects.toMatchObject({ retryAfterMs: 6_000 });
  });

  it("when the cool-down has passed, then one trial call goes through and its success closes the circuit", async () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 5_000, now: c.now });
    await tripOpen(breaker, 2);
    c.advance(5_000);
    expect(breaker.state).toBe("half-open");
    let release!: (v: string) => void;
    const trial = breaker.execute(() => new Promise<string>((r) => (release = r)));
    // While the trial runs, everyone else still fails fast.
    await expect(breaker.execute(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    release("ok");
    await expect(trial).resolves.toBe("ok");
    expect(breaker.state).toBe("closed");
    await expect(breaker.execute(succeed)).resolves.toBe("ok");
  });

  it("when the trial call fails, then the circuit opens for another full cool-down", async () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 5_000, now: c.now });
    await tripOpen(breaker, 2);
    c.advance(5_000);
    await expect(breaker.execute(fail)).rejects.toThrow("provider down");
    expect(breaker.state).toBe("open");
    c.advance(4_999);
    expect(breaker.state).toBe("open");
    c.advance(1);
    expect(breaker.state).toBe("half-open");
  });

  it("when an error is not counted as a failure, then it never opens the circuit", async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, isFailure: (err) => (err as Error).message !== "declined" });
    for (let i = 0; i < 3; i++) await expect(breaker.execute(() => Promise.reject(new Error("declined")))).rejects.toThrow("declined");
    expect(breaker.state).toBe("closed");
  });
});
