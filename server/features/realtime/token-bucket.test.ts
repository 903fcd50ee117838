import { describe, expect, it } from "vitest";
import { originAllowed } from "./origin";
import { TokenBucket } from "./token-bucket";

describe("token bucket", () => {
  it("when the burst is spent, then further takes fail until time refills the bucket", () => {
    const bucket = new TokenBucket(20, 40, 0);
    const taken = Array.from({ length: 45 }, () => bucket.take(0)).filter(Boolean).length;
    expect(taken).toBe(40);
    expect(bucket.take(0)).toBe(false);
    expect(bucket.take(50)).toBe(true); // 50 ms at 20/s = 1 token
    expect(bucket.take(50)).toBe(false);
  });

  it("when a client stays under the rate, then it is never refused", () => {
    const bucket = new TokenBucket(20, 40, 0);
    for (let t = 0; t < 10_000; t += 60) expect(bucket.take(t)).toBe(true);
  });
});

describe("origin check", () => {
  const allowed = new Set(["https://shop.example.com"]);
  it("when the origin is listed, is the request's own host, or is absent, then it is allowed", () => {
    expect(originAllowed("https://shop.example.com", "internal:5000", allowed)).toBe(true);
    expect(originAllowed("http://127.0.0.1:5000", "127.0.0.1:5000", allowed)).toBe(true);
    expect(originAllowed(undefined, "127.0.0.1:5000", allowed)).toBe(true);
  });

  it("when the origin is another site, null or malformed, then it is refused", () => {
    expect(originAllowed("https://evil.example", "127.0.0.1:5000", allowed)).toBe(false);
    expect(originAllowed("http://127.0.0.1:5001", "127.0.0.1:5000", allowed)).toBe(false);
    expect(originAllowed("null", "127.0.0.1:5000", allowed)).toBe(false);
    expect(originAllowed("https://evil.example", undefined, allowed)).toBe(false);
  });
});
