// Issue 11, widgets: a row's lifecycle is shown in words (colour is never the only signal) with its meaning as the
// title: provisional, retires <date>, retired <date>, unquoted since <date>; the calculator names its row's state
// and the forward chart says a retired model has no forward past its retirement.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../harness/chromium";
import type { TestServer } from "../../harness/static-server";
import { ensureWidgetsBuilt } from "../../harness/widgets-build";
import {
  keysDocument,
  signedSnapshot,
  startFeed,
  startHost,
  withLifecycle,
  type FeedState,
} from "../../harness/widgets-fixture";
import { openPage, shadowText, statesOf } from "../../harness/widgets-page";

let browser: Browser;
let feed: TestServer;
let host: TestServer;
const state: FeedState = { snapshot: null, keys: null };

/** A third-party page with a board of the four fixture models, a calculator and a forward chart of GPT-4O. */
const page = (origin: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <script type="module" src="${origin}/widgets/exostream-widgets.js"></script></head><body>
  <exo-ticker id="t" models="OPUS-4.6,GPT-4.1,GPT-4O,SONNET-4.5"></exo-ticker>
  <exo-cost-calculator id="c" model="GPT-4O"></exo-cost-calculator>
  <exo-forward-chart id="f" model="GPT-4O"></exo-forward-chart></body></html>`;

beforeAll(async () => {
  await ensureWidgetsBuilt();
  browser = await launchChromium();
  state.keys = await keysDocument();
  // OPUS-4.6 provisional, GPT-4.1 deprecated, GPT-4O retired, SONNET-4.5 unquoted since 2026-11-01 (valuation
  // date 2026-11-24: 23 days).
  state.snapshot = (await signedSnapshot(withLifecycle())).envelope;
  feed = await startFeed(state);
  host = await startHost({ "/lifecycle.html": () => page(feed.origin) });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await feed?.close();
  await host?.close();
});

/** Each card's symbol and lifecycle badges: [symbol, [label, title, kind][]]. */
const cards = (p: Page) =>
  p.evaluate(() =>
    [...document.getElementById("t")!.shadowRoot!.querySelectorAll('[part="card"]')].map((c) => [
      c.querySelector('[part="symbol"]')!.textContent,
      [...c.querySelectorAll('[part~="lifecycle"]')].map((b) => [
        b.textContent,
        b.getAttribute("title"),
        b.getAttribute("data-kind"),
      ]),
    ]),
  );

describe("widgets show a ticker's lifecycle", () => {
  it("<exo-ticker>: one worded badge per state, its meaning and dates in the title", async () => {
    const p = await openPage(browser, `${host.origin}/lifecycle.html`);
    expect(await statesOf(p.page, ["t", "c", "f"])).toEqual({ t: "verified", c: "verified", f: "verified" });
    expect(await cards(p.page)).toEqual([
      [
        "OPUS-4.6",
        [
          [
            "provisional",
            "provisional — listed 2026-11-20, unconfirmed: listed from two agreeing sources",
            "provisional",
          ],
        ],
      ],
      [
        "GPT-4.1",
        [["retires 2027-01-15", "retires 2027-01-15 (deprecated 2026-06-06): still quoted until then", "deprecated"]],
      ],
      [
        "GPT-4O",
        [["retired 2026-10-01", "retired 2026-10-01: no longer offered, no forward past its retirement", "retired"]],
      ],
      [
        "SONNET-4.5",
        [
          [
            "unquoted since 2026-11-01",
            "no healthy source has quoted it since 2026-11-01; the last published price is shown",
            "unquoted",
          ],
        ],
      ],
    ]);
    // The badge is text on an outlined box, not a colour: its words are in the card's visible text.
    expect(await shadowText(p.page, "t", '[part="card"]')).toMatch(/^OPUS-4\.6 provisional \$25\.00 \/M out/);
    await p.context.close();
  });

  it("the calculator labels its row; the forward chart says a retired model has no forward past its retirement", async () => {
    const p = await openPage(browser, `${host.origin}/lifecycle.html`);
    await statesOf(p.page, ["c", "f"]);
    expect(await shadowText(p.page, "c", ".r")).toMatch(/^GPT-4O retired: \$[\d.]+ per call/);
    await p.page.waitForFunction(() => document.getElementById("f")!.shadowRoot!.querySelector('[part="title"]'));
    expect(await shadowText(p.page, "f", '[part="title"]')).toBe(
      "GPT-4O · output $/M: spot and forwards with 50% and 90% bands · retired 2026-10-01: no forward past its " +
        "retirement",
    );
    await p.context.close();
  });
});
