import { parseClockOffset } from "../oracle-core/quant";
import type { Env } from "./env";

/**
 * The feed's clock: the Workers clock moved by the `EXOSTREAM_CLOCK_OFFSET` var (unset in production; the test
 * harness and `npm start` pass it on to run the feed as if it were another day). Cron runs take their time from
 * the trigger through {@link feedDate}.
 */
export function feedNow(env: Pick<Env, "EXOSTREAM_CLOCK_OFFSET">, at = Date.now()): number {
  return at + parseClockOffset(env.EXOSTREAM_CLOCK_OFFSET);
}

/** {@link feedNow} as a Date (e.g. of a cron trigger's `scheduledTime`). */
export function feedDate(env: Pick<Env, "EXOSTREAM_CLOCK_OFFSET">, at = Date.now()): Date {
  return new Date(feedNow(env, at));
}
