import { parseClockOffset } from "../../oracle-core/quant";

/**
 * The SDK's default clock: `Date.now()`, moved by `EXOSTREAM_CLOCK_OFFSET` where a process environment exists (Node;
 * the project's tests use it to run a year ahead). Callers that need another time pass `now` explicitly.
 */
export function systemNow(): number {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return Date.now() + parseClockOffset(env?.EXOSTREAM_CLOCK_OFFSET);
}
