// Issue 5, contract: CSP-clean under default-src 'none' with only the widget origin allowed;
// host-proof against aggressive global CSS; the script included twice warns and never throws.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../harness/chromium";
import type { TestServer } from "../../harness/static-server";
import { ensureWidgetsBuilt } from "../../harness/widgets-build";
import {
  hostPage,
  keysDocument,
  signedSnapshot,
  signedWidgetView,
  startFeed,
  startHost,
  type FeedState,
} from "../../harness/widgets-fixture";
import { openPage, shadowTexts, statesOf } from "../../harness/widgets-page";

let browser: Browser;
let feed: TestServer;
let host: TestServer;
const state: FeedState = { snapshot: null, keys: null };

beforeAll(async () => {
  await ensureWidgetsBuilt();
  browser = await launchChromium();
  state.keys = await keysDocument();
  state.snapshot = (await signedSnapshot()).envelope;
  state.view = await signedWidgetView(); // the feed publishes both: a 404 on the view is a console error
  state.indexHistory = [
    { date: "2026-06-01", level: 840 },
    { date: "2026-09-01", level: 812.3 },
  ];
  feed = await startFeed(state);
  const policy = () =>
    `default-src 'none'; script-src ${feed.origin}; style-src ${feed.origin}; connect-src ${feed.origin}`;
  host = await startHost(
    {
      "/strict-csp.html": () => hostPage("strict-csp.html", feed.origin),
      "/hostile-css.html": () => hostPage("hostile-css.html", feed.origin),
      "/two-copies.html": () => hostPage("two-copies.html", feed.origin),
      // A genuinely separate second copy (other URLs, so other module instances: a second define).
      "/two-real-copies.html": () =>
        hostPage("two-copies.html", feed.origin, (h) =>
          h.replace(
            `${feed.origin}/widgets/exostream-widgets.js?copy=2`,
            `${feed.origin}/copy/widgets/exostream-widgets.js`,
          ),
        ),
    },
    { "/strict-csp.html": { "Content-Security-Policy": policy() } },
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await feed?.close();
  await host?.close();
});

const errorsOf = (p: Awaited<ReturnType<typeof openPage>>) => [
  ...p.errors,
  ...p.console.filter((c) => c.type === "error" && !/favicon/.test(c.text)).map((c) => c.text),
];

describe("strict Content Security Policy", () => {
  it("every widget verifies and renders with zero CSP violations and no errors (policy as meta and as header)", async () => {
    const p = await openPage(browser, `${host.origin}/strict-csp.html`);
    const policy = await p.page.evaluate(() =>
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content"),
    );
    expect(policy).toBe(
      `default-src 'none'; script-src ${feed.origin}; style-src ${feed.origin}; connect-src ${feed.origin}`,
    );
    const states = await statesOf(p.page, ["t", "m", "f", "h", "c", "i"]);
    expect(Object.values(states)).toEqual(Array(6).fill("verified"));
    // The chart has drawn (uPlot under CSP) and the calculator priced: real content, not just a shell.
    await p.page.waitForFunction(
      () => (document.getElementById("f") as unknown as { xTickLabels: string[] }).xTickLabels.length > 0,
    );
    expect(await shadowTexts(p.page, "c", "[part=cost]")).toEqual(["$0.04500"]);
    expect(await p.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(errorsOf(p)).toEqual([]);
    // The probe works: an inline style under this policy is reported.
    await p.page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<p style="color:red">x</p>'));
    await p.page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    expect((await p.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))[0]).toMatch(/^style-src/);
    await p.context.close();
  });
});

describe("hostile host CSS", () => {
  /** Every widget's size and each of its parts' boxes relative to the widget. */
  const boxes = (page: Awaited<ReturnType<typeof openPage>>["page"]) =>
    page.evaluate(() => {
      // The marquee moves: hold every animation at its start so positions compare.
      const ids = ["t", "m", "c", "f", "i"];
      for (const a of ids.flatMap((id) => document.getElementById(id)!.shadowRoot!.getAnimations())) {
        a.pause();
        a.currentTime = 0;
      }
      return ids.map((id) => {
        const el = document.getElementById(id)!;
        const r = el.getBoundingClientRect();
        const parts = [...el.shadowRoot!.querySelectorAll("[part], canvas")].map((n) => {
          const b = n.getBoundingClientRect();
          const s = getComputedStyle(n);
          return [
            n.getAttribute("part") ?? n.nodeName,
            Math.round(b.x - r.x),
            Math.round(b.y - r.y),
            Math.round(b.width),
            Math.round(b.height),
            s.fontSize,
            s.fontFamily,
            s.letterSpacing,
            s.textTransform,
          ];
        });
        return { id, w: Math.round(r.width), h: Math.round(r.height), display: getComputedStyle(el).display, parts };
      });
    });

  it("* { all: revert }, html { font-size: 10px }, div { display: flex } and shouting body text change nothing inside the widgets", async () => {
    const p = await openPage(browser, `${host.origin}/hostile-css.html`);
    await statesOf(p.page, ["t", "m", "c", "f", "i"]);
    await p.page.waitForFunction(
      () => (document.getElementById("f") as unknown as { xTickLabels: string[] }).xTickLabels.length > 0,
    );
    // The hostile sheet really applies to the page.
    expect(await p.page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("10px");
    expect(await p.page.evaluate(() => getComputedStyle(document.body).textTransform)).toBe("uppercase");
    const hostile = await boxes(p.page);
    await p.page.evaluate(() => ((document.getElementById("hostile") as HTMLLinkElement).disabled = true));
    await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await p.page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("16px");
    const calm = await boxes(p.page);
    expect(hostile.map((b) => b.parts.length)).toEqual(calm.map((b) => b.parts.length));
    expect(hostile.every((b) => b.parts.length > 3 && b.w === 640 && b.display === "block")).toBe(true);
    expect(hostile).toEqual(calm);
    await p.context.close();
  });
});

describe("the script included twice", () => {
  it("the same script at two URLs: both run, one data request, no error", async () => {
    const from = feed.requests.length;
    const p = await openPage(browser, `${host.origin}/two-copies.html`);
    expect(await statesOf(p.page, ["t", "u"])).toEqual({ t: "verified", u: "verified" });
    expect(p.requests.filter((u) => u.includes("exostream-widgets.js"))).toHaveLength(2);
    // Tickers only: one widget-view request (what <exo-ticker> reads), no snapshot.
    expect(feed.requests.slice(from).filter((r) => r.url === "/v1/widget-view")).toHaveLength(1);
    expect(errorsOf(p)).toEqual([]);
    await p.context.close();
  });

  it("two independent copies: the second definition warns, never throws, and the page still works", async () => {
    const from = feed.requests.length;
    const p = await openPage(browser, `${host.origin}/two-real-copies.html`);
    expect(await statesOf(p.page, ["t", "u"])).toEqual({ t: "verified", u: "verified" });
    // Both copies' ticker chunks were fetched and executed; the second define only warned.
    await expect
      .poll(
        () =>
          p.console.filter((c) => c.type === "warning" && c.text.includes("<exo-ticker> is already defined")).length,
      )
      .toBe(1);
    expect(p.requests.filter((u) => /\/chunks\/exo-ticker-/.test(u))).toHaveLength(2);
    expect(errorsOf(p)).toEqual([]);
    expect(await shadowTexts(p.page, "u", "[part=price]")).toEqual(["$8.00 /M out", "$15.00 /M out"]);
    expect(feed.requests.slice(from).filter((r) => r.url === "/v1/widget-view")).toHaveLength(1);
    await p.context.close();
  });
});
