/** Attempts before a delivery is marked failed: the first try and five retries. */
export const MAX_ATTEMPTS = 6;
/** Delay after the first failed attempt; each later one is 4× longer (30 s, 2 min, 8 min, 32 min, 2 h 8 min). */
export const FIRST_RETRY_MS = 30_000;

/**
 * When to try again after `attempts` failed attempts, or null when the delivery has had all of them.
 * No jitter: deliveries are already spread by the cron that runs them (every 15 minutes), and a fixed schedule is
 * one a receiver can rely on. A retry is due at the first cron run at or after this time.
 * @example retryAt(1, new Date("2026-11-24T06:00:00Z")) // 2026-11-24T06:00:30Z
 */
export function retryAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + FIRST_RETRY_MS * 4 ** (attempts - 1));
}
