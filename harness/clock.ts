import type { Browser } from "playwright-core";
import { parseClockOffset } from "../oracle-core/quant";

/**
 * The tests' default clock. `EXOSTREAM_CLOCK_OFFSET` (e.g. "365d") moves it, and the same switch reaches every other
 * default clock: workerd through the `EXOSTREAM_CLOCK_OFFSET` var ({@link clockVarArgs}, `npm start`, the in-process
 * feed harness) and the browser pages through {@link withShiftedClock}. Tests that need a date pin it; tests that
 * need "now" (a snapshot issued now, its age, its expiry) take it from here, so the whole suite can run a year ahead.
 */
export const CLOCK_OFFSET = process.env.EXOSTREAM_CLOCK_OFFSET?.trim() ?? "";
export const CLOCK_OFFSET_MS = parseClockOffset(CLOCK_OFFSET);

/** Milliseconds since the epoch, moved by the offset. */
export const now = (): number => Date.now() + CLOCK_OFFSET_MS;

/** The offset as feed vars (in-process harness, wrangler.toml [vars] shape); empty when unset. */
export const clockVars = (): { EXOSTREAM_CLOCK_OFFSET?: string } =>
  CLOCK_OFFSET ? { EXOSTREAM_CLOCK_OFFSET: CLOCK_OFFSET } : {};

/** The offset as `wrangler dev` arguments; empty when unset. */
export const clockVarArgs = (): string[] => (CLOCK_OFFSET ? ["--var", `EXOSTREAM_CLOCK_OFFSET:${CLOCK_OFFSET}`] : []);

/**
 * Script run in every page and frame before the page's own: `Date.now()` and `new Date()` read the moved clock.
 * Timers and `performance.now()` are untouched (durations stay real). Workers are not reached by init scripts: the
 * PWA's worker takes `now` from its page in every call that needs it. Kept as source text (not a function's
 * toString()) so no transpiler helper can leak into the page.
 */
export const shiftedClockScript = (offsetMs = CLOCK_OFFSET_MS): string =>
  offsetMs === 0
    ? ""
    : `(() => {
  const RealDate = Date, offset = ${offsetMs};
  if (RealDate.__exoOffset !== undefined) return;
  globalThis.Date = new Proxy(RealDate, {
    construct: (t, args, nt) => Reflect.construct(t, args.length === 0 ? [RealDate.now() + offset] : args, nt),
    apply: () => new RealDate(RealDate.now() + offset).toString(),
    get: (t, k, r) =>
      k === "now" ? () => RealDate.now() + offset : k === "__exoOffset" ? offset : Reflect.get(t, k, r),
  });
})();`;

/** Makes every context (and so every page) of `browser` run on the moved clock; a no-op without an offset. */
export function withShiftedClock(browser: Browser): Browser {
  if (CLOCK_OFFSET_MS === 0) return browser;
  const newContext = browser.newContext.bind(browser);
  // Browser.newPage creates its context through this.newContext, so pages made either way are covered.
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript({ content: shiftedClockScript() });
    return context;
  };
  return browser;
}
