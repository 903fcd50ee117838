// The checkout bench's load generators. Closed loop: `buyers` workers, each placing its next order when the last
// one answered (throughput at a fixed concurrency; latency hides queueing, since a slow server slows the senders).
// Open loop: orders arrive at a constant rate whatever the server does, and each latency is measured from the
// order's SCHEDULED send time, so time spent waiting behind a slow server (or a late load generator) counts: no
// coordinated omission.
import { Agent, request } from "node:http";
import { TEST_CARD_SUCCESS } from "@shared/contracts/orders";
import { createRng } from "../../server/seed/demo-catalog";

export interface Tally {
  latenciesMs: number[];
  statuses: Map<number, number>;
  transportErrors: number;
}

export interface OpenLoopTally extends Tally {
  scheduled: number;
  /** Sends that left later than scheduled by more than 10 ms (the load generator itself fell behind). */
  lateSends: number;
  /** Orders still unanswered when the drain timeout ended (counted as errors). */
  unanswered: number;
  /** First scheduled send → last answer: the window the achieved rate is computed over. */
  spanS: number;
}

const ADDRESS = { name: "Bench Buyer", line1: "1 Load Street", city: "Benchville", postalCode: "12345", country: "US" };

export function createCheckoutClient(port: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });

  function call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
    return new Promise((resolvePromise, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method,
          path,
          agent,
          headers: { ...headers, ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on("error", reject);
      req.end(body);
    });
  }

  /** 1–3 distinct lines of 1–3 units, the success test card. */
  function orderBody(random: () => number, productIds: string[]): string {
    const lines = 1 + Math.floor(random() * 3);
    const chosen = new Set<string>();
    while (chosen.size < lines) chosen.add(productIds[Math.floor(random() * productIds.length)]!);
    return JSON.stringify({
      items: [...chosen].map((productId) => ({ productId, quantity: 1 + Math.floor(random() * 3) })),
      shippingAddress: ADDRESS,
      payment: { method: "test_card", cardNumber: TEST_CARD_SUCCESS, expiry: "12/49", cvc: "123" },
    });
  }

  const placeOrder = (token: string, key: string, body: string) =>
    call("POST", "/api/v1/orders", { authorization: `Bearer ${token}`, "idempotency-key": key }, body);

  const count = (tally: Tally, status: number) => tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);

  /** `tokens.length` workers, each placing one order after another until `untilMs`. */
  async function closedLoop(tokens: string[], productIds: string[], untilMs: number, runTag: string): Promise<Tally> {
    const tally: Tally = { latenciesMs: [], statuses: new Map(), transportErrors: 0 };
    await Promise.all(
      tokens.map(async (token, worker) => {
        const random = createRng(worker + 1 + runTag.length * 1_000).next;
        for (let n = 0; performance.now() < untilMs; n++) {
          const body = orderBody(random, productIds);
          const started = performance.now();
          try {
            const res = await placeOrder(token, `checkout-${runTag}-${worker}-${n}`, body);
            tally.latenciesMs.push(performance.now() - started);
            count(tally, res.status);
          } catch {
            tally.transportErrors += 1;
          }
        }
      }),
    );
    return tally;
  }

  /**
   * `ratePerS` orders a second for `durationS`, the buyers taking turns. A 1 ms timer sends every order whose
   * scheduled time has come (so the sends stay on schedule even when the event loop was busy); latency =
   * answer time − scheduled time. After the last send, unanswered orders get up to `drainMs`.
   */
  async function openLoop(
    tokens: string[],
    productIds: string[],
    ratePerS: number,
    durationS: number,
    runTag: string,
    drainMs = 15_000,
  ): Promise<OpenLoopTally> {
    const tally: OpenLoopTally = { latenciesMs: [], statuses: new Map(), transportErrors: 0, scheduled: 0, lateSends: 0, unanswered: 0, spanS: 0 };
    const random = createRng(ratePerS + runTag.length * 7_919).next;
    const total = Math.round(ratePerS * durationS);
    const intervalMs = 1_000 / ratePerS;
    const inFlight = new Set<Promise<void>>();
    const startMs = performance.now();
    let lastAnswerMs = startMs;
    let n = 0;
    // Answers that arrive after the drain ended are not counted: the tally is read (and the server stopped) then.
    let frozen = false;
    await new Promise<void>((done) => {
      const tick = () => {
        const now = performance.now();
        for (; n < total && startMs + n * intervalMs <= now; n++) {
          const scheduledMs = startMs + n * intervalMs;
          if (now - scheduledMs > 10) tally.lateSends += 1;
          const sent = placeOrder(tokens[n % tokens.length]!, `open-${runTag}-${n}`, orderBody(random, productIds)).then(
            (res) => {
              if (frozen) return;
              lastAnswerMs = performance.now();
              tally.latenciesMs.push(lastAnswerMs - scheduledMs);
              count(tally, res.status);
            },
            () => {
              if (!frozen) tally.transportErrors += 1;
            },
          );
          inFlight.add(sent);
          void sent.finally(() => inFlight.delete(sent));
        }
        tally.scheduled = n;
        if (n >= total) done();
        else setTimeout(tick, Math.max(0, Math.min(1, startMs + n * intervalMs - performance.now())));
      };
      tick();
    });
    const drained = await Promise.race([Promise.all(inFlight).then(() => true), new Promise<false>((r) => setTimeout(() => r(false), drainMs).unref())]);
    frozen = true;
    if (!drained) tally.unanswered = inFlight.size;
    tally.spanS = (lastAnswerMs - startMs) / 1_000;
    return tally;
  }

  return { call, closedLoop, openLoop, close: () => agent.destroy() };
}
