import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

/** What a recorded response's `_expect` block states (hand-computed from the registry's prices). */
export interface Expect {
  ticker: string;
  format: "openai-chat" | "openai-responses" | "anthropic" | "gemini";
  n_in: number;
  n_out: number;
  n_think: number;
  cache_read: number;
  cache_write_5m?: number;
  cache_write_1h?: number;
  cost: number;
  why: string;
}

export interface Recorded {
  name: string;
  response: Record<string, unknown>;
  expect: Expect;
}

const DIR = resolve(import.meta.dirname, "fixtures");

/**
 * Every recorded provider response in test/sdk/fixtures, with its `_expect` split off (the response as the API sends
 * it).
 */
export function recordedResponses(): Recorded[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const { _expect, ...response } = JSON.parse(readFileSync(resolve(DIR, f), "utf8")) as Record<string, unknown> & {
        _expect: Expect;
      };
      return { name: f.replace(/\.json$/, ""), response, expect: _expect };
    });
}

/** |a − b| ≤ tol·|b|. */
export function relClose(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.abs(b);
}
