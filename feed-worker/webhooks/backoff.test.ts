import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryAt } from "./backoff";

describe("retry backoff: 30 s × 4^(n−1) after the n-th failure, six attempts in all", () => {
  const now = new Date("2026-11-24T06:00:00Z");
  it("30 s, 2 min, 8 min, 32 min, 2 h 8 min, then give up", () => {
    const delays = [1, 2, 3, 4, 5].map((n) => (retryAt(n, now)!.getTime() - now.getTime()) / 1000);
    expect(delays).toEqual([30, 120, 480, 1920, 7680]);
    expect(MAX_ATTEMPTS).toBe(6);
    expect(retryAt(6, now)).toBeNull();
  });
});
